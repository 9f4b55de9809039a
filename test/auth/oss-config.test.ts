import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { runSynth } from '../../src/cli/synth-command';
import { synthesizeConfig, synthesizeConfigFile } from '../../src/cli/synthesize';
import { looksLikeSecretValue } from '../../src/validation/field-checks';
import { auth0Config, readTree, REPO_ROOT, tempDir, writeConfig } from '../support/temp-config';

const DEFAULT_CONFIG = path.join(REPO_ROOT, 'pixie-auth.yaml');
const OSS_EXAMPLE = path.join(REPO_ROOT, 'examples', 'oss.yaml');

const docs = (content: string) => parseAllDocuments(content).map(d => d.toJS()).filter(Boolean);
const allObjects = (files: Array<{ path: string; content: string }>) => files.flatMap(f => docs(f.content));
const ossConfig = (oss: any = {}, extra: any = {}) => ({ namespace: 'plc-dev', oss, pixie: { oauthConfig: 'patch' }, ...extra });

function synth(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runSynth(args, t => (out += t), t => (err += t));
  return { code, out, err };
}

/** Every string in a value, with the path of keys that leads to it. */
function strings(value: any, at: string[] = []): Array<{ at: string[]; value: string }> {
  if (typeof value === 'string') return [{ at, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...at, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, [...at, k]));
  return [];
}

describe('oss config section', () => {
  test('pixie-auth.yaml, as shipped, synthesizes the full open-source stack for plc-dev', () => {
    // WHEN
    const result = synthesizeConfigFile(DEFAULT_CONFIG);
    // THEN
    expect(result.provider).toBe('oss');
    expect(result.kustomize).toBe(true);
    const objects = allObjects(result.files.filter(f => f.path === 'pixie-auth/resources.yaml'));
    expect(objects.filter(o => o.kind === 'Deployment').map(o => o.metadata.name)).toStrictEqual(['hydra', 'kratos']);
    expect(objects.filter(o => o.kind === 'ExternalSecret').map(o => o.metadata.name)).toStrictEqual([
      'pl-hydra-secrets', 'pl-kratos-secrets', 'pl-kratos-admin-identity', 'pl-kratos-smtp',
    ]);
    expect(new Set(objects.map(o => o.metadata.namespace))).toStrictEqual(new Set(['plc-dev']));
    expect(result.files.map(f => f.path)).toContain('pixie-auth/patches/configmap-pl-oauth-config.yaml');
  });

  test('the default synth has no password, token or credential literal in it', () => {
    // GIVEN
    const objects = allObjects(synthesizeConfigFile(DEFAULT_CONFIG).files);
    // THEN: no Secret with data, and no credential env var with a plain value
    expect(objects.filter(o => o.kind === 'Secret')).toStrictEqual([]);
    const podSpecs = objects.map(o => o.spec?.template?.spec ?? {});
    const envs = podSpecs.flatMap(s => [...s.initContainers ?? [], ...s.containers ?? []]).flatMap((c: any) => c.env ?? []);
    const credentialEnv = envs.filter((e: any) => /(PASSWORD|SECRET|TOKEN|SALT|CREDENTIAL|IDENTITY|CONNECTION_URI)$|^SECRETS_/.test(e.name));
    expect(credentialEnv.length).toBeGreaterThanOrEqual(8);
    expect(credentialEnv.filter((e: any) => e.value !== undefined || !e.valueFrom?.secretKeyRef)).toStrictEqual([]);
    // THEN: no string carries a credential
    for (const { at, value } of objects.flatMap(o => strings(o))) {
      const where = `${at.join('.')}: ${value}`;
      // a URL's password is only ever an env reference $(...) or an operator template {{ ... }}
      for (const match of value.matchAll(/:\/\/[^/\s:@]+:([^/\s@]+)@/g)) {
        expect([where, /^(\$\([A-Z_]+\)|\{\{ \.[a-z]+ \}\})$/.test(match[1])]).toStrictEqual([where, true]);
      }
      expect([where, /"password"\s*:\s*"/.test(value)]).toStrictEqual([where, false]);
      const isHash = at.includes('annotations') && at[at.length - 1].startsWith('checksum/');
      const isImage = at[at.length - 1] === 'image';
      if (!isHash && !isImage) {
        // every word of the string, so a value embedded in JSON or a URL is found too
        const secretLooking = value.split(/[\s"'{}(),;:@=&?[\]|$\\]+/).filter(looksLikeSecretValue);
        expect([where, secretLooking]).toStrictEqual([where, []]);
      }
    }
    const text = synthesizeConfigFile(DEFAULT_CONFIG).files.map(f => f.content).join('\n');
    expect(text).not.toContain('test:test@');
    expect(text).not.toMatch(/"password":\s*"admin"/);
  });

  test('examples/oss.yaml synthesizes as a production setup with store-backed secrets', () => {
    const result = synthesizeConfigFile(OSS_EXAMPLE);
    const objects = allObjects(result.files);
    const kratos = objects.find(o => o.kind === 'Deployment' && o.metadata.name === 'kratos');
    expect(kratos.spec.template.spec.containers[0].args).toStrictEqual(['serve', '-c', '/etc/config/kratos/kratos.yml']);
    expect(objects.find(o => o.kind === 'ExternalSecret' && o.metadata.name === 'pl-hydra-secrets').spec.secretStoreRef).toStrictEqual({ name: 'pixie-secrets', kind: 'ClusterSecretStore' });
    expect(result.manualSteps.join('\n')).not.toContain('mailslurper');
    expect(result.manualSteps).toContain('Put the values in your secret store under the keys this config references (fromStore)');
  });

  test('throws if production keeps dev-only settings, naming the config paths', () => {
    expect(() => synthesizeConfig(ossConfig({ production: true, kratos: { dev: true, logLevel: 'trace', smtp: { devMailslurper: true } } }), tempDir())).toThrow(
      'Invalid config:\n'
      + "  - oss.kratos.dev: Kratos's --dev mode turns off security checks (such as Secure cookies) and is refused when 'oss.production' is true; set it to false or remove it\n"
      + "  - oss.kratos.logLevel: trace logging writes request details and sensitive values to the logs and is refused when 'oss.production' is true; use info (the production default) or debug\n"
      + "  - oss.kratos.smtp: Pixie's dev mail catcher (mailslurper) is refused when 'oss.production' is true: point oss.kratos.smtp.fromStore at your SMTP server's URI in your secret store, or use oss.kratos.smtp.existingSecret",
    );
  });

  test('throws if a secret source gives none or two ways', () => {
    expect(() => synthesizeConfig(ossConfig({ hydra: { secrets: {} }, kratos: { smtp: { devMailslurper: true, existingSecret: 'smtp' } } }), tempDir())).toThrow(
      'Invalid config:\n'
      + '  - oss.hydra.secrets: give one of generated, fromStore, existingSecret (generated makes the values in the cluster once)\n'
      + '  - oss.kratos.smtp: give only one of devMailslurper, existingSecret',
    );
  });

  test('throws if a store key path is wrong, with its config path', () => {
    const keys = [{ secretKey: 'SECRETS_COOKIE', remote: { key: 'pixie/kratos' } }];
    expect(() => synthesizeConfig(ossConfig({ kratos: { secrets: { fromStore: { store: { name: 'vault' }, keys } } } }), tempDir())).toThrow(
      'oss.kratos.secrets.fromStore.keys: must map every key of pl-kratos-secrets; missing: SECRETS_CIPHER',
    );
  });

  test('throws on an unknown key, with a suggestion', () => {
    expect(() => synthesizeConfig(ossConfig({ kratos: { sesionLifespan: '1h' } }), tempDir())).toThrow('oss.kratos.sesionLifespan: is not a known key; did you mean "sessionLifespan"?');
  });

  test('throws if oss and auth0 are both configured', () => {
    expect(() => synthesizeConfig({ ...auth0Config(), oss: {} }, tempDir())).toThrow('only one provider may be configured at once');
  });

  test('switching between OssAuth and Auth0Auth changes pl-oauth-config and the hashes and leaves nothing of the other in dist/', () => {
    // GIVEN
    const outdir = path.join(tempDir(), 'dist');
    const oauthPatch = (tree: Record<string, string>) => docs(tree['pixie-auth/patches/configmap-pl-oauth-config.yaml'])[0].data;
    const hashes = (tree: Record<string, string>) => docs(tree['pixie-auth/patches/deployment-cloud-proxy.yaml'])[0].spec.template.metadata.annotations;

    // WHEN: OSS, then Auth0, then OSS again, into the same dist/
    expect(synth(['--config', writeConfig(ossConfig()), '--output', outdir, '--quiet']).code).toBe(0);
    const oss = readTree(outdir);
    expect(synth(['--config', writeConfig(auth0Config()), '--output', outdir, '--quiet']).code).toBe(0);
    const auth0 = readTree(outdir);
    expect(synth(['--config', writeConfig(ossConfig()), '--output', outdir, '--quiet']).code).toBe(0);
    const ossAgain = readTree(outdir);

    // THEN
    expect(oauthPatch(oss).PL_OAUTH_PROVIDER).toBe('hydra');
    expect(oauthPatch(auth0).PL_OAUTH_PROVIDER).toBe('auth0');
    expect(hashes(oss)['checksum/pl-oauth-config']).not.toBe(hashes(auth0)['checksum/pl-oauth-config']);
    const auth0Text = Object.values(auth0).join('\n');
    for (const trace of ['hydra', 'kratos', 'pl-ory-service-config', 'Password', 'generators.external-secrets.io']) {
      expect([trace, auth0Text.includes(trace)]).toStrictEqual([trace, false]);
    }
    expect(Object.keys(auth0)).not.toContain('pixie-auth/patches/configmap-pl-ory-service-config.yaml');
    const ossText = Object.values(ossAgain).join('\n');
    for (const trace of ['auth0', 'cloud-auth0-secrets', 'PL_AUTH0_CLIENT']) {
      expect([trace, ossText.toLowerCase().includes(trace.toLowerCase())]).toStrictEqual([trace, false]);
    }
    expect(ossAgain).toStrictEqual(oss);
  });
});
