import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';

/** The repo root. */
export const REPO_ROOT = path.join(__dirname, '..', '..');


/** A fresh temp directory. */
export function tempDir(prefix = 'pixie-auth-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `config` as YAML into a fresh temp dir and returns the file's path. */
export function writeConfig(config: unknown, dir = tempDir()): string {
  const file = path.join(dir, 'pixie-auth.yaml');
  fs.writeFileSync(file, typeof config === 'string' ? config : stringify(config));
  return file;
}

/** Every file under `dir`, relative path → content. */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out[rel] = fs.readFileSync(path.join(dir, rel), 'utf8');
    }
  };
  walk('');
  return out;
}

/** A valid Auth0 config (the shape of examples/auth0.yaml). */
export function auth0Config(overrides: Record<string, any> = {}): any {
  return {
    namespace: 'plc-dev',
    auth0: {
      domain: 'example-org.us.auth0.com',
      clientId: 'pixie-cloud-example-client',
      credentials: {
        fromStore: {
          store: { name: 'pixie-secrets', kind: 'ClusterSecretStore' },
          clientId: { key: 'pixie/auth0', property: 'client-id' },
          clientSecret: { key: 'pixie/auth0', property: 'client-secret' },
        },
      },
    },
    pixie: { oauthConfig: 'patch' },
    ...overrides,
  };
}
