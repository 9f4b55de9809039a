import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { ClientCredentials, ContentHash, KustomizeComponent, OAuthConfigMode, OidcAuth, PixieWorkloads } from '../../src';
import { synthesizeConfig } from '../../src/cli/synthesize';
import { authServerEnv, copyPixieReference, FileToWrite, findAll, itIfKustomize, kustomizeBuild, objectKey, synthesizedObject, writeComponent } from '../support/kustomize';

const ISSUER = 'https://keycloak.example.com/realms/pixie';
const USERINFO = `${ISSUER}/protocol/openid-connect/userinfo`;
const READERS = ['auth-server', 'profile-server', 'cloud-proxy'];

/** The config of examples/oidc-keycloak.yaml plus every auth-server setting, as the loader hands it over. */
const OIDC_CONFIG = {
  namespace: 'plc-dev',
  oidc: {
    issuer: ISSUER,
    clientId: 'pixie-cloud',
    additionalScopes: ['groups'],
    loginButtons: [{ buttonText: 'Log in' }, { buttonText: 'Log in with Google', extraParams: { kc_idp_hint: 'google' } }],
    signupButtons: [{ buttonText: 'Sign up' }],
    userinfoEndpoint: USERINFO,
    tokenEndpoint: `${ISSUER}/protocol/openid-connect/token`,
    idProviderClaim: 'identity_provider',
    googleIdProviderValue: 'google',
    googleAccessTokenClaim: 'google_access_token',
    credentials: {
      fromStore: {
        store: { name: 'pixie-secrets', kind: 'ClusterSecretStore' },
        clientId: { key: 'pixie/keycloak', property: 'client-id' },
        clientSecret: { key: 'pixie/keycloak', property: 'client-secret' },
      },
    },
  },
  pixie: { oauthConfig: 'patch' },
};

const SETTINGS_ENV = [
  { name: 'PL_OIDC_TOKEN_ENDPOINT', value: `${ISSUER}/protocol/openid-connect/token` },
  { name: 'PL_OIDC_USERINFO_ENDPOINT', value: USERINFO },
  { name: 'PL_OIDC_IDPROVIDER_CLAIM', value: 'identity_provider' },
  { name: 'PL_OIDC_GOOGLE_IDPROVIDER_VALUE', value: 'google' },
  { name: 'PL_OIDC_GOOGLE_ACCESS_TOKEN_CLAIM', value: 'google_access_token' },
];

interface Scenario {
  readonly files: FileToWrite[];
  readonly withComponent: any[];
  readonly without: any[];
}

const roots: string[] = [];
afterAll(() => roots.forEach(root => fs.rmSync(root, { recursive: true, force: true })));

/** Writes `files` (paths under `pixie-auth/`) into a copy of Pixie's reference, and builds dev with and without them. */
function build(files: FileToWrite[], prepare: (root: string) => void = () => {}): Scenario {
  const root = copyPixieReference();
  roots.push(root);
  prepare(root);
  writeComponent(files, root);
  writeOverlay(root, 'overlay-with', ['resources:', '- ../dev', 'components:', '- ../pixie-auth']);
  writeOverlay(root, 'overlay-without', ['resources:', '- ../dev']);
  return { files, withComponent: kustomizeBuild(path.join(root, 'overlay-with')), without: kustomizeBuild(path.join(root, 'overlay-without')) };
}

function writeOverlay(root: string, name: string, lines: string[]): void {
  fs.mkdirSync(path.join(root, name));
  fs.writeFileSync(path.join(root, name, 'kustomization.yaml'),
    ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', ...lines].join('\n') + '\n');
}


/** The credential env vars: the component sets them (to required) whether or not Pixie's overlay has them. */
const CREDENTIAL_ENV = ['PL_OIDC_CLIENT_ID', 'PL_OIDC_CLIENT_SECRET'];

/**
 * Drops what the component is meant to change: checksum annotations,
 * pl-oauth-config's data, the env vars it adds or sets. auth-server's env is compared
 * by name: the strategic merge moves patched entries to the front, which only
 * matters for `$(VAR)` references, and none names a PL_OIDC_ variable.
 */
function withoutExpectedChanges(object: any, addedEnv: string[]): any {
  const copy = structuredClone(object);
  if (copy.kind === 'Deployment' && copy.metadata.name === 'auth-server') {
    for (const container of copy.spec.template.spec.containers) {
      container.env = container.env?.filter((e: any) => !addedEnv.includes(e.name) && !CREDENTIAL_ENV.includes(e.name))
        .sort((a: any, b: any) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
  }
  const annotations = copy.spec?.template?.metadata?.annotations;
  if (annotations) {
    Object.keys(annotations).filter(a => a.startsWith('checksum/')).forEach(a => delete annotations[a]);
    if (Object.keys(annotations).length === 0) {
      delete copy.spec.template.metadata.annotations;
    }
  }
  if (copy.kind === 'ConfigMap' && copy.metadata.name === 'pl-oauth-config') {
    delete copy.data;
  }
  return copy;
}

/** Every assertion the scenarios share. */
function expectOidcComponent(s: Scenario, secretName: string, addedKinds: string[], addedEnv: string[]): void {
  const synthesizedConfig = synthesizedObject(s.files, 'ConfigMap', 'pl-oauth-config');
  const configHash = ContentHash.ofConfigMap(synthesizedConfig);

  // exactly one pl-oauth-config, holding exactly the synthesized OIDC data (no Hydra value survives the patch)
  const configs = findAll(s.withComponent, 'ConfigMap', 'pl-oauth-config');
  expect(configs).toHaveLength(1);
  expect(configs[0].data).toStrictEqual(synthesizedConfig.data);
  expect(configs[0].data.PL_OAUTH_PROVIDER).toBe('oidc');
  expect(ContentHash.ofConfigMap(configs[0])).toBe(configHash);

  // the three readers carry the hash of the synthesized ConfigMap; only auth-server reads the credentials
  const externalSecrets = findAll(s.withComponent, 'ExternalSecret', secretName);
  for (const name of READERS) {
    const deployments = findAll(s.withComponent, 'Deployment', name);
    expect(deployments).toHaveLength(1);
    const expected: Record<string, string> = { 'checksum/pl-oauth-config': configHash };
    if (name === 'auth-server' && externalSecrets.length > 0) {
      expected[`checksum/${secretName}`] = ContentHash.ofExternalSecret(synthesizedObject(s.files, 'ExternalSecret', secretName));
    }
    expect(deployments[0].spec.template.metadata.annotations).toStrictEqual(expected);
  }

  // auth-server reads PL_OIDC_CLIENT_ID/SECRET from the credentials Secret, once each, and requires them
  const env = authServerEnv(s.withComponent);
  for (const [envName, secretKey] of [[CREDENTIAL_ENV[0], 'oidc-client-id'], [CREDENTIAL_ENV[1], 'oidc-client-secret']]) {
    const vars = env.filter((e: any) => e.name === envName);
    expect(vars).toHaveLength(1);
    expect(vars[0].valueFrom.secretKeyRef).toStrictEqual({ name: secretName, key: secretKey, optional: false });
  }

  expect(JSON.stringify(env)).not.toContain('$(PL_OIDC_');

  // nothing else changes: the plain build's objects, plus the added ones
  const plain = new Map(s.without.map(o => [objectKey(o), o]));
  expect(s.withComponent.filter(o => !plain.has(objectKey(o))).map(o => o.kind).sort()).toStrictEqual([...addedKinds].sort());
  const kept = s.withComponent.filter(o => plain.has(objectKey(o)));
  expect(kept.map(objectKey).sort()).toStrictEqual([...plain.keys()].sort());
  for (const object of kept) {
    expect(withoutExpectedChanges(object, addedEnv)).toStrictEqual(withoutExpectedChanges(plain.get(objectKey(object)), addedEnv));
  }
}

describe("the OIDC component over Pixie's dev overlay (real kubectl kustomize)", () => {
  itIfKustomize('from the config file, oauthConfig: patch: OIDC pl-oauth-config, auth-server env and restart hashes, nothing else', () => {
    // GIVEN Pixie's dev overlay, whose base defines pl-oauth-config for Hydra
    // WHEN the component is synthesized through the config path and layered on top
    const result = synthesizeConfig(structuredClone(OIDC_CONFIG), '/');
    const s = build(result.files);

    // THEN
    expect(findAll(s.without, 'ConfigMap', 'pl-oauth-config')[0].data.PL_OAUTH_PROVIDER).toBe('hydra');
    expectOidcComponent(s, 'cloud-oidc-secrets', ['ExternalSecret'], SETTINGS_ENV.map(e => e.name));
    expect(findAll(s.withComponent, 'ConfigMap', 'pl-oauth-config')[0].data).toStrictEqual({
      PL_AUTH_CLIENT_ID: '',
      PL_AUTH_EMAIL_PASSWORD_CONN: '',
      PL_AUTH_URI: '',
      PL_OAUTH_PROVIDER: 'oidc',
      PL_OIDC_ADDITIONAL_SCOPES: 'groups',
      PL_OIDC_CLIENT_ID: 'pixie-cloud',
      PL_OIDC_HOST: ISSUER,
      PL_OIDC_METADATA_URL: '',
      PL_OIDC_SOCIAL_CONFIG_LOGIN: '[{"buttonText":"Log in","extraParams":{}},{"buttonText":"Log in with Google","extraParams":{"kc_idp_hint":"google"}}]',
      PL_OIDC_SOCIAL_CONFIG_SIGNUP: '[{"buttonText":"Sign up","extraParams":{}}]',
    });
    // the patched ConfigMap keeps the base's metadata; the settings are on auth-server once each
    expect(findAll(s.withComponent, 'ConfigMap', 'pl-oauth-config')[0].metadata).toStrictEqual(findAll(s.without, 'ConfigMap', 'pl-oauth-config')[0].metadata);
    expect(authServerEnv(s.withComponent).filter((e: any) => e.value !== undefined && e.name.startsWith('PL_OIDC_'))).toStrictEqual(SETTINGS_ENV);
    // auth-server still finds the key its required configMapKeyRef names
    const hydraClientId = authServerEnv(s.withComponent).find((e: any) => e.name === 'PL_HYDRA_CLIENT_ID');
    expect(hydraClientId.valueFrom.configMapKeyRef).toStrictEqual({ name: 'pl-oauth-config', key: 'PL_AUTH_CLIENT_ID' });
    expect(findAll(s.withComponent, 'ConfigMap', 'pl-oauth-config')[0].data).toHaveProperty('PL_AUTH_CLIENT_ID');
  });

  itIfKustomize('from the construct, an existing Secret of another name and oauthConfig: create over a base without pl-oauth-config', () => {
    // GIVEN a copy whose base no longer lists ory_auth/oauth_config.yaml
    const chart = new Chart(new App({ outdir: 'unused' }), 'pixie-auth', { namespace: 'plc-dev', disableResourceNameHashes: true });
    new OidcAuth(chart, 'Oidc', {
      issuer: 'https://example-org.okta.com/oauth2/default',
      clientId: 'pixie-okta-client-id',
      credentials: ClientCredentials.fromExistingSecret('pixie-okta-client'),
      workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.CREATE }),
    });
    const files = KustomizeComponent.of(chart).renderFiles().map(f => ({ path: `pixie-auth/${f.path}`, content: f.content }));

    // WHEN
    const s = build(files, root => {
      const kustomization = path.join(root, 'base', 'kustomization.yaml');
      fs.writeFileSync(kustomization, fs.readFileSync(kustomization, 'utf8').replace('- ory_auth/oauth_config.yaml\n', ''));
    });

    // THEN
    expect(findAll(s.without, 'ConfigMap', 'pl-oauth-config')).toHaveLength(0);
    expectOidcComponent(s, 'pixie-okta-client', ['ConfigMap'], ['PL_OIDC_CLIENT_ID', 'PL_OIDC_CLIENT_SECRET']);
    // Pixie's env vars for cloud-oidc-secrets now name the existing Secret, and require it (Pixie marks them optional)
    expect(authServerEnv(s.withComponent).filter((e: any) => e.name.startsWith('PL_OIDC_'))).toStrictEqual([
      { name: 'PL_OIDC_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'pixie-okta-client', key: 'oidc-client-id', optional: false } } },
      { name: 'PL_OIDC_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'pixie-okta-client', key: 'oidc-client-secret', optional: false } } },
    ]);
    expect(findAll(s.withComponent, 'ConfigMap', 'pl-oauth-config')[0].metadata).toStrictEqual({ name: 'pl-oauth-config', namespace: 'plc-dev' });
  });
});
