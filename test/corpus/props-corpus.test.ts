import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PASTED_SECRET, PASTED_SECRET_REDACTED, PropsCorpusRow } from './corpus-rows';
import {
  Auth0Auth,
  Auth0AuthProps,
  ClientCredentials,
  ClientCredentialsFromStoreOptions,
  OAuthConfigMode,
  PixieWorkloads,
  RestartOnChange,
  RestartSource,
  RestartTarget,
  SecretCreationPolicy,
  SecretDeletionPolicy,
  SecretStoreKind,
  StoreBackedSecret,
  StoreBackedSecretProps,
} from '../../src';

/*
 * Bad construct props. Each row builds into a fresh chart and gives the
 * exact message of the error thrown at once, naming the prop and the fix.
 */

const PLACEHOLDER = 'is a placeholder from the docs; replace it with the real value';
const IN_JS = "Pixie's cloud-proxy pastes this value into a quoted JavaScript string, so remove it";
const PASTED = `"${PASTED_SECRET_REDACTED}" looks like a secret value, not a reference;`;
const AUTH0 = 'Invalid Auth0Auth props:\n  - ';

function fromStore(overrides: Partial<ClientCredentialsFromStoreOptions> = {}): ClientCredentials {
  return ClientCredentials.fromStore({
    store: { name: 'vault', kind: SecretStoreKind.CLUSTER_SECRET_STORE },
    clientId: { key: 'pixie/auth0', property: 'client-id' },
    clientSecret: { key: 'pixie/auth0', property: 'client-secret' },
    ...overrides,
  });
}

function auth0(chart: Chart, overrides: Partial<Auth0AuthProps> = {}, id = 'Auth0'): Auth0Auth {
  return new Auth0Auth(chart, id, {
    domain: 'myorg.us.auth0.com',
    clientId: 'pixie-client',
    credentials: fromStore(),
    workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }),
    ...overrides,
  });
}

function storeBacked(chart: Chart, overrides: Partial<StoreBackedSecretProps> = {}): StoreBackedSecret {
  return new StoreBackedSecret(chart, 'Secret', {
    secretName: 'my-secret',
    store: { name: 'vault' },
    keys: [{ secretKey: 'password', remote: { key: 'app/db', property: 'password' } }],
    ...overrides,
  });
}

function configMap(chart: Chart, id: string): kplus.ConfigMap {
  return new kplus.ConfigMap(chart, id, { metadata: { name: id.toLowerCase() }, data: { a: 'b' } });
}

const AUTH0_ROWS: PropsCorpusRow[] = [
  {
    name: 'the Auth0 domain is the docs placeholder <auth0-domain>',
    build: chart => auth0(chart, { domain: '<auth0-domain>' }),
    message: `${AUTH0}domain: "<auth0-domain>" ${PLACEHOLDER}`,
  },
  {
    name: 'the Auth0 domain has a scheme and a trailing slash',
    build: chart => auth0(chart, { domain: 'https://myorg.us.auth0.com/' }),
    message: `${AUTH0}domain: "https://myorg.us.auth0.com/" must be a bare host such as myorg.us.auth0.com (no scheme, path, port or trailing slash)`,
  },
  {
    name: 'the Auth0 domain is not a string',
    build: chart => auth0(chart, { domain: 42 as any }),
    message: `${AUTH0}domain: must be a string, got number 42`,
  },
  {
    name: 'the Auth0 client id is the docs placeholder <auth0-client-id>',
    build: chart => auth0(chart, { clientId: '<auth0-client-id>' }),
    message: `${AUTH0}clientId: "<auth0-client-id>" ${PLACEHOLDER}`,
  },
  {
    name: 'the Auth0 client id contains a backtick',
    build: chart => auth0(chart, { clientId: 'pixie`client' }),
    message: `${AUTH0}clientId: "pixie\`client" contains a backtick; ${IN_JS}`,
  },
  {
    name: 'the email/password connection contains ${',
    build: chart => auth0(chart, { emailPasswordConnection: 'Username-${x}' }),
    message: `${AUTH0}emailPasswordConnection: "Username-\${x}" contains '\${'; ${IN_JS}`,
  },
  {
    name: 'the email/password connection contains a newline',
    build: chart => auth0(chart, { emailPasswordConnection: 'Username\nPassword' }),
    message: `${AUTH0}emailPasswordConnection: "Username\\nPassword" contains a newline; ${IN_JS}`,
  },
  {
    name: 'the email/password connection contains a double quote',
    build: chart => auth0(chart, { emailPasswordConnection: 'Username"Password' }),
    message: `${AUTH0}emailPasswordConnection: "Username\\"Password" contains a double quote; ${IN_JS}`,
  },
  {
    name: 'the namespace is not a DNS-1123 label',
    build: chart => auth0(chart, { namespace: 'plc.dev' }),
    message: `${AUTH0}namespace: "plc.dev" is not a valid DNS-1123 label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. plc-dev)`,
  },
  {
    name: 'every problem is reported at once',
    build: chart => auth0(chart, { domain: '<auth0-domain>', clientId: '<client-id>' }),
    message: `${AUTH0}domain: "<auth0-domain>" ${PLACEHOLDER}\n  - clientId: "<client-id>" ${PLACEHOLDER}`,
  },
  {
    name: 'two providers configure the same namespace in one chart',
    build: chart => {
      auth0(chart);
      auth0(chart, {}, 'Auth0Again');
    },
    message: "Invalid Auth0Auth props:\n  - Auth0Auth 'test/Auth0' already configures authentication for namespace plc-dev in this chart; Pixie Cloud reads one provider from pl-oauth-config, so keep only one provider construct per namespace",
  },
];

const CREDENTIAL_ROWS: PropsCorpusRow[] = [
  {
    name: "the client secret's key is the docs placeholder <your-secret>",
    build: chart => auth0(chart, { credentials: fromStore({ clientSecret: { key: '<your-secret>' } }) }),
    message: `${AUTH0}credentials.fromStore.clientSecret.key: "<your-secret>" ${PLACEHOLDER}`,
  },
  {
    name: "a secret value is pasted into the client secret's key",
    build: chart => auth0(chart, { credentials: fromStore({ clientSecret: { key: PASTED_SECRET } }) }),
    message: `${AUTH0}credentials.fromStore.clientSecret.key: ${PASTED} put the secret in your secret store and give its key here (e.g. pixie/auth0)`,
  },
  {
    name: 'a secret value is pasted as the existing Secret',
    build: chart => auth0(chart, { credentials: ClientCredentials.fromExistingSecret(PASTED_SECRET) }),
    message: `${AUTH0}credentials.existingSecret: ${PASTED} create a Secret holding the values, and give its name here`,
  },
  {
    name: 'the existing Secret is not a DNS-1123 name',
    build: chart => auth0(chart, { credentials: ClientCredentials.fromExistingSecret('cloud_auth0_secrets') }),
    message: `${AUTH0}credentials.existingSecret: "cloud_auth0_secrets" is not a valid DNS-1123 name: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. cloud-auth0-secrets)`,
  },
  {
    name: 'the client id and secret are the same value in the store',
    build: chart => auth0(chart, { credentials: fromStore({ clientId: { key: 'pixie/auth0' }, clientSecret: { key: 'pixie/auth0' } }) }),
    message: `${AUTH0}credentials.fromStore.clientSecret: points at the same value as clientId (key "pixie/auth0"); the client secret is a different value: give its own key or property`,
  },
  {
    name: 'creationPolicy Merge is combined with deletionPolicy Delete',
    build: chart => auth0(chart, {
      credentials: fromStore({ creationPolicy: SecretCreationPolicy.MERGE, deletionPolicy: SecretDeletionPolicy.DELETE }),
    }),
    message: `${AUTH0}credentials.fromStore.deletionPolicy: Delete cannot be combined with creationPolicy Merge (External Secrets refuses the pair): use Retain or Merge`,
  },
  {
    name: 'the refresh interval is not a duration',
    build: chart => auth0(chart, { credentials: fromStore({ refreshInterval: 'hourly' }) }),
    message: `${AUTH0}credentials.fromStore.refreshInterval: "hourly" is not a duration: use a Go duration such as 1h, 30m or 1h30m (0 turns refreshing off)`,
  },
  {
    name: 'the store kind is not SecretStore or ClusterSecretStore',
    build: chart => auth0(chart, { credentials: fromStore({ store: { name: 'vault', kind: 'VaultStore' as SecretStoreKind } }) }),
    message: `${AUTH0}credentials.fromStore.store.kind: "VaultStore" is not a store kind: use SecretStore or ClusterSecretStore`,
  },
  {
    name: 'a StoreBackedSecret lists one Secret key twice',
    build: chart => storeBacked(chart, {
      keys: [
        { secretKey: 'password', remote: { key: 'app/db', property: 'password' } },
        { secretKey: 'password', remote: { key: 'app/db', property: 'old-password' } },
      ],
    }),
    message: 'Invalid ExternalSecret "my-secret":\n  - keys[1].secretKey: "password" is listed twice: each key of the Secret may come from one place only',
  },
  {
    name: 'a StoreBackedSecret name is not DNS-1123',
    build: chart => storeBacked(chart, { secretName: 'My_Secret' }),
    message: 'Invalid ExternalSecret "My_Secret":\n  - secretName: "My_Secret" is not a valid DNS-1123 name: use lower-case letters, digits, \'-\' and \'.\', starting and ending with a letter or digit (e.g. cloud-auth0-secrets)',
  },
  {
    name: "a secret value is pasted into a StoreBackedSecret's remote version",
    build: chart => storeBacked(chart, { keys: [{ secretKey: 'password', remote: { key: 'app/db', version: PASTED_SECRET } }] }),
    message: `Invalid ExternalSecret "my-secret":\n  - keys[0].remote.version: ${PASTED} give the version as your store names it (e.g. 3), not the value`,
  },
];

const RESTART_ROWS: PropsCorpusRow[] = [
  {
    name: 'a named restart target is a typo of a Pixie deployment',
    build: () => RestartTarget.named({ name: 'profile-sever' }),
    message: 'name: "profile-sever" is not a Pixie Cloud deployment; did you mean "profile-server"? (set allowUnknownName to restart a deployment of your own)',
  },
  {
    name: 'a named restart target is not a Pixie deployment',
    build: () => RestartTarget.named({ name: 'billing' }),
    message: 'name: "billing" is not a Pixie Cloud deployment (set allowUnknownName to restart a deployment of your own)',
  },
  {
    name: "a named restart target's namespace is not DNS-1123",
    build: () => RestartTarget.named({ name: 'auth-server', namespace: 'PLC' }),
    message: "namespace: \"PLC\" is not a valid DNS-1123 label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. plc-dev)",
  },
  {
    name: 'an in-app restart target is not a workload',
    build: chart => RestartTarget.fromWorkload(configMap(chart, 'Settings')),
    message: "restart target 'test/Settings/Resource' is a ConfigMap; use a Deployment, StatefulSet or DaemonSet",
  },
  {
    name: 'RestartOnChange is given the same source twice',
    build: chart => {
      const settings = configMap(chart, 'Settings');
      return new RestartOnChange(chart, 'Restart', {
        sources: [RestartSource.fromConfigMap(settings), RestartSource.fromConfigMap(settings)],
        targets: [RestartTarget.named({ name: 'auth-server' })],
      });
    },
    message: "sources[1]: ConfigMap 'settings' is the same source as sources[0] (both write 'checksum/settings'); list each source once",
  },
  {
    name: 'RestartOnChange is given the same target twice',
    build: chart => new RestartOnChange(chart, 'Restart', {
      sources: [RestartSource.fromConfigMap(configMap(chart, 'Settings'))],
      targets: [RestartTarget.named({ name: 'auth-server', namespace: 'plc-dev' }), RestartTarget.named({ name: 'auth-server', namespace: 'plc-dev' })],
    }),
    message: 'targets[1]: Deployment plc-dev/auth-server is listed twice; list each target once',
  },
  {
    name: 'a ConfigMap restart source is a Secret',
    build: chart => RestartSource.fromConfigMap(new kplus.Secret(chart, 'Creds')),
    message: "restart source 'test/Creds/Resource' is a Secret; expected kind ConfigMap",
  },
  {
    name: 'an extra pl-oauth-config reader is a typo of a Pixie deployment',
    build: () => PixieWorkloads.named({ oauthConfig: OAuthConfigMode.CREATE, extraOAuthConfigReaders: ['vzmgr-sever'] }),
    message: 'Invalid PixieWorkloads options:\n  - extraOAuthConfigReaders[0]: "vzmgr-sever" is not a Pixie Cloud deployment; did you mean "vzmgr-server"? (set allowUnknownName to restart a deployment of your own)',
  },
  {
    name: 'an extra pl-oauth-config reader is listed twice',
    build: () => PixieWorkloads.named({ oauthConfig: OAuthConfigMode.CREATE, extraOAuthConfigReaders: ['api-server', 'api-server'] }),
    message: 'Invalid PixieWorkloads options:\n  - extraOAuthConfigReaders[1]: "api-server" is listed twice (also at extraOAuthConfigReaders[0]); list each deployment once',
  },
  {
    name: "the in-app auth-server is not Pixie's auth-server",
    build: chart => PixieWorkloads.inApp({ authServer: new kplus.Deployment(chart, 'Web', { metadata: { name: 'web' }, containers: [{ image: 'nginx' }] }) }),
    message: "workloads.authServer: expected the 'auth-server' Deployment, got 'web'",
  },
];

/** Every props row; extend by adding a group. OIDC and OSS rows live in provider-corpus.test.ts. */
const PROPS_CORPUS: PropsCorpusRow[] = [...AUTH0_ROWS, ...CREDENTIAL_ROWS, ...RESTART_ROWS];

describe('bad props throw at once, naming the prop and the fix', () => {
  test.each(PROPS_CORPUS)('throws if $name', row => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN / THEN: the whole message, exactly
    expect(() => row.build(chart)).toThrow(new Error(row.message));
  });

  test('the names are distinct', () => {
    expect(new Set(PROPS_CORPUS.map(r => r.name)).size).toBe(PROPS_CORPUS.length);
  });
});
