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

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const slow = renderYamlDocument;
/** What src/ory/ory-yaml.ts renders config files with. */
const plain = (value: unknown) => stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });

/** Characters and words that decide quoting, block scalars and indentation. */
const tricky = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', 'Z', 'e', 'E', '0', '1', '+', '_', ' ', ':', '#', '-', '\n', '\t', '.', '/', '@', '"', '\'', 'y', 'n', 'o', '~', '|', '>', ',', '=', '<', '?', '%', '&', '*', '!', '[', '{', '\\', 'é', '\u0007') }),
  fc.stringMatching(/^[A-Za-z_/$\-eEyYnNoOtTfF][ -~]{0,8}$/),
  fc.stringMatching(/^[0-9][0-9a-zA-Z]{0,7}$/),
  fc.stringMatching(/^[1-9][0-9a-fA-FxXoObBtTzZ_.:\-]{0,7}$/),
  fc.constantFrom('', 'e0', 'E5', 'e+3', 'yes', 'No', 'on', 'OFF', 'null', '~', 'true', '0o17', '0x1f', '1e3', '12:30', '2001-12-14', '.inf', '-', '=', '<<',
    'a\n', 'a\n\n', '\na', ' a', 'a ', 'line1\nline2\n', '  lead\nx', 'a\n\n\nb', '---', '...', 'x\n...\ny', 'a: b', 'a #b', '%x', 'x\n---\ny', '--- x', 'http://x:80/y', 'x'.repeat(200)),
);
const key = fc.oneof(tricky, fc.constantFrom('name', 'app.kubernetes.io/name', 'checksum/x', 'y', 'on', '1', 'k'.repeat(130)));
const scalar = fc.oneof(tricky, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(-0, 0.5, 1e21, 2 ** 60));
const value = fc.letrec(tie => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
})).node;

describe('fastYamlDocument', () => {
  test.each([['toYamlStream\'s', slow], ['the plain', plain]])('writes exactly what %s renderer writes, or gives up', (_name, renderer) => {
    fc.assert(fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), doc => {
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
