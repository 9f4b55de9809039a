import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { REPO_ROOT } from './run-command';
import { ContentHash } from '../../src/restart/content-hash';
import { hasKustomize, itIfKustomize, kustomizeBuild } from '../support/kustomize';
import { layOutOverlayWorkspace, OverlayWorkspace } from '../support/overlay-workspace';

// The kustomize flow of the README: examples/kustomize-overlay puts our
// synthesized component over Pixie's k8s/cloud/dev. The test lays out a
// workspace as the overlay expects (pixie-io/pixie beside this repo), runs
// `npm run synth`'s command and the real `kubectl kustomize` on the very file.

const OVERLAY = path.join('examples', 'kustomize-overlay');
const OVERLAY_FILE = path.join(OVERLAY, 'kustomization.yaml');
const PROVIDER_OF_SECTION: Record<string, string> = { oss: 'hydra', auth0: 'auth0', oidc: 'oidc' };

/** The default config and every example that writes a component patching Pixie's pl-oauth-config. */
const CONFIGS = ['pixie-auth.yaml', ...fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter(f => f.endsWith('.yaml')).map(f => `examples/${f}`)]
  .filter(file => {
    const pixie = parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'))?.pixie ?? {};
    return pixie.manifests === undefined && pixie.oauthConfig === 'patch';
  });

const key = (o: any) => `${o.kind} ${o.metadata?.namespace}/${o.metadata?.name}`;
const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata?.name === name);

describe('the README\'s kustomize overlay over Pixie\'s k8s/cloud/dev', () => {
  test('the docs show the example overlay verbatim', () => {
    const example = fs.readFileSync(path.join(REPO_ROOT, OVERLAY_FILE), 'utf8');
    const docs = ['README.md'];
    const shown = docs.flatMap(doc => [...fs.readFileSync(path.join(REPO_ROOT, doc), 'utf8').matchAll(/```yaml\n(# examples\/kustomize-overlay\/kustomization\.yaml\n[\s\S]*?)```/g)]
      .map(match => ({ doc, block: match[1] })));
    expect(shown.length).toBeGreaterThan(0);
    for (const { doc, block } of shown) {
      expect({ doc, block }).toStrictEqual({ doc, block: example });
    }
  });

  test('covers the default config and at least one example', () => {
    expect(CONFIGS).toContain('pixie-auth.yaml');
    expect(CONFIGS).toContain('examples/auth0.yaml');
  });

  describe.each(CONFIGS)('with %s', configFile => {
    let workspace: OverlayWorkspace;
    let built: any[];
    let plainDev: any[];
    const section = () => Object.keys(PROVIDER_OF_SECTION).find(k => parse(fs.readFileSync(path.join(REPO_ROOT, configFile), 'utf8'))[k] !== undefined)!;

    beforeAll(() => {
      if (hasKustomize) {
        workspace = layOutOverlayWorkspace([OVERLAY_FILE], path.join(REPO_ROOT, configFile));
        built = kustomizeBuild(path.join(workspace.repo, OVERLAY));
        plainDev = kustomizeBuild(path.join(workspace.root, 'pixie', 'k8s', 'cloud', 'dev'));
      }
    });
    afterAll(() => {
      if (workspace) {
        fs.rmSync(workspace.root, { recursive: true, force: true });
      }
    });

    itIfKustomize('keeps every object of Pixie\'s overlay and adds every object of the component, all in plc-dev', () => {
      const keys = built.map(key);
      expect(keys).toEqual(expect.arrayContaining(plainDev.map(key)));
      expect(keys).toEqual(expect.arrayContaining(workspace.component.map(key)));
      expect([...new Set(built.map(o => o.metadata.namespace))]).toStrictEqual(['plc-dev']);
      expect(new Set(keys).size).toBe(keys.length);
    });

    itIfKustomize('sets pl-oauth-config to the configured provider', () => {
      expect(find(built, 'ConfigMap', 'pl-oauth-config').data.PL_OAUTH_PROVIDER).toBe(PROVIDER_OF_SECTION[section()]);
    });

    itIfKustomize('annotates every reader of pl-oauth-config with the hash of the ConfigMap kustomize built', () => {
      const hash = ContentHash.ofConfigMap(find(built, 'ConfigMap', 'pl-oauth-config'));
      for (const reader of ['auth-server', 'profile-server', 'cloud-proxy']) {
        expect(find(built, 'Deployment', reader).spec.template.metadata.annotations['checksum/pl-oauth-config']).toBe(hash);
      }
    });

    itIfKustomize('every checksum annotation matches the source as built, so a hash never goes stale in the merge', () => {
      const hashOf = (name: string) => {
        const configMap = find(built, 'ConfigMap', name);
        const externalSecret = find(built, 'ExternalSecret', name);
        const secret = find(built, 'Secret', name);
        if (configMap) return ContentHash.ofConfigMap(configMap);
        if (externalSecret) return ContentHash.ofExternalSecret(externalSecret);
        if (secret) return ContentHash.ofSecret(secret);
        return `no ConfigMap, ExternalSecret or Secret named ${name} in the build`;
      };
      const checksums = built.filter(o => o.spec?.template?.metadata?.annotations)
        .flatMap(o => Object.entries(o.spec.template.metadata.annotations as Record<string, string>)
          .filter(([k]) => k.startsWith('checksum/'))
          .map(([k, v]) => ({ workload: key(o), annotation: k, value: v })));
      expect(checksums.length).toBeGreaterThanOrEqual(3);
      for (const c of checksums) {
        expect(c).toStrictEqual({ ...c, value: hashOf(c.annotation.slice('checksum/'.length)) });
      }
    });

    itIfKustomize('adds no Secret with values: secrets come only as ExternalSecrets', () => {
      const secrets = (objects: any[]) => objects.filter(o => o.kind === 'Secret').map(key);
      expect(secrets(built)).toStrictEqual(secrets(plainDev));
    });
  });
});
