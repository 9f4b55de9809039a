import { createHash } from 'crypto';
import * as fc from 'fast-check';
import { canonicalJson, ContentHash } from '../../src/restart/content-hash';

/** Bounded and repeatable in CI. */
const RUNS = { numRuns: 200, seed: 20240611 };

/** ConfigMap keys (`[-._a-zA-Z0-9]+`), including `__proto__`, which is a valid key. */
const dataKey = fc.oneof(
  { weight: 9, arbitrary: fc.stringMatching(/^[-._a-zA-Z0-9]{1,16}$/) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString') },
);
const entries = (value: fc.Arbitrary<string>) => fc.uniqueArray(fc.tuple(dataKey, value), { selector: e => e[0], maxLength: 8 });
const base64 = fc.uint8Array({ maxLength: 24 }).map(bytes => Buffer.from(bytes).toString('base64'));

/** An object with own properties in the given order (`__proto__` included as a plain key). */
function objectOf(pairs: ReadonlyArray<readonly [string, any]>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of pairs) {
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The same value with the key order of every object rotated by `shift`. */
function rotateKeys(value: any, shift: number): any {
  if (Array.isArray(value)) {
    return value.map(v => rotateKeys(v, shift));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const n = keys.length === 0 ? 0 : shift % keys.length;
    return objectOf([...keys.slice(n), ...keys.slice(0, n)].reverse().map(k => [k, rotateKeys(value[k], shift)] as const));
  }
  return value;
}

function configMap(data: ReadonlyArray<readonly [string, string]>, binaryData: ReadonlyArray<readonly [string, string]>, metadata: any = { name: 'c' }): any {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: objectOf(data), binaryData: objectOf(binaryData) };
}

describe('ContentHash', () => {
  test('of() is the sha256 of canonical JSON with sorted keys', () => {
    // GIVEN
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } };

    // THEN
    expect(canonicalJson(value)).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
    expect(ContentHash.of(value)).toBe(createHash('sha256').update('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}').digest('hex'));
    expect(ContentHash.of(value)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('canonicalJson() writes exactly JSON.stringify of a key-sorted copy, for any JSON value', () => {
    // The definition the direct writer must match: a copy with sorted keys (no prototype, so `__proto__` stays a key).
    const sortedCopy = (value: any): any => {
      if (Array.isArray(value)) {
        return value.map(sortedCopy);
      }
      if (value !== null && typeof value === 'object') {
        const sorted: Record<string, any> = Object.create(null);
        for (const key of Object.keys(value).sort()) {
          if (value[key] !== undefined) {
            sorted[key] = sortedCopy(value[key]);
          }
        }
        return sorted;
      }
      return value;
    };
    const anyJson = fc.jsonValue().chain(v => fc.nat(7).map(shift => rotateKeys(v, shift)));
    const withUndefined = fc.dictionary(dataKey, fc.oneof(fc.jsonValue(), fc.constant(undefined)))
      .map(d => objectOf(Object.entries(d)));
    fc.assert(fc.property(fc.oneof(anyJson, withUndefined, fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)))), value => {
      expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
    }), { ...RUNS, numRuns: 1000 });
    // Keys that are array indices come first, in numeric order, as they always have in these hashes.
    const indexKeys = { 'b': 1, '10': 2, '': 3, '9': 4, '4294967295': 5, '01': 6 };
    expect(canonicalJson(indexKeys)).toBe(JSON.stringify(sortedCopy(indexKeys)));
    expect(canonicalJson(indexKeys)).toBe('{"9":4,"10":2,"":3,"01":6,"4294967295":5,"b":1}');
  });

  test('of() drops undefined members, as JSON does', () => {
    expect(ContentHash.of({ a: 1, b: undefined })).toBe(ContentHash.of({ a: 1 }));
  });

  test('ofConfigMap() covers data and binaryData, and tells them apart', () => {
    // GIVEN
    const inData = { data: { k: 'dg==' } };
    const inBinary = { binaryData: { k: 'dg==' } };

    // THEN
    expect(ContentHash.ofConfigMap(inData)).not.toBe(ContentHash.ofConfigMap(inBinary));
    expect(ContentHash.ofConfigMap({})).toBe(ContentHash.ofConfigMap({ data: {}, binaryData: {} }));
    expect(ContentHash.ofConfigMap(inData)).toBe(ContentHash.of({ data: { k: 'dg==' }, binaryData: {} }));
  });

  test('ofConfigMap() counts a `__proto__` key like any other', () => {
    // GIVEN two ConfigMaps that differ only in the value of the valid key `__proto__`
    const one = JSON.parse('{"data":{"__proto__":"one"}}');
    const two = JSON.parse('{"data":{"__proto__":"two"}}');

    // THEN
    expect(ContentHash.ofConfigMap(one)).not.toBe(ContentHash.ofConfigMap(two));
    expect(ContentHash.ofConfigMap(one)).not.toBe(ContentHash.ofConfigMap({}));
    expect(canonicalJson(one)).toBe('{"data":{"__proto__":"one"}}');
  });

  test('ofSecret() covers data, stringData and type, defaulting type to Opaque', () => {
    expect(ContentHash.ofSecret({ data: { a: 'YQ==' } })).toBe(ContentHash.ofSecret({ data: { a: 'YQ==' }, type: 'Opaque' }));
    expect(ContentHash.ofSecret({ data: { a: 'YQ==' } })).not.toBe(ContentHash.ofSecret({ data: { a: 'YQ==' }, type: 'kubernetes.io/tls' }));
    expect(ContentHash.ofSecret({ stringData: { a: 'x' } })).not.toBe(ContentHash.ofSecret({ stringData: { a: 'y' } }));
  });

  test('ofExternalSecret() covers the whole spec: a bumped remote version changes it', () => {
    // GIVEN
    const spec = (version: string) => ({ spec: { data: [{ secretKey: 's', remoteRef: { key: 'pixie/auth0', property: 'p', version } }] } });

    // THEN
    expect(ContentHash.ofExternalSecret(spec('1'))).not.toBe(ContentHash.ofExternalSecret(spec('2')));
    expect(ContentHash.ofExternalSecret({ metadata: { labels: { a: 'b' } }, ...spec('1') })).toBe(ContentHash.ofExternalSecret(spec('1')));
  });

  describe('properties', () => {
    test('the hash does not depend on key order, at any depth', () => {
      fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (value, shift) => {
        expect(ContentHash.of(rotateKeys(value, shift))).toBe(ContentHash.of(value));
      }), RUNS);
    });

    test('a ConfigMap\'s hash does not depend on the order of its keys or sections', () => {
      fc.assert(fc.property(entries(fc.string()), entries(base64), fc.nat(), (data, binaryData, shift) => {
        const manifest = configMap(data, binaryData);
        expect(ContentHash.ofConfigMap(rotateKeys(manifest, shift))).toBe(ContentHash.ofConfigMap(manifest));
      }), RUNS);
    });

    test('changing any single data or binaryData value changes the hash', () => {
      const change = fc.tuple(entries(fc.string()), entries(base64), fc.boolean())
        .filter(([data, binaryData, inData]) => (inData ? data : binaryData).length > 0)
        .chain(([data, binaryData, inData]) => {
          const section = inData ? data : binaryData;
          return fc.record({
            data: fc.constant(data),
            binaryData: fc.constant(binaryData),
            inData: fc.constant(inData),
            index: fc.nat({ max: section.length - 1 }),
            newValue: inData ? fc.string() : base64,
          });
        })
        .filter(c => (c.inData ? c.data : c.binaryData)[c.index][1] !== c.newValue);

      fc.assert(fc.property(change, ({ data, binaryData, inData, index, newValue }) => {
        const section = inData ? data : binaryData;
        const changed = section.map(([k, v], i) => [k, i === index ? newValue : v] as const);
        const before = configMap(data, binaryData);
        const after = inData ? configMap(changed, binaryData) : configMap(data, changed);
        expect(ContentHash.ofConfigMap(after)).not.toBe(ContentHash.ofConfigMap(before));
      }), RUNS);
    });

    test('changing labels or annotations of the source does not change the hash', () => {
      const metadata = fc.record({
        name: fc.constant('pl-oauth-config'),
        labels: fc.dictionary(dataKey, fc.string(), { maxKeys: 4 }),
        annotations: fc.dictionary(dataKey, fc.string(), { maxKeys: 4 }),
      });
      fc.assert(fc.property(entries(fc.string()), entries(base64), metadata, metadata, (data, binaryData, m1, m2) => {
        expect(ContentHash.ofConfigMap(configMap(data, binaryData, m1))).toBe(ContentHash.ofConfigMap(configMap(data, binaryData, m2)));
        const es = (m: any) => ({ metadata: m, spec: { refreshInterval: '1h', data: data.map(([k]) => ({ secretKey: k, remoteRef: { key: k } })) } });
        expect(ContentHash.ofExternalSecret(es(m1))).toBe(ContentHash.ofExternalSecret(es(m2)));
      }), RUNS);
    });
  });
});
