import { Chart, Testing } from 'cdk8s';
import {
  ClientCredentials,
  ContentHash,
  KustomizeComponent,
  OAuthConfigMode,
  OidcAuth,
  OidcAuthProps,
  PixieWorkloads,
  SecretStoreKind,
} from '../../src';
import { find, includedPixieWorkloads } from '../support/pixie-workloads';

const ISSUER = 'https://keycloak.example.com/realms/pixie';
const USERINFO = `${ISSUER}/protocol/openid-connect/userinfo`;

const storeCredentials = (version?: string) => ClientCredentials.fromStore({
  store: { name: 'vault', kind: SecretStoreKind.CLUSTER_SECRET_STORE },
  clientId: { key: 'pixie/oidc', property: 'client-id' },
  clientSecret: { key: 'pixie/oidc', property: 'client-secret', version },
});

function props(overrides: Partial<OidcAuthProps> = {}): OidcAuthProps {
  return {
    issuer: ISSUER,
    clientId: 'pixie-cloud',
    credentials: storeCredentials(),
    workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }),
    ...overrides,
  };
}

/** Every optional setting given. */
const FULL: Partial<OidcAuthProps> = {
  metadataUrl: `${ISSUER}/.well-known/openid-configuration`,
  additionalScopes: ['groups', 'offline_access'],
  loginButtons: [
    { buttonText: 'Log in with Google', extraParams: [{ name: 'kc_idp_hint', value: 'google' }, { name: 'acr_values', value: 'mfa' }] },
    { buttonText: 'Log in' },
  ],
  signupButtons: [{ buttonText: 'Sign up', extraParams: [] }],
  tokenEndpoint: `${ISSUER}/protocol/openid-connect/token`,
  userinfoEndpoint: USERINFO,
  idProviderClaim: 'identity_provider',
  googleIdProviderValue: 'google',
  googleAccessTokenClaim: 'google_access_token',
};

function inAppChart(overrides: Partial<OidcAuthProps> = {}): any[] {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'plc-dev' });
  new OidcAuth(chart, 'Oidc', props({
    workloads: includedPixieWorkloads(chart),
    ...overrides,
  }));
  return Testing.synth(chart);
}

const podTemplate = (objects: any[], name: string) => find(objects, 'Deployment', name).spec.template;
const authServerEnv = (objects: any[]) => podTemplate(objects, 'auth-server').spec.containers.find((c: any) => c.name === 'auth-server').env;
const oidcEnv = (objects: any[]) => authServerEnv(objects).filter((e: any) => e.name.startsWith('PL_OIDC_'));

describe('OidcAuth', () => {
  test('pl-oauth-config holds every OIDC setting, value by value, in plc-dev', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new OidcAuth(chart, 'Oidc', props(FULL));
    // THEN
    const config = find(Testing.synth(chart), 'ConfigMap', 'pl-oauth-config');
    expect(config.metadata.namespace).toBe('plc-dev');
    expect(config.data).toStrictEqual({
      PL_OAUTH_PROVIDER: 'oidc',
      PL_OIDC_HOST: ISSUER,
      PL_OIDC_METADATA_URL: `${ISSUER}/.well-known/openid-configuration`,
      PL_OIDC_CLIENT_ID: 'pixie-cloud',
      PL_OIDC_ADDITIONAL_SCOPES: 'groups offline_access',
      PL_OIDC_SOCIAL_CONFIG_LOGIN: '[{"buttonText":"Log in with Google","extraParams":{"acr_values":"mfa","kc_idp_hint":"google"}},{"buttonText":"Log in","extraParams":{}}]',
      PL_OIDC_SOCIAL_CONFIG_SIGNUP: '[{"buttonText":"Sign up","extraParams":{}}]',
      PL_AUTH_URI: '',
      PL_AUTH_CLIENT_ID: '',
      PL_AUTH_EMAIL_PASSWORD_CONN: '',
    });
    expect(config.immutable).toBeUndefined();
  });

  test('optional keys are present and empty when unset, so Pixie falls back to its defaults', () => {
    const chart = Testing.chart();
    new OidcAuth(chart, 'Oidc', props());
    expect(find(Testing.synth(chart), 'ConfigMap', 'pl-oauth-config').data).toStrictEqual({
      PL_OAUTH_PROVIDER: 'oidc',
      PL_OIDC_HOST: ISSUER,
      PL_OIDC_METADATA_URL: '',
      PL_OIDC_CLIENT_ID: 'pixie-cloud',
      PL_OIDC_ADDITIONAL_SCOPES: '',
      PL_OIDC_SOCIAL_CONFIG_LOGIN: '',
      PL_OIDC_SOCIAL_CONFIG_SIGNUP: '',
      PL_AUTH_URI: '',
      PL_AUTH_CLIENT_ID: '',
      PL_AUTH_EMAIL_PASSWORD_CONN: '',
    });
  });

  test("the social configs parse to the list of { buttonText, extraParams } that Pixie's UI reads", () => {
    const chart = Testing.chart();
    new OidcAuth(chart, 'Oidc', props(FULL));
    const data = find(Testing.synth(chart), 'ConfigMap', 'pl-oauth-config').data;
    expect(JSON.parse(data.PL_OIDC_SOCIAL_CONFIG_LOGIN)).toStrictEqual([
      { buttonText: 'Log in with Google', extraParams: { acr_values: 'mfa', kc_idp_hint: 'google' } },
      { buttonText: 'Log in', extraParams: {} },
    ]);
    // The proxy pastes it into a JavaScript template literal; the result must still be the same JSON.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const pasted = new Function(`return \`${data.PL_OIDC_SOCIAL_CONFIG_LOGIN}\`;`)();
    expect(pasted).toBe(data.PL_OIDC_SOCIAL_CONFIG_LOGIN);
  });

  test('the order of extraParams does not change the output', () => {
    const render = (params: { name: string; value: string }[]) => {
      const chart = Testing.chart();
      new OidcAuth(chart, 'Oidc', props({ loginButtons: [{ buttonText: 'Log in', extraParams: params }] }));
      return Testing.synth(chart);
    };
    const a = { name: 'kc_idp_hint', value: 'google' };
    const b = { name: 'login_hint', value: 'someone' };
    expect(render([a, b])).toStrictEqual(render([b, a]));
  });

  test('the credentials are an ExternalSecret (external-secrets.io/v1) for cloud-oidc-secrets', () => {
    const chart = Testing.chart();
    new OidcAuth(chart, 'Oidc', props({ credentials: storeCredentials('3') }));
    const es = find(Testing.synth(chart), 'ExternalSecret', 'cloud-oidc-secrets');
    expect(es.apiVersion).toBe('external-secrets.io/v1');
    expect(es.metadata.namespace).toBe('plc-dev');
    expect(es.spec).toStrictEqual({
      refreshInterval: '1h',
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      target: { name: 'cloud-oidc-secrets', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [
        { secretKey: 'oidc-client-id', remoteRef: { key: 'pixie/oidc', property: 'client-id' } },
        { secretKey: 'oidc-client-secret', remoteRef: { key: 'pixie/oidc', property: 'client-secret', version: '3' } },
      ],
    });
  });

  test('an existing Secret of any name emits no ExternalSecret and replaces the env that Pixie reads from cloud-oidc-secrets', () => {
    // GIVEN Pixie's auth-server, which reads PL_OIDC_CLIENT_ID/SECRET from cloud-oidc-secrets (optional)
    // WHEN
    const objects = inAppChart({ credentials: ClientCredentials.fromExistingSecret('keycloak-pixie-client') });
    // THEN
    expect(objects.filter(o => o.kind === 'ExternalSecret')).toStrictEqual([]);
    expect(oidcEnv(objects)).toStrictEqual([
      { name: 'PL_OIDC_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'keycloak-pixie-client', key: 'oidc-client-id', optional: false } } },
      { name: 'PL_OIDC_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'keycloak-pixie-client', key: 'oidc-client-secret', optional: false } } },
    ]);
  });

  test("Pixie's real Deployments, included, get restart hashes, the credential env and the auth-server settings", () => {
    // GIVEN Pixie's own auth, profile and proxy Deployments, included from ../shared
    // WHEN
    const objects = inAppChart(FULL);
    // THEN
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`).sort()).toStrictEqual([
      'ConfigMap/pl-oauth-config',
      'Deployment/auth-server',
      'Deployment/cloud-proxy',
      'Deployment/profile-server',
      'ExternalSecret/cloud-oidc-secrets',
    ]);
    expect(new Set(objects.map(o => o.metadata.namespace))).toStrictEqual(new Set(['plc-dev']));
    const configHash = ContentHash.ofConfigMap(find(objects, 'ConfigMap', 'pl-oauth-config'));
    const secretHash = ContentHash.ofExternalSecret(find(objects, 'ExternalSecret', 'cloud-oidc-secrets'));
    expect(podTemplate(objects, 'auth-server').metadata.annotations).toStrictEqual({
      'checksum/pl-oauth-config': configHash,
      'checksum/cloud-oidc-secrets': secretHash,
    });
    expect(podTemplate(objects, 'profile-server').metadata.annotations).toStrictEqual({ 'checksum/pl-oauth-config': configHash });
    expect(podTemplate(objects, 'cloud-proxy').metadata.annotations).toStrictEqual({ 'checksum/pl-oauth-config': configHash });
    expect(oidcEnv(objects)).toStrictEqual([
      { name: 'PL_OIDC_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'cloud-oidc-secrets', key: 'oidc-client-id', optional: false } } },
      { name: 'PL_OIDC_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'cloud-oidc-secrets', key: 'oidc-client-secret', optional: false } } },
      { name: 'PL_OIDC_TOKEN_ENDPOINT', value: `${ISSUER}/protocol/openid-connect/token` },
      { name: 'PL_OIDC_USERINFO_ENDPOINT', value: USERINFO },
      { name: 'PL_OIDC_IDPROVIDER_CLAIM', value: 'identity_provider' },
      { name: 'PL_OIDC_GOOGLE_IDPROVIDER_VALUE', value: 'google' },
      { name: 'PL_OIDC_GOOGLE_ACCESS_TOKEN_CLAIM', value: 'google_access_token' },
    ]);
    // Pixie's own env and fields are kept; profile-server and cloud-proxy get no env.
    expect(authServerEnv(objects).map((e: any) => e.name)).toEqual(expect.arrayContaining(['PL_JWT_SIGNING_KEY', 'PL_HYDRA_CLIENT_ID']));
    expect(podTemplate(objects, 'auth-server').metadata.labels).toStrictEqual({ name: 'auth-server' });
    expect(JSON.stringify(find(objects, 'Deployment', 'profile-server'))).not.toContain('PL_OIDC');
    expect(JSON.stringify(find(objects, 'Deployment', 'cloud-proxy'))).not.toContain('PL_OIDC');
    expect(objects).toMatchSnapshot();
  });

  test('without auth-server settings, auth-server gets only the credential env', () => {
    expect(oidcEnv(inAppChart()).map((e: any) => e.name)).toStrictEqual(['PL_OIDC_CLIENT_ID', 'PL_OIDC_CLIENT_SECRET']);
  });

  test.each([
    ['issuer', { issuer: 'https://sso.example.com/realms/pixie' }, ['auth-server', 'profile-server', 'cloud-proxy']],
    ['client id', { clientId: 'another-client' }, ['auth-server', 'profile-server', 'cloud-proxy']],
    ['scopes', { additionalScopes: ['groups'] }, ['auth-server', 'profile-server', 'cloud-proxy']],
    ['login buttons', { loginButtons: [{ buttonText: 'Sign in' }] }, ['auth-server', 'profile-server', 'cloud-proxy']],
    ['secret reference version', { credentials: storeCredentials('2') }, ['auth-server']],
  ])('changing the %s changes the restart annotations of exactly the pods that read it', (_what, change, changed) => {
    const before = inAppChart();
    const after = inAppChart(change as Partial<OidcAuthProps>);
    for (const name of ['auth-server', 'profile-server', 'cloud-proxy']) {
      const same = JSON.stringify(podTemplate(before, name).metadata.annotations) === JSON.stringify(podTemplate(after, name).metadata.annotations);
      expect({ name, changed: !same }).toStrictEqual({ name, changed: changed.includes(name) });
    }
  });

  test("changing an auth-server setting changes only auth-server's env; its pod template rolls without a new hash", () => {
    const before = inAppChart();
    const after = inAppChart({ userinfoEndpoint: USERINFO });
    for (const name of ['auth-server', 'profile-server', 'cloud-proxy']) {
      expect(podTemplate(after, name).metadata.annotations).toStrictEqual(podTemplate(before, name).metadata.annotations);
    }
    expect(oidcEnv(after).slice(2)).toStrictEqual([{ name: 'PL_OIDC_USERINFO_ENDPOINT', value: USERINFO }]);
    expect(find(after, 'Deployment', 'cloud-proxy')).toStrictEqual(find(before, 'Deployment', 'cloud-proxy'));
  });

  test('unchanged input gives identical output', () => {
    expect(inAppChart(FULL)).toStrictEqual(inAppChart(FULL));
  });

  test('named workloads become a kustomize component: pl-oauth-config patch, auth-server env patch, restart hashes', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new OidcAuth(chart, 'Oidc', props(FULL));
    // THEN
    const files = KustomizeComponent.of(chart).renderFiles();
    expect(files.map(f => f.path)).toStrictEqual([
      'kustomization.yaml',
      'resources.yaml',
      'patches/configmap-pl-oauth-config.yaml',
      'patches/deployment-auth-server.yaml',
      'patches/deployment-cloud-proxy.yaml',
      'patches/deployment-profile-server.yaml',
    ]);
    const authPatch = files.find(f => f.path === 'patches/deployment-auth-server.yaml')!.content;
    for (const name of ['PL_OIDC_CLIENT_ID', 'PL_OIDC_CLIENT_SECRET', 'PL_OIDC_TOKEN_ENDPOINT', 'PL_OIDC_USERINFO_ENDPOINT',
      'PL_OIDC_IDPROVIDER_CLAIM', 'PL_OIDC_GOOGLE_IDPROVIDER_VALUE', 'PL_OIDC_GOOGLE_ACCESS_TOKEN_CLAIM']) {
      expect(authPatch).toContain(`- name: ${name}\n`);
    }
    expect(files.find(f => f.path === 'patches/deployment-cloud-proxy.yaml')!.content).not.toContain('env:');
    expect(files).toMatchSnapshot();
  });

  test('with OAuthConfigMode.CREATE pl-oauth-config is a resource of the component', () => {
    const chart = Testing.chart();
    new OidcAuth(chart, 'Oidc', props({ workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.CREATE }) }));
    const files = KustomizeComponent.of(chart).renderFiles();
    expect(files.map(f => f.path)).not.toContain('patches/configmap-pl-oauth-config.yaml');
    expect(files.find(f => f.path === 'resources.yaml')!.content).toContain('name: pl-oauth-config');
  });

  test('reloader opt-in names the Secret on auth-server', () => {
    const objects = inAppChart({ reloader: true, credentials: ClientCredentials.fromExistingSecret('keycloak-pixie-client') });
    expect(find(objects, 'Deployment', 'auth-server').metadata.annotations).toStrictEqual({ 'secret.reloader.stakater.com/reload': 'keycloak-pixie-client' });
  });
});

describe('OidcAuth bad input', () => {
  const build = (overrides: Partial<OidcAuthProps>) => () => new OidcAuth(Testing.chart(), 'Oidc', props(overrides));

  test.each([
    ['http://keycloak.example.com/realms/pixie', '"http://keycloak.example.com/realms/pixie" uses http://; Pixie\'s UI and auth-server need https://, e.g. https://keycloak.example.com/realms/pixie'],
    ['keycloak.example.com/realms/pixie', '"keycloak.example.com/realms/pixie" must start with https://, e.g. https://keycloak.example.com/realms/pixie'],
    ['https://keycloak.example.com/realms/pixie/', '"https://keycloak.example.com/realms/pixie/" ends with \'/\': give the issuer exactly as the "issuer" field of its discovery document, e.g. "https://keycloak.example.com/realms/pixie"'],
    ['https://keycloak.example.com/realms/pixie/.well-known/openid-configuration', '"https://keycloak.example.com/realms/pixie/.well-known/openid-configuration" is the discovery URL, not the issuer: set issuer to "https://keycloak.example.com/realms/pixie" (and metadataUrl only if the discovery document lives elsewhere)'],
    ['https://keycloak.example.com/realms/pixie/protocol/openid-connect/auth', '"https://keycloak.example.com/realms/pixie/protocol/openid-connect/auth" is a Keycloak endpoint, not the issuer: use the realm URL "https://keycloak.example.com/realms/pixie"'],
    ['https://example-org.okta.com/oauth2/default/v1/authorize', '"https://example-org.okta.com/oauth2/default/v1/authorize" ends in \'/authorize\', an endpoint of the identity provider, not its issuer: give the "issuer" field of its discovery document (e.g. https://keycloak.example.com/realms/pixie)'],
    ['https://<keycloak-host>/realms/<realm>', '"https://<keycloak-host>/realms/<realm>" contains a placeholder in angle brackets; replace it with the real value'],
    ['https://keycloak/realms/pixie', '"https://keycloak/realms/pixie" has host "keycloak"; use a fully qualified name that browsers and auth-server can both resolve, e.g. https://keycloak.example.com/realms/pixie'],
  ])('throws if the issuer is %s', (issuer, message) => {
    expect(build({ issuer })).toThrow(`Invalid OidcAuth props:\n  - issuer: ${message}`);
  });

  test('throws if values pasted into JavaScript hold quotes, backticks or ${, listing each', () => {
    expect(build({
      clientId: "pixie'cloud",
      metadataUrl: 'https://keycloak.example.com/x"y',
      additionalScopes: ['gr`oups'],
      loginButtons: [{ buttonText: 'Log in with `Google`', extraParams: [{ name: 'kc_idp_hint', value: '${google}' }] }],
    })).toThrow(
      'Invalid OidcAuth props:\n'
      + '  - clientId: "pixie\'cloud" contains a single quote; Pixie\'s cloud-proxy pastes this value into a quoted JavaScript string, so remove it\n'
      + '  - metadataUrl: "https://keycloak.example.com/x\\"y" contains a double quote; Pixie\'s cloud-proxy pastes this value into a quoted JavaScript string, so remove it\n'
      + '  - additionalScopes[0]: "gr`oups" contains a backtick; Pixie\'s cloud-proxy pastes this value into a quoted JavaScript string, so remove it\n'
      + '  - loginButtons[0].buttonText: "Log in with `Google`" contains a backtick; Pixie\'s cloud-proxy pastes this value into a quoted JavaScript string, so remove it\n'
      + '  - loginButtons[0].extraParams[0].value: "${google}" contains \'${\'; Pixie\'s cloud-proxy pastes this value into a quoted JavaScript string, so remove it',
    );
  });

  test('throws if a button text holds a control character that JSON would escape with a backslash', () => {
    expect(build({ signupButtons: [{ buttonText: 'Sign\tup' }] })).toThrow(
      '  - signupButtons[0].buttonText: "Sign\\tup" contains a control character (such as a tab); remove it',
    );
  });

  test('throws on invalid social-config structures, naming each path', () => {
    expect(build({
      loginButtons: [
        { buttonText: '' },
        null as any,
        { buttonText: 'Log in', extraParams: [{ name: 'redirect_uri', value: 'https://evil.example.com' }, { name: 'kc idp', value: 'google' }] },
        { buttonText: 'Again', extraParams: [{ name: 'kc_idp_hint', value: 'a' }, { name: 'kc_idp_hint', value: 'b' }, 'x' as any] },
        { buttonText: 'Map', extraParams: { kc_idp_hint: 'google' } as any },
      ],
      signupButtons: [],
    })).toThrow(
      'Invalid OidcAuth props:\n'
      + '  - loginButtons[0].buttonText: must not be empty\n'
      + '  - loginButtons[1]: must be a button ({ buttonText, extraParams }), got null\n'
      + '  - loginButtons[2].extraParams[0].name: "redirect_uri" is set by Pixie\'s UI itself; a button may only add other parameters (e.g. kc_idp_hint, idp, login_hint)\n'
      + '  - loginButtons[2].extraParams[1].name: "kc idp" is not a query parameter name: use letters, digits, \'_\', \'-\', \'.\' or \'~\' (e.g. kc_idp_hint)\n'
      + '  - loginButtons[3].extraParams[1].name: "kc_idp_hint" is given twice in this button; keep one\n'
      + '  - loginButtons[3].extraParams[2]: must be { name, value }, got string "x"\n'
      + '  - loginButtons[4].extraParams: must be a list of { name, value }, got an object\n'
      + '  - signupButtons: is an empty list, which would show no button at all; give at least one button, or leave it out for Pixie\'s default button',
    );
  });

  test('throws if the scopes are not a list', () => {
    expect(build({ additionalScopes: 'groups' as any })).toThrow('  - additionalScopes: must be a list of scopes, e.g. [groups], got "groups"');
  });

  test('throws if the buttons are not a list', () => {
    expect(build({ loginButtons: { buttonText: 'Log in' } as any })).toThrow(
      '  - loginButtons: must be a list of buttons ({ buttonText, extraParams }), got an object',
    );
  });

  test.each([
    ['neither', { googleAccessTokenClaim: 'google_access_token' }, 'idProviderClaim and googleIdProviderValue'],
    ['only idProviderClaim', { googleAccessTokenClaim: 'google_access_token', idProviderClaim: 'identity_provider' }, 'googleIdProviderValue'],
    ['only googleIdProviderValue', { googleAccessTokenClaim: 'google_access_token', googleIdProviderValue: 'google' }, 'idProviderClaim'],
  ])('throws if the Google access-token claim is set with %s of the ID-provider settings', (_given, change, missing) => {
    expect(build(change)).toThrow(
      `Invalid OidcAuth props:\n  - googleAccessTokenClaim: needs ${missing} as well (auth-server refuses to start otherwise): set the claim that names the upstream identity provider and its value for Google accounts, or remove googleAccessTokenClaim`,
    );
  });

  test('the ID-provider settings alone are accepted (auth-server ignores them without the access-token claim)', () => {
    expect(oidcEnv(inAppChart({ idProviderClaim: 'identity_provider', googleIdProviderValue: 'google' })).map((e: any) => e.name)).toStrictEqual([
      'PL_OIDC_CLIENT_ID', 'PL_OIDC_CLIENT_SECRET', 'PL_OIDC_IDPROVIDER_CLAIM', 'PL_OIDC_GOOGLE_IDPROVIDER_VALUE',
    ]);
  });

  test('throws on bad scopes, endpoints and claims, listing each', () => {
    expect(build({
      additionalScopes: ['openid', 'groups roles', 'groups', 'groups'],
      tokenEndpoint: 'http://keycloak.example.com/token',
      userinfoEndpoint: 'https://keycloak.example.com/userinfo#me',
      idProviderClaim: 'identity provider',
      googleIdProviderValue: '$(GOOGLE)',
    })).toThrow(
      'Invalid OidcAuth props:\n'
      + '  - additionalScopes[0]: "openid" is always requested by Pixie\'s UI (openid profile email); remove it\n'
      + '  - additionalScopes[1]: "groups roles" contains a space; give each scope as its own list item\n'
      + '  - additionalScopes[3]: "groups" is listed twice; keep one\n'
      + '  - tokenEndpoint: "http://keycloak.example.com/token" uses http://; Pixie\'s UI and auth-server need https://, e.g. https://keycloak.example.com/realms/pixie/protocol/openid-connect/token\n'
      + '  - userinfoEndpoint: "https://keycloak.example.com/userinfo#me" has a fragment (\'#...\'); remove it\n'
      + '  - idProviderClaim: "identity provider" contains whitespace or a control character; claim names and values are single words (e.g. idp)\n'
      + '  - googleIdProviderValue: "$(GOOGLE)" contains \'$(\', which Kubernetes expands in env values; remove it',
    );
  });

  test('throws if the client id is a placeholder and the existing Secret name is invalid, listing both', () => {
    expect(build({ clientId: '<client-id>', credentials: ClientCredentials.fromExistingSecret('Keycloak_Client') })).toThrow(
      'Invalid OidcAuth props:\n'
      + '  - clientId: "<client-id>" is a placeholder from the docs; replace it with the real value\n'
      + '  - credentials.existingSecret: "Keycloak_Client" is not a valid DNS-1123 name',
    );
  });

  test('throws if the namespace is not a DNS-1123 label', () => {
    expect(build({ namespace: 'PLC_dev' })).toThrow('namespace: "PLC_dev" is not a valid DNS-1123 label');
  });
});
