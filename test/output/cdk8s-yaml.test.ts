import { Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { fastCdk8sStringify } from '../../src/output/cdk8s-yaml';
import { yamlKey, yamlValue } from '../support/yaml-arbitraries';

const fast = fastCdk8sStringify(Yaml.stringify);

/** A document that may hold undefined members and the same object twice: cdk8s writes null and an alias. */
const document = fc.tuple(fc.dictionary(yamlKey, fc.oneof(yamlValue, fc.constant(undefined)), { minKeys: 1, maxKeys: 6 }), fc.boolean())
  .map(([doc, share]) => {
    const firstObject = Object.values(doc).find(v => typeof v === 'object' && v !== null);
    return share && firstObject !== undefined ? { ...doc, again: firstObject } : doc;
  });

describe('fastCdk8sStringify', () => {
  test('writes exactly what cdk8s\'s Yaml.stringify writes, for any documents', () => {
    fc.assert(fc.property(fc.array(fc.oneof(document, fc.constant(undefined)), { maxLength: 4 }), docs => {
      expect(fast(...docs)).toBe(Yaml.stringify(...docs));
    }), { numRuns: 2000, seed: 20261204 });
  });

  test('writes undefined members as null and a shared object as an alias, as cdk8s does', () => {
    // GIVEN
    const shared = { a: 1 };
    const doc = { kind: 'ConfigMap', gone: undefined, list: [shared, shared] };

    // WHEN
    const yaml = fast(doc, undefined, { kind: 'Secret' });

    // THEN
    expect(yaml).toBe(Yaml.stringify(doc, undefined, { kind: 'Secret' }));
    expect(yaml).toContain('gone: null\n');
    expect(yaml).toContain('*a1');
    expect(yaml.split('---\n')).toHaveLength(3);
  });
});
