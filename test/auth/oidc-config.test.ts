import * as path from 'path';
import { parse } from 'yaml';
import { synthesizeConfig, synthesizeConfigFile } from '../../src/cli/synthesize';
import { ContentHash } from '../../src/restart/content-hash';
import { PIXIE_REFERENCE_DIR } from '../support/reference';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const PIXIE_BASE = path.join(PIXIE_REFERENCE_DIR, 'base');
const ISSUER = 'https://keycloak.example.com/realms/pixie';

const docs = (content: string) => content.split(/^---$/m).map(s => parse(s)).filter(Boolean);

/** A valid `oidc:` config, shaped like examples/oidc-keycloak.yaml. */
function oidcConfig(oidc: Record<string, any> = {}, rest: Record<string, any> = {}): any {
  return {
    namespace: 'plc-dev',
    oidc: {
      issuer: ISSUER,
      clientId: 'pixie-cloud',
      credentials: {
        fromStore: {
          store: { name: 'pixie-secrets', kind: 'ClusterSecretStore' },
          clientId: { key: 'pixie/keycloak', property: 'client-id' },
          clientSecret: { key: 'pixie/keycloak', property: 'client-secret' },
        },
      },
      ...oidc,
    },
    pixie: { oauthConfig: 'patch' },
    ...rest,
  };
}

const file = (result: { files: { path: string; content: string }[] }, name: string) => result.files.find(f => f.path === name)!.content;

describe('the oidc: section of the config file', () => {
  test('the Keycloak example synthesizes a component with the ExternalSecret and the login buttons as JSON', () => {
    // WHEN
    const result = synthesizeConfigFile(path.join(EXAMPLES, 'oidc-keycloak.yaml'));
    // THEN
    expect(result.provider).toBe('oidc');
    expect(result.files.map(f => f.path)).toStrictEqual([
      'pixie-auth/kustomization.yaml',
      'pixie-auth/resources.yaml',
      'pixie-auth/patches/configmap-pl-oauth-config.yaml',
      'pixie-auth/patches/deployment-auth-server.yaml',
      'pixie-auth/patches/deployment-cloud-proxy.yaml',
      'pixie-auth/patches/deployment-profile-server.yaml',
    ]);
    const [configMap] = docs(file(result, 'pixie-auth/patches/configmap-pl-oauth-config.yaml'));
    expect(configMap.data).toStrictEqual({
      PL_AUTH_CLIENT_ID: '',
      PL_AUTH_EMAIL_PASSWORD_CONN: '',
      PL_AUTH_URI: '',
      PL_OAUTH_PROVIDER: 'oidc',
      PL_OIDC_ADDITIONAL_SCOPES: '',
      PL_OIDC_CLIENT_ID: 'pixie-cloud',
      PL_OIDC_HOST: ISSUER,
      PL_OIDC_METADATA_URL: '',
      PL_OIDC_SOCIAL_CONFIG_LOGIN: '[{"buttonText":"Log in","extraParams":{}},{"buttonText":"Log in with Google","extraParams":{"kc_idp_hint":"google"}}]',
      PL_OIDC_SOCIAL_CONFIG_SIGNUP: '[{"buttonText":"Sign up","extraParams":{}}]',
    });
    const [externalSecret] = docs(file(result, 'pixie-auth/resources.yaml'));
    expect(externalSecret.spec.target.name).toBe('cloud-oidc-secrets');
    expect(externalSecret.spec.data.map((d: any) => d.secretKey)).toStrictEqual(['oidc-client-id', 'oidc-client-secret']);
    expect(result.restarts).toStrictEqual([
      { workload: 'Deployment auth-server', source: 'ConfigMap pl-oauth-config' },
      { workload: 'Deployment profile-server', source: 'ConfigMap pl-oauth-config' },
      { workload: 'Deployment cloud-proxy', source: 'ConfigMap pl-oauth-config' },
      { workload: 'Deployment auth-server', source: 'ExternalSecret cloud-oidc-secrets' },
    ]);
  });

  test('the Okta example reads an existing Secret: no resources, auth-server env from that Secret', () => {
    const result = synthesizeConfigFile(path.join(EXAMPLES, 'oidc-okta.yaml'));
    expect(result.files.map(f => f.path)).not.toContain('pixie-auth/resources.yaml');
    const [patch] = docs(file(result, 'pixie-auth/patches/deployment-auth-server.yaml'));
    expect(patch.spec.template.spec.containers).toStrictEqual([{
      name: 'auth-server',
      env: [
        { name: 'PL_OIDC_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'pixie-okta-client', key: 'oidc-client-id', optional: false } } },
        { name: 'PL_OIDC_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'pixie-okta-client', key: 'oidc-client-secret', optional: false } } },
      ],
    }]);
    expect(result.manualSteps).toContain(
      "Create the Secret pixie-okta-client in Pixie's namespace with keys oidc-client-id (the same value as oidc.clientId) and oidc-client-secret",
    );
  });

  test('with pixie.manifests the OIDC settings land in the app: env on the included auth-server, hashes on all three', () => {
    // GIVEN a config with every auth-server setting, naming Pixie's own Deployment files
    const config = oidcConfig({
      userinfoEndpoint: `${ISSUER}/protocol/openid-connect/userinfo`,
      idProviderClaim: 'identity_provider',
      googleIdProviderValue: 'google',
      googleAccessTokenClaim: 'google_access_token',
    }, {
      pixie: { manifests: ['auth_deployment.yaml', 'profile_deployment.yaml', 'proxy_deployment.yaml'].map(f => path.join(PIXIE_BASE, f)) },
    });
    // WHEN
    const result = synthesizeConfig(config, '/');
    // THEN
    const objects = docs(result.files[0].content);
    const configMap = objects.find(o => o.kind === 'ConfigMap');
    const hash = ContentHash.ofConfigMap(configMap);
    for (const d of objects.filter(o => o.kind === 'Deployment')) {
      expect(d.spec.template.metadata.annotations['checksum/pl-oauth-config']).toBe(hash);
    }
    const authServer = objects.find(o => o.kind === 'Deployment' && o.metadata.name === 'auth-server');
    const env = authServer.spec.template.spec.containers[0].env.filter((e: any) => e.name.startsWith('PL_OIDC_') && e.value !== undefined);
    expect(env).toStrictEqual([
      { name: 'PL_OIDC_USERINFO_ENDPOINT', value: `${ISSUER}/protocol/openid-connect/userinfo` },
      { name: 'PL_OIDC_IDPROVIDER_CLAIM', value: 'identity_provider' },
      { name: 'PL_OIDC_GOOGLE_IDPROVIDER_VALUE', value: 'google' },
      { name: 'PL_OIDC_GOOGLE_ACCESS_TOKEN_CLAIM', value: 'google_access_token' },
    ]);
    expect(result.manualSteps[result.manualSteps.length - 1]).toBe(
      'Map the upstream identity provider into the claim identity_provider and the Google access token into google_access_token of the user info',
    );
  });

  test('throws every problem at once, with its oidc. path and the fix', () => {
    const config = oidcConfig({
      issuer: `${ISSUER}/`,
      clientId: 'pixie`cloud',
      loginButtons: [{ buttonText: 'Log in', extraParams: { prompt: 'none' } }],
      googleAccessTokenClaim: 'google_access_token',
    });
    expect(() => synthesizeConfig(config, '/')).toThrow(
      'Invalid config:\n'
      + '  - oidc.issuer: "https://keycloak.example.com/realms/pixie/" ends with \'/\': give the issuer exactly as the "issuer" field of its discovery document, e.g. "https://keycloak.example.com/realms/pixie"\n'
      + '  - oidc.clientId: "pixie`cloud" contains a backtick; Pixie\'s cloud-proxy pastes this value into a quoted JavaScript string, so remove it\n'
      + '  - oidc.loginButtons[0].extraParams.prompt: "prompt" is set by Pixie\'s UI itself; a button may only add other parameters (e.g. kc_idp_hint, idp, login_hint)\n'
      + '  - oidc.googleAccessTokenClaim: needs oidc.idProviderClaim and oidc.googleIdProviderValue as well (auth-server refuses to start otherwise): set the claim that names the upstream identity provider and its value for Google accounts, or remove googleAccessTokenClaim',
    );
  });

  test('names an extra parameter by its key in the config file, quoted when it is not a plain word', () => {
    const config = oidcConfig({
      signupButtons: [{ buttonText: 'Sign up', extraParams: { 'kc_idp_hint': 'github', 'bad key': 'x' } }],
    });
    expect(() => synthesizeConfig(config, '/')).toThrow(
      'Invalid config:\n'
      + '  - oidc.signupButtons[0].extraParams."bad key": "bad key" is not a query parameter name: use letters, digits, \'_\', \'-\', \'.\' or \'~\' (e.g. kc_idp_hint)',
    );
  });

  test('throws on wrong shapes in the buttons, naming each', () => {
    const config = oidcConfig({
      loginButtons: [{ text: 'Log in' }, { buttonText: 'Google', extraParams: { kc_idp_hint: true } }],
      additionalScopes: 'groups',
    });
    expect(() => synthesizeConfig(config, '/')).toThrow('oidc.loginButtons[0].buttonText: is required');
    expect(() => synthesizeConfig(config, '/')).toThrow('oidc.loginButtons[0].text: is not a known key');
    expect(() => synthesizeConfig(config, '/')).toThrow('oidc.loginButtons[1].extraParams.kc_idp_hint: must be a string');
    expect(() => synthesizeConfig(config, '/')).toThrow('oidc.additionalScopes: must be a list');
  });

  test('throws if the credentials give neither fromStore nor existingSecret', () => {
    expect(() => synthesizeConfig(oidcConfig({ credentials: {} }), '/')).toThrow(
      'oidc.credentials: give either fromStore (an ExternalSecret reads the values from your secret store) or existingSecret (the name of a Secret that already exists)',
    );
  });

  test('throws if both auth0 and oidc are configured', () => {
    const config = oidcConfig({}, { auth0: { domain: 'x.us.auth0.com', clientId: 'c', credentials: { existingSecret: 's' } } });
    expect(() => synthesizeConfig(config, '/')).toThrow('auth0, oidc: only one provider may be configured at once; keep one of auth0 or oidc');
  });
});
