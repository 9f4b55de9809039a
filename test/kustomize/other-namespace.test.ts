import * as fs from 'fs';
import * as path from 'path';
import { parse, stringify } from 'yaml';
import { ContentHash } from '../../src/restart/content-hash';
import { authServerEnv, findAll, hasKustomize, itIfKustomize, kustomizeBuild, objectKey } from '../support/kustomize';
import { layOutOverlayWorkspace, OverlayWorkspace } from '../support/overlay-workspace';
import { REPO_ROOT, tempDir } from '../support/temp-config';

// A namespace other than plc-dev: examples/kustomize-overlay-namespace moves
// Pixie's dev overlay into plc-staging in an inner kustomization and adds the
// component in the outer one. The obvious single overlay (`namespace:` beside
// `components:`) fails, because kustomize applies components before the
// overlay's own namespace transformer. Both are built here with the real
// `kubectl kustomize`, so the README's account of them stays true.

const NAMESPACE = 'plc-staging';
const EXAMPLE = path.join('examples', 'kustomize-overlay-namespace');
const EXAMPLE_FILES = [path.join(EXAMPLE, 'kustomization.yaml'), path.join(EXAMPLE, 'pixie', 'kustomization.yaml')];
const NAIVE_ERROR = 'no resource matches strategic merge patch "ConfigMap.v1.[noGrp]/pl-oauth-config.plc-staging"';
const READERS = ['auth-server', 'profile-server', 'cloud-proxy'];

/**
 * The README's workspace with the example's files, and `configFile`
 * synthesized by the synth command for `namespace: plc-staging`.
 */
function layOutWorkspace(configFile: string): OverlayWorkspace {
  const config = parse(fs.readFileSync(path.join(REPO_ROOT, configFile), 'utf8'));
  expect(config.namespace).toBe('plc-dev');
  const stagingConfig = path.join(tempDir(), 'staging.yaml');
  fs.writeFileSync(stagingConfig, stringify({ ...config, namespace: NAMESPACE }));
  return layOutOverlayWorkspace(EXAMPLE_FILES, stagingConfig);
}

/** The README's "obvious" layout: one overlay with `namespace:`, Pixie's dev overlay and the component. */
function writeNaiveOverlay(workspace: OverlayWorkspace): string {
  const dir = path.join(workspace.repo, 'examples', 'naive');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'kustomization.yaml'), [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    `namespace: ${NAMESPACE}`,
    'resources:',
    '- ../../../pixie/k8s/cloud/dev',
    'components:',
    '- ../../dist/pixie-auth',
  ].join('\n') + '\n');
  return dir;
}

const one = (objects: any[], kind: string, name: string) => {
  const found = findAll(objects, kind, name);
  expect([kind, name, found.length]).toStrictEqual([kind, name, 1]);
  return found[0];
};

describe(`kustomize overlay for a namespace other than plc-dev (${NAMESPACE})`, () => {
  test('the README shows both example files verbatim and quotes the error of the naive layout', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const file of EXAMPLE_FILES) {
      const content = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
      expect([file, readme.includes('```yaml\n' + content + '```')]).toStrictEqual([file, true]);
    }
    expect(readme).toContain(NAIVE_ERROR);
  });

  describe.each([
    ['pixie-auth.yaml', 'hydra'],
    ['examples/auth0.yaml', 'auth0'],
  ])('with %s', (configFile, provider) => {
    let workspace: OverlayWorkspace;
    let built: any[];
    let pixieMoved: any[];

    beforeAll(() => {
      if (hasKustomize) {
        workspace = layOutWorkspace(configFile);
        built = kustomizeBuild(path.join(workspace.repo, EXAMPLE));
        pixieMoved = kustomizeBuild(path.join(workspace.repo, EXAMPLE, 'pixie'));
      }
    });
    afterAll(() => {
      if (workspace) fs.rmSync(workspace.root, { recursive: true, force: true });
    });

    itIfKustomize('the naive single overlay fails with the error the README quotes', () => {
      let message = '';
      try {
        kustomizeBuild(writeNaiveOverlay(workspace));
      } catch (e: any) {
        message = String(e.message);
      }
      // kubectl prints the error quoted inside its log line; read it without the escapes
      expect(message.replace(/\\/g, '')).toContain(NAIVE_ERROR);
    });

    itIfKustomize('puts every object in plc-staging: all of Pixie\'s and all of the component\'s, once each', () => {
      const keys = built.map(objectKey);
      expect([...new Set(built.map(o => o.metadata.namespace))]).toStrictEqual([NAMESPACE]);
      expect(keys).toEqual(expect.arrayContaining(pixieMoved.map(objectKey)));
      expect(keys).toEqual(expect.arrayContaining(workspace.component.map(objectKey)));
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys.length).toBe(pixieMoved.length + workspace.component.length);
    });

    itIfKustomize('merges the component\'s pl-oauth-config into Pixie\'s', () => {
      const oauthConfig = one(built, 'ConfigMap', 'pl-oauth-config');
      expect(oauthConfig.data.PL_OAUTH_PROVIDER).toBe(provider);
      // Pixie's label survives: the patch merged into Pixie's object, it did not replace it
      expect(oauthConfig.metadata.labels).toStrictEqual(one(pixieMoved, 'ConfigMap', 'pl-oauth-config').metadata.labels);
    });

    itIfKustomize('patches auth-server\'s env as in plc-dev', () => {
      const env = authServerEnv(built);
      const names = env.map((e: any) => e.name);
      expect(new Set(names).size).toBe(names.length);
      const auth0ClientId = env.find((e: any) => e.name === 'PL_AUTH0_CLIENT_ID');
      if (provider === 'auth0') {
        // the component makes the Auth0 secret required
        expect(auth0ClientId.valueFrom.secretKeyRef).toStrictEqual({ name: 'cloud-auth0-secrets', key: 'auth0-client-id', optional: false });
      } else {
        // the component leaves auth-server's env as Pixie's dev overlay has it
        expect(env).toStrictEqual(authServerEnv(pixieMoved));
      }
    });

    itIfKustomize('annotates auth-server, profile-server and cloud-proxy with the hash of the built pl-oauth-config', () => {
      const hash = ContentHash.ofConfigMap(one(built, 'ConfigMap', 'pl-oauth-config'));
      for (const reader of READERS) {
        expect([reader, one(built, 'Deployment', reader).spec.template.metadata.annotations?.['checksum/pl-oauth-config']]).toStrictEqual([reader, hash]);
      }
    });

    itIfKustomize('every checksum annotation matches its source as built', () => {
      const hashOf = (name: string) => {
        const [configMap] = findAll(built, 'ConfigMap', name);
        const [externalSecret] = findAll(built, 'ExternalSecret', name);
        if (configMap) return ContentHash.ofConfigMap(configMap);
        if (externalSecret) return ContentHash.ofExternalSecret(externalSecret);
        return `no ConfigMap or ExternalSecret named ${name} in the build`;
      };
      const checksums = built.filter(o => o.spec?.template?.metadata?.annotations)
        .flatMap(o => Object.entries(o.spec.template.metadata.annotations as Record<string, string>)
          .filter(([k]) => k.startsWith('checksum/'))
          .map(([k, v]) => ({ workload: objectKey(o), annotation: k, value: v })));
      expect(checksums.length).toBeGreaterThanOrEqual(READERS.length);
      for (const c of checksums) {
        expect(c).toStrictEqual({ ...c, value: hashOf(c.annotation.slice('checksum/'.length)) });
      }
    });

    if (provider === 'hydra') {
      itIfKustomize('points pl-ory-service-config at Hydra and Kratos in plc-staging', () => {
        const data = one(built, 'ConfigMap', 'pl-ory-service-config').data;
        expect(data.PL_HYDRA_SERVICE).toBe(`hydra.${NAMESPACE}.svc.cluster.local:4444`);
        expect(data.PL_KRATOS_SERVICE).toBe(`kratos.${NAMESPACE}.svc.cluster.local:4433`);
        expect(Object.values(data).join(' ')).not.toContain('plc-dev');
      });

      itIfKustomize('refuses Pixie\'s ory_auth-dev beside the component, as the README says: the component brings Hydra and Kratos', () => {
        const inner = path.join(workspace.repo, EXAMPLE, 'pixie', 'kustomization.yaml');
        fs.appendFileSync(inner, '- ../../../../pixie/k8s/cloud/ory_auth-dev\n');
        let message = '';
        try {
          kustomizeBuild(path.join(workspace.repo, EXAMPLE));
        } catch (e: any) {
          message = String(e.message);
        } finally {
          fs.copyFileSync(path.join(REPO_ROOT, EXAMPLE, 'pixie', 'kustomization.yaml'), inner);
        }
        expect(message).toContain(`may not add resource with an already registered id: ConfigMap.v1.[noGrp]/hydra-config.${NAMESPACE}`);
        expect(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')).toContain(`may not add resource with an already registered id: ConfigMap.v1.[noGrp]/hydra-config.${NAMESPACE}`);
      });
    }
  });
});
