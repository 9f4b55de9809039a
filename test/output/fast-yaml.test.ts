import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import * as fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { buildStack } from '../../src/config/build-stack';
import { parseConfigText } from '../../src/config/parse-config';
import { fastYamlDocument } from '../../src/output/fast-yaml';
import { renderYamlDocument, toYamlStream } from '../../src/output/yaml';
import { KustomizeComponent } from '../../src/restart/kustomize-component';
import { yamlKey, yamlValue } from '../support/yaml-arbitraries';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const slow = renderYamlDocument;
/** What src/ory/ory-yaml.ts renders config files with. */
const plain = (value: unknown) => stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });

describe('fastYamlDocument', () => {
  test.each([['toYamlStream\'s', slow], ['the plain', plain]])('writes exactly what %s renderer writes, or gives up', (_name, renderer) => {
    fc.assert(fc.property(fc.dictionary(yamlKey, yamlValue, { minKeys: 1, maxKeys: 6 }), doc => {
      const fast = fastYamlDocument(doc, renderer);
      expect(fast === undefined || fast === renderer(doc)).toBe(true);
    }), { numRuns: 2000 });
  });

  test('renders every example config\'s output fast, byte for byte', () => {
    for (const file of fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.yaml'))) {
      // GIVEN
      const app = new App({ outdir: 'unused' });
      const stack = buildStack(app, parseConfigText(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'), file), EXAMPLES);
      const patches = stack.kustomize ? KustomizeComponent.of(stack.chart).renderFiles().filter(f => f.path.startsWith('patches/')) : [];
      const objects = [...stack.chart.toJson(), ...patches.map(f => parse(f.content))];

      // THEN
      for (const object of objects) {
        expect({ file, fast: fastYamlDocument(object, slow) }).toStrictEqual({ file, fast: slow(object) });
      }
      // Hydra's and Kratos's config files, rendered plainly.
      for (const object of objects.filter(o => o.kind === 'ConfigMap')) {
        for (const text of Object.values<string>(object.data ?? {}).filter(t => t.includes('\n'))) {
          const config = parse(text);
          if (config !== null && typeof config === 'object' && !Array.isArray(config)) {
            expect(fastYamlDocument(config, plain)).toBe(plain(config));
          }
        }
      }
    }
  });

  test('gives up on what is not plain JSON data', () => {
    expect(fastYamlDocument({ when: new Date(0) }, slow)).toBeUndefined();
    expect(fastYamlDocument({ list: [undefined] }, slow)).toBeUndefined();
    expect(fastYamlDocument({}, slow)).toBeUndefined();
    expect(fastYamlDocument(['a'], slow)).toBeUndefined();
    expect(toYamlStream([{ when: new Date(0) }])).toBe(slow({ when: new Date(0) }));
  });
});
