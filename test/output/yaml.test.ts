import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { runSynth } from '../../src/cli/synth-command';
import { toYamlStream } from '../../src/output/yaml';
import { auth0Config, tempDir, writeConfig } from '../support/temp-config';

/*
 * YAML 1.1 readers (kubectl's sigs.k8s.io/yaml, PyYAML, many GitOps tools)
 * read `yes`, `on`, `0123`, `12:30` and `2024-01-01` as booleans, numbers
 * and dates; YAML 1.2 readers (kustomize) read `0o17` as a number. Every
 * string we write must read back as the same string under both.
 */

/** Strings that some YAML reader takes for something else when unquoted. */
const AMBIGUOUS = [
  'yes', 'no', 'on', 'off', 'y', 'n', 'Y', 'N', 'YES', 'Off', 'True', 'FALSE',
  '0123', '08', '1e3', '0x1F', '0o17', '0b101', '+12', '1_000', '.inf', '-.Inf', '.NaN',
  '~', 'null', 'Null', 'true', '2024-01-01', '2001-12-14t21:59:43.10-05:00', '12:30', '190:20:30', '=', '<<', '',
];

/** Reads a stream back as the given YAML version. */
function readBack(text: string, version: '1.1' | '1.2'): unknown[] {
  return parseAllDocuments(text, { version }).map(d => d.toJS());
}

describe('toYamlStream', () => {
  test.each(AMBIGUOUS)('quotes %j', value => {
    // WHEN
    const text = toYamlStream([{ data: { key: value } }]);
    // THEN
    expect(text).toBe(`data:\n  key: "${value}"\n`);
  });

  test('every ambiguous string reads back as the same string in YAML 1.1 and 1.2, as a value and as a key', () => {
    // GIVEN
    const object = { data: Object.fromEntries(AMBIGUOUS.map(v => [v, v])), list: AMBIGUOUS };
    // WHEN
    const text = toYamlStream([object]);
    // THEN
    expect(readBack(text, '1.1')).toStrictEqual([object]);
    expect(readBack(text, '1.2')).toStrictEqual([object]);
  });

  test('leaves ordinary strings plain and numbers and booleans as they are', () => {
    expect(toYamlStream([{ a: 'plc-dev', b: '1h', c: 'pixie/auth0', d: 8080, e: true, f: null }]))
      .toBe('a: plc-dev\nb: 1h\nc: pixie/auth0\nd: 8080\ne: true\nf: null\n');
  });

  test('separates documents with ---, and the same input gives the same bytes', () => {
    const objects = [{ kind: 'ConfigMap', data: { on: 'yes' } }, { kind: 'Secret' }];
    expect(toYamlStream(objects)).toBe('kind: ConfigMap\ndata:\n  "on": "yes"\n---\nkind: Secret\n');
    expect(toYamlStream(structuredClone(objects))).toBe(toYamlStream(objects));
  });

  test('any string of YAML-significant characters reads back unchanged in YAML 1.1 and 1.2', () => {
    const risky = fc.string({ unit: fc.constantFrom(...'yYnNoOtTfF0123456789+-._:~=<>xXeEbB#&*!|%@\'" \n\t'.split('')), maxLength: 10 });
    fc.assert(fc.property(fc.array(risky, { maxLength: 6 }), values => {
      const object = { data: Object.fromEntries(values.map((v, i) => [`k${i}`, v])) };
      const text = toYamlStream([object]);
      expect(readBack(text, '1.1')).toStrictEqual([object]);
      expect(readBack(text, '1.2')).toStrictEqual([object]);
    }), { numRuns: 2000 });
  });
});

describe('a real synth writes ambiguous config values quoted', () => {
  test('an Auth0 client id 0123 and connection "on" are quoted in pl-oauth-config and read back as strings', () => {
    // GIVEN a config file where the user quoted them, as YAML requires
    const config = auth0Config();
    config.auth0.clientId = '0123';
    config.auth0.emailPasswordConnection = 'on';
    const outdir = path.join(tempDir(), 'dist');
    // WHEN
    expect(runSynth(['--config', writeConfig(config), '--output', outdir, '--quiet'], () => undefined, () => undefined)).toBe(0);
    // THEN
    const text = fs.readFileSync(path.join(outdir, 'pixie-auth', 'patches', 'configmap-pl-oauth-config.yaml'), 'utf8');
    expect(text).toContain('  PL_AUTH_CLIENT_ID: "0123"\n');
    expect(text).toContain('  PL_AUTH_EMAIL_PASSWORD_CONN: "on"\n');
    for (const version of ['1.1', '1.2'] as const) {
      const data = parse(text, { version }).data;
      expect([data.PL_AUTH_CLIENT_ID, data.PL_AUTH_EMAIL_PASSWORD_CONN]).toStrictEqual(['0123', 'on']);
    }
  });
});
