import * as fs from 'fs';
import * as path from 'path';
import { synthesizeConfig, SynthResult } from '../../src/cli/synthesize';
import { ContentHash } from '../../src/restart/content-hash';
import { authServerEnv, copyPixieReference, findAll, itIfKustomize, kustomizeBuild, objectKey, synthesizedObject, writeComponent } from '../support/kustomize';

// The Auth0 config of examples/auth0.yaml, as the config file loader hands it over.
const DOMAIN = 'example-org.us.auth0.com';
const CLIENT_ID = 'pixie-cloud-example-client';
const CONNECTION = 'Username-Password-Authentication';
function auth0Config(oauthConfig: 'patch' | 'create'): any {
  return {
    namespace: 'plc-dev',
    auth0: {
      domain: DOMAIN,
      clientId: CLIENT_ID,
      emailPasswordConnection: CONNECTION,
      credentials: {
        fromStore: {
          store: { name: 'pixie-secrets', kind: 'ClusterSecretStore' },
          clientId: { key: 'pixie/auth0', property: 'client-id' },
          clientSecret: { key: 'pixie/auth0', property: 'client-secret' },
          refreshInterval: '1h',
        },
      },
    },
    pixie: { oauthConfig },
  };
}

const AUTH0_OAUTH_DATA = {
  PL_AUTH_CLIENT_ID: CLIENT_ID,
  PL_AUTH_EMAIL_PASSWORD_CONN: CONNECTION,
  PL_AUTH_URI: DOMAIN,
  PL_OAUTH_PROVIDER: 'auth0',
};
const READERS = ['auth-server', 'profile-server', 'cloud-proxy'];

/** A temp copy of Pixie's reference with the synthesized component and two overlays over `dev`. */
interface Scenario {
  readonly root: string;
  readonly synth: SynthResult;
  readonly withComponent: any[];
  readonly without: any[];
}

function buildScenario(oauthConfig: 'patch' | 'create', prepare: (root: string) => void = () => {}): Scenario {
  const root = copyPixieReference();
  prepare(root);
  const synth = synthesizeConfig(auth0Config(oauthConfig), root);
  writeComponent(synth.files, root);
  writeOverlay(root, 'overlay-with', ['resources:', '- ../dev', 'components:', '- ../pixie-auth']);
  writeOverlay(root, 'overlay-without', ['resources:', '- ../dev']);
  return {
    root,
    synth,
    withComponent: kustomizeBuild(path.join(root, 'overlay-with')),
    without: kustomizeBuild(path.join(root, 'overlay-without')),
  };
}

function writeOverlay(root: string, name: string, lines: string[]): void {
  fs.mkdirSync(path.join(root, name));
  fs.writeFileSync(path.join(root, name, 'kustomization.yaml'), [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    ...lines,
  ].join('\n') + '\n');
}


const AUTH0_ENV = ['PL_AUTH0_CLIENT_ID', 'PL_AUTH0_CLIENT_SECRET'];

/**
 * Removes what the component is meant to change, so the rest can be compared
 * with the plain build: checksum annotations, pl-oauth-config's data, and
 * the Auth0 env vars on auth-server (added, or made required).
 */
function withoutExpectedChanges(object: any): any {
  const copy = structuredClone(object);
  if (copy.kind === 'Deployment' && copy.metadata.name === 'auth-server') {
    for (const container of copy.spec.template.spec.containers) {
      container.env = container.env?.filter((e: any) => !AUTH0_ENV.includes(e.name));
    }
  }
  const annotations = copy.spec?.template?.metadata?.annotations;
  if (annotations) {
    for (const k of Object.keys(annotations).filter(a => a.startsWith('checksum/'))) {
      delete annotations[k];
    }
    if (Object.keys(annotations).length === 0) {
      delete copy.spec.template.metadata.annotations;
    }
  }
  if (copy.kind === 'ConfigMap' && copy.metadata.name === 'pl-oauth-config') {
    delete copy.data;
  }
  return copy;
}

/** The assertions both options share. */
function expectAuth0Component(scenario: Scenario, addedKinds: string[]): void {
  const { synth, withComponent, without } = scenario;
  const oauthConfigHash = ContentHash.ofConfigMap(synthesizedObject(synth.files, 'ConfigMap', 'pl-oauth-config'));
  const credentialsHash = ContentHash.ofExternalSecret(synthesizedObject(synth.files, 'ExternalSecret', 'cloud-auth0-secrets'));

  // exactly one pl-oauth-config, with the Auth0 values, and it is what the hash covers
  const oauthConfigs = findAll(withComponent, 'ConfigMap', 'pl-oauth-config');
  expect(oauthConfigs).toHaveLength(1);
  expect(oauthConfigs[0].data).toStrictEqual(AUTH0_OAUTH_DATA);
  expect(ContentHash.ofConfigMap(oauthConfigs[0])).toBe(oauthConfigHash);

  // the three readers carry the hashes of the synthesized sources; only auth-server reads the credentials
  for (const name of READERS) {
    const deployments = findAll(withComponent, 'Deployment', name);
    expect(deployments).toHaveLength(1);
    const expected: Record<string, string> = { 'checksum/pl-oauth-config': oauthConfigHash };
    if (name === 'auth-server') {
      expected['checksum/cloud-auth0-secrets'] = credentialsHash;
    }
    expect(deployments[0].spec.template.metadata.annotations).toStrictEqual(expected);
  }
  const credentials = findAll(withComponent, 'ExternalSecret', 'cloud-auth0-secrets');
  expect(credentials).toHaveLength(1);
  expect(ContentHash.ofExternalSecret(credentials[0])).toBe(credentialsHash);

  // auth-server reads the two Auth0 env vars from cloud-auth0-secrets, once each, and requires them
  // (Pixie's dev overlay marks them optional: without the Secret, auth-server would start with no credentials)
  const env = authServerEnv(withComponent);
  for (const [envName, secretKey] of [[AUTH0_ENV[0], 'auth0-client-id'], [AUTH0_ENV[1], 'auth0-client-secret']]) {
    const vars = env.filter((e: any) => e.name === envName);
    expect(vars).toHaveLength(1);
    expect(vars[0].valueFrom.secretKeyRef).toStrictEqual({ name: 'cloud-auth0-secrets', key: secretKey, optional: false });
  }

  // nothing else changes: same objects as the plain build, plus the added ones
  const plain = new Map(without.map(o => [objectKey(o), o]));
  const added = withComponent.filter(o => !plain.has(objectKey(o)));
  expect(added.map(o => o.kind).sort()).toStrictEqual([...addedKinds].sort());
  const kept = withComponent.filter(o => plain.has(objectKey(o)));
  expect(kept.map(objectKey).sort()).toStrictEqual([...plain.keys()].sort());
  for (const object of kept) {
    expect(withoutExpectedChanges(object)).toStrictEqual(withoutExpectedChanges(plain.get(objectKey(object))));
  }
}

describe('the Auth0 component over Pixie\'s dev overlay (real kubectl kustomize)', () => {
  const roots: string[] = [];
  const scenario = (oauthConfig: 'patch' | 'create', prepare?: (root: string) => void) => {
    const s = buildScenario(oauthConfig, prepare);
    roots.push(s.root);
    return s;
  };
  afterAll(() => roots.forEach(root => fs.rmSync(root, { recursive: true, force: true })));

  itIfKustomize('oauthConfig: patch builds over a base that has pl-oauth-config and changes only what it should', () => {
    // GIVEN Pixie's dev overlay, whose base defines pl-oauth-config for Hydra
    // WHEN the component is synthesized through the config path and layered on top
    const s = scenario('patch');

    // THEN
    expect(findAll(s.without, 'ConfigMap', 'pl-oauth-config')[0].data.PL_OAUTH_PROVIDER).toBe('hydra');
    expect(s.synth.files.map(f => f.path)).toContain('pixie-auth/patches/configmap-pl-oauth-config.yaml');
    expectAuth0Component(s, ['ExternalSecret']);
    // the patched ConfigMap keeps the base's metadata (labels, namespace)
    expect(findAll(s.withComponent, 'ConfigMap', 'pl-oauth-config')[0].metadata)
      .toStrictEqual(findAll(s.without, 'ConfigMap', 'pl-oauth-config')[0].metadata);
  });

  itIfKustomize('oauthConfig: create builds over a base without pl-oauth-config and changes only what it should', () => {
    // GIVEN a copy whose base no longer lists ory_auth/oauth_config.yaml
    // WHEN the component is synthesized with oauthConfig: create and layered on top
    const s = scenario('create', removeOAuthConfigFromBase);

    // THEN
    expect(findAll(s.without, 'ConfigMap', 'pl-oauth-config')).toHaveLength(0);
    expect(s.synth.files.map(f => f.path)).not.toContain('pixie-auth/patches/configmap-pl-oauth-config.yaml');
    expectAuth0Component(s, ['ConfigMap', 'ExternalSecret']);
    expect(findAll(s.withComponent, 'ConfigMap', 'pl-oauth-config')[0].metadata).toStrictEqual({ name: 'pl-oauth-config', namespace: 'plc-dev' });
  });

  itIfKustomize('the component adds the Auth0 env vars to auth-server when the base lacks them', () => {
    // GIVEN a dev overlay without Pixie's own Auth0 env patch on auth-server
    const s = scenario('patch', root => {
      dropLine(path.join(root, 'dev', 'kustomization.yaml'), '- path: auth_deployment_patch.yaml');
    });

    // THEN the plain build has no Auth0 env vars, and the component adds both, once
    expect(authServerEnv(s.without).filter((e: any) => AUTH0_ENV.includes(e.name))).toHaveLength(0);
    expectAuth0Component(s, ['ExternalSecret']);
    expect(authServerEnv(s.withComponent).filter((e: any) => AUTH0_ENV.includes(e.name))).toStrictEqual([
      { name: 'PL_AUTH0_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'cloud-auth0-secrets', key: 'auth0-client-id', optional: false } } },
      { name: 'PL_AUTH0_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'cloud-auth0-secrets', key: 'auth0-client-secret', optional: false } } },
    ]);
  });

  itIfKustomize('the wrong oauthConfig option fails the build instead of producing two or zero pl-oauth-configs', () => {
    // GIVEN components synthesized for each option, each laid over the other kind of base
    const patchOverBare = copyPixieReference();
    const createOverFull = copyPixieReference();
    roots.push(patchOverBare, createOverFull);
    removeOAuthConfigFromBase(patchOverBare);
    writeComponent(synthesizeConfig(auth0Config('patch'), patchOverBare).files, patchOverBare);
    writeComponent(synthesizeConfig(auth0Config('create'), createOverFull).files, createOverFull);
    for (const root of [patchOverBare, createOverFull]) {
      writeOverlay(root, 'overlay-with', ['resources:', '- ../dev', 'components:', '- ../pixie-auth']);
    }

    // THEN
    expect(() => kustomizeBuild(path.join(patchOverBare, 'overlay-with'))).toThrow(/pl-oauth-config/);
    expect(() => kustomizeBuild(path.join(createOverFull, 'overlay-with'))).toThrow(/already registered id: ConfigMap.*pl-oauth-config/);
  });
});

function removeOAuthConfigFromBase(root: string): void {
  dropLine(path.join(root, 'base', 'kustomization.yaml'), '- ory_auth/oauth_config.yaml');
}

function dropLine(file: string, line: string): void {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (!lines.includes(line)) {
    throw new Error(`${file} has no line '${line}'`);
  }
  fs.writeFileSync(file, lines.filter(l => l !== line).join('\n'));
}
