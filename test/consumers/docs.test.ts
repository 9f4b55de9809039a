import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './run-command';
import { synthesizeConfig } from '../../src/cli/synthesize';
import { CONFIG_SCHEMA } from '../../src/config/config-schema';
import { parseConfigText } from '../../src/config/parse-config';

// The docs a user reads (README.md) against the code: every
// config example they show synthesizes, and every key of the config file is
// documented, so a key added later cannot go undocumented.

const DOC_FILES = ['README.md'];
const DOCS = Object.fromEntries(DOC_FILES.map(f => [f, fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')]));

/** Every ```yaml block that starts with `# pixie-auth.yaml` or `# my-<name>.yaml`: a complete config file. */
const CONFIG_EXAMPLES = Object.entries(DOCS).flatMap(([doc, text]) =>
  [...text.matchAll(/```yaml\n(# (?:pixie-auth|my-[a-z0-9-]+)\.yaml\b[\s\S]*?)```/g)].map((m, i) => ({ name: `${doc} #${i + 1}`, yaml: m[1] })));

/** Config-file keys: `path` (dotted, `[]` for list items) and the key's own name. */
function schemaKeys(schema: any, prefix = ''): Array<{ path: string; name: string }> {
  const keys: Array<{ path: string; name: string }> = [];
  for (const [name, child] of Object.entries<any>(schema?.properties ?? {})) {
    const keyPath = prefix ? `${prefix}.${name}` : name;
    keys.push({ path: keyPath, name }, ...schemaKeys(child, keyPath));
    if (child?.type === 'array') {
      keys.push(...schemaKeys(child.items, `${keyPath}[]`));
    }
  }
  return keys;
}

describe('the docs', () => {
  test('show a complete config example for every provider', () => {
    const providers = CONFIG_EXAMPLES.map(e => Object.keys(parseConfigText(e.yaml, e.name)).find(k => ['oss', 'auth0', 'oidc'].includes(k)));
    expect(new Set(providers)).toStrictEqual(new Set(['oss', 'auth0', 'oidc']));
  });

  test.each(CONFIG_EXAMPLES.map(e => [e.name, e.yaml]))('config example %s synthesizes', (_name, yaml) => {
    const result = synthesizeConfig(parseConfigText(yaml, 'pixie-auth.yaml'), REPO_ROOT);
    expect(result.files.length).toBeGreaterThan(0);
  });

  test('name every key of the config file, and every provider and section key by its full path', () => {
    const text = Object.values(DOCS).join('\n');
    const keys = schemaKeys(CONFIG_SCHEMA);
    const inCode = new Set([...text.matchAll(/`([^`\n]+)`/g)].flatMap(m => m[1].split(/[^A-Za-z0-9_]+/)));
    const undocumentedNames = [...new Set(keys.map(k => k.name))].filter(name => !inCode.has(name));
    const topPaths = keys.filter(k => k.path.split('.').length <= 2 && !k.path.includes('[]')).map(k => k.path);
    const undocumentedPaths = topPaths.filter(p => !text.includes(`\`${p}\``));
    expect({ undocumentedNames, undocumentedPaths }).toStrictEqual({ undocumentedNames: [], undocumentedPaths: [] });
  });
});
