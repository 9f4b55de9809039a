import { ConfigCorpusRow, refusal, runCorpusRow } from './corpus-harness';
import { PASTED_SECRET, PASTED_SECRET_REDACTED } from './corpus-rows';
import { CONFIG_PROVIDERS } from '../../src/config/providers';
import { auth0Config } from '../support/temp-config';

/*
 * Bad config files, through `npm run synth` (runSynth). Each row mutates the
 * known-good Auth0 config (examples/auth0.yaml's shape) and gives the exact
 * problem lines; every case also checks that the output directory of a
 * previous good synth is left byte for byte as it was.
 */

const FROM_STORE = 'auth0.credentials.fromStore';
const TOP_LEVEL_KEYS = ['namespace', ...CONFIG_PROVIDERS.map(p => p.key), 'pixie', 'output'].join(', ');
const NOT_A_DNS_NAME = "is not a valid DNS-1123 name: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. cloud-auth0-secrets)";
const PLACEHOLDER = 'is a placeholder from the docs; replace it with the real value';
const BARE_HOST = 'must be a bare host such as myorg.us.auth0.com (no scheme, path, port or trailing slash)';
const IN_JS = "Pixie's cloud-proxy pastes this value into a quoted JavaScript string, so remove it";
const NOT_A_DURATION = 'is not a duration: use a Go duration such as 1h, 30m or 1h30m (0 turns refreshing off)';
const PASTED = `"${PASTED_SECRET_REDACTED}" looks like a secret value, not a reference;`;

/** The good config as YAML text with one line replaced, for cases only raw YAML can express. */
function yamlWith(line: RegExp, replacement: string): (config: any) => string {
  return () => GOOD_YAML.replace(line, replacement);
}

const GOOD_YAML = `namespace: plc-dev
auth0:
  domain: example-org.us.auth0.com
  clientId: pixie-cloud-example-client
  credentials:
    fromStore:
      store:
        name: pixie-secrets
        kind: ClusterSecretStore
      clientId:
        key: pixie/auth0
        property: client-id
      clientSecret:
        key: pixie/auth0
        property: client-secret
pixie:
  oauthConfig: patch
`;

const PLACEHOLDERS: ConfigCorpusRow[] = [
  {
    name: 'the domain is the docs placeholder <auth0-domain>',
    mutate: c => { c.auth0.domain = '<auth0-domain>'; },
    problems: [`auth0.domain: "<auth0-domain>" ${PLACEHOLDER}`],
  },
  {
    name: 'the client id is the docs placeholder <auth0-client-id>',
    mutate: c => { c.auth0.clientId = '<auth0-client-id>'; },
    problems: [`auth0.clientId: "<auth0-client-id>" ${PLACEHOLDER}`],
  },
  {
    name: 'the client id is the docs placeholder <client-id>',
    mutate: c => { c.auth0.clientId = '<client-id>'; },
    problems: [`auth0.clientId: "<client-id>" ${PLACEHOLDER}`],
  },
  {
    name: "the client secret's key is the docs placeholder <your-secret>",
    mutate: c => { c.auth0.credentials.fromStore.clientSecret.key = '<your-secret>'; },
    problems: [`${FROM_STORE}.clientSecret.key: "<your-secret>" ${PLACEHOLDER}`],
  },
  {
    name: 'the existing Secret is the docs placeholder <your-secret>',
    mutate: c => { c.auth0.credentials = { existingSecret: '<your-secret>' }; },
    problems: [`auth0.credentials.existingSecret: "<your-secret>" ${PLACEHOLDER}`],
  },
];

const DOMAINS: ConfigCorpusRow[] = [
  {
    name: 'the domain has a scheme and a trailing slash',
    mutate: c => { c.auth0.domain = 'https://x.auth0.com/'; },
    problems: [`auth0.domain: "https://x.auth0.com/" ${BARE_HOST}`],
  },
  {
    name: 'the domain has a scheme',
    mutate: c => { c.auth0.domain = 'https://myorg.us.auth0.com'; },
    problems: [`auth0.domain: "https://myorg.us.auth0.com" ${BARE_HOST}`],
  },
  {
    name: 'the domain has a trailing slash',
    mutate: c => { c.auth0.domain = 'myorg.us.auth0.com/'; },
    problems: [`auth0.domain: "myorg.us.auth0.com/" ${BARE_HOST}`],
  },
  {
    name: 'the domain has a port',
    mutate: c => { c.auth0.domain = 'myorg.us.auth0.com:443'; },
    problems: [`auth0.domain: "myorg.us.auth0.com:443" ${BARE_HOST}`],
  },
  {
    name: 'the domain is left empty',
    mutate: yamlWith(/domain: .*/, 'domain:'),
    problems: ['auth0.domain: must be a string, but the value is empty: give one or remove the key'],
  },
];

const TYPES_AND_KEYS: ConfigCorpusRow[] = [
  {
    name: 'the namespace is a number',
    mutate: c => { c.namespace = 5; },
    problems: ['namespace: must be a string, but YAML read a number here (5): put the value in quotes'],
  },
  {
    name: 'the client id is an unquoted number (YAML reads 0123 as 123)',
    mutate: yamlWith(/clientId: pixie-cloud-example-client/, 'clientId: 0123'),
    problems: ['auth0.clientId: must be a string, but YAML read a number here (123): put the value in quotes'],
  },
  {
    name: 'pixie.reloader is the string yes',
    mutate: yamlWith(/oauthConfig: patch/, 'oauthConfig: patch\n  reloader: yes'),
    problems: ['pixie.reloader: must be true or false'],
  },
  {
    name: 'the credentials are a list',
    mutate: c => { c.auth0.credentials = [c.auth0.credentials]; },
    problems: ['auth0.credentials: must be a mapping: where the client id and secret come from: fromStore { store, clientId, clientSecret } (an ExternalSecret reads them from your secret store) or existingSecret (the name of a Secret that already exists)'],
  },
  {
    name: 'pixie.manifests is a single string',
    mutate: c => { c.pixie.manifests = 'auth_deployment.yaml'; },
    problems: ['pixie.manifests: must be a list'],
  },
  {
    name: 'the store kind is not one ESO knows',
    mutate: c => { c.auth0.credentials.fromStore.store.kind = 'clustersecretstore'; },
    problems: [`${FROM_STORE}.store.kind: must be one of: "SecretStore", "ClusterSecretStore"`],
  },
  {
    name: 'the domain is missing',
    mutate: c => { delete c.auth0.domain; },
    problems: ['auth0.domain: is required: the domain of your Auth0 tenant, a bare host such as myorg.us.auth0.com (no https://)'],
  },
  {
    name: 'a top-level key is misspelt',
    mutate: c => { c.namespce = c.namespace; delete c.namespace; },
    problems: [`namespce: is not a known key; did you mean "namespace"? The keys allowed here are: ${TOP_LEVEL_KEYS}`],
  },
  {
    name: 'a key in auth0 has the wrong case',
    mutate: c => { c.auth0.clientID = c.auth0.clientId; delete c.auth0.clientId; },
    problems: [
      // not also "auth0.clientId: is required": the suggestion says it
      'auth0.clientID: is not a known key; did you mean "clientId"? The keys allowed here are: domain, clientId, emailPasswordConnection, credentials',
    ],
  },
  {
    name: 'a key in fromStore is misspelt',
    mutate: c => { c.auth0.credentials.fromStore.refreshIntervall = '1h'; },
    problems: [`${FROM_STORE}.refreshIntervall: is not a known key; did you mean "refreshInterval"? The keys allowed here are: store, clientId, clientSecret, refreshInterval, creationPolicy, deletionPolicy`],
  },
  {
    name: 'a key is given twice in the file',
    mutate: yamlWith(/namespace: plc-dev\n/, 'namespace: plc-dev\nnamespace: plc-prod\n'),
    problems: ['pixie-auth.yaml:2:1: "namespace" is given twice in one mapping (also on line 1); keep one'],
    heading: 'Cannot read pixie-auth.yaml',
  },
  {
    name: 'a key nested deeper is given twice in the file',
    mutate: yamlWith(/  clientId: pixie-cloud-example-client\n/, '  clientId: pixie-cloud-example-client\n  clientId: other-client\n'),
    problems: ['pixie-auth.yaml:5:3: "clientId" is given twice in one mapping (also on line 4); keep one'],
    heading: 'Cannot read pixie-auth.yaml',
  },
  {
    name: 'the client id is missing',
    mutate: c => { delete c.auth0.clientId; },
    problems: ['auth0.clientId: is required: the client id of your Auth0 application (the secret goes in credentials)'],
  },
  {
    name: 'the store has no name',
    mutate: c => { delete c.auth0.credentials.fromStore.store.name; },
    problems: [`${FROM_STORE}.store.name: is required: the name of the SecretStore or ClusterSecretStore, e.g. pixie-secrets`],
  },
  {
    name: 'the store is a bare name, not a mapping',
    mutate: c => { c.auth0.credentials.fromStore.store = 'pixie-secrets'; },
    problems: [`${FROM_STORE}.store: must be a mapping: the store to read from, { name: ..., kind: SecretStore or ClusterSecretStore }`],
  },
];

/** What a reference into the secret store looks like, as the messages describe it. */
const REMOTE_REF = "a reference into your secret store, { key: ..., property: ... }, where key is the secret's name in the store (e.g. pixie/auth0) and property a field inside it (optional)";
const AUTH0_KEYS = 'The keys allowed here are: domain, clientId, emailPasswordConnection, credentials';
const EXISTING_SECRET = 'Or give auth0.credentials.existingSecret: the name of a Secret that already holds the client id and secret.';

const CREDENTIALS_PLACED_WRONGLY: ConfigCorpusRow[] = [
  {
    name: "the client secret's value is given where its reference belongs",
    mutate: c => { c.auth0.credentials.fromStore.clientSecret = PASTED_SECRET; },
    problems: [`${FROM_STORE}.clientSecret: must be a mapping: ${REMOTE_REF}. The value given looks like a secret itself: keep it in your secret store and reference it here`],
  },
  {
    name: "the client secret's store key is given as a plain string",
    mutate: c => { c.auth0.credentials.fromStore.clientSecret = 'pixie/auth0'; },
    problems: [`${FROM_STORE}.clientSecret: must be a mapping: ${REMOTE_REF}`],
  },
  {
    name: 'the client secret is missing from fromStore',
    mutate: c => { delete c.auth0.credentials.fromStore.clientSecret; },
    problems: [`${FROM_STORE}.clientSecret: is required: ${REMOTE_REF}`],
  },
  {
    name: 'the client secret is pasted at the top of auth0',
    mutate: c => { c.auth0.clientSecret = PASTED_SECRET; },
    problems: [`auth0.clientSecret: is not a known key here. It belongs at ${FROM_STORE}.clientSecret: ${REMOTE_REF}. ${EXISTING_SECRET} A secret value itself never goes in this file. ${AUTH0_KEYS}`],
  },
  {
    name: 'the client secret is given as client_secret at the top of auth0',
    mutate: c => { c.auth0.client_secret = { key: 'pixie/auth0', property: 'client-secret' }; },
    problems: [`auth0.client_secret: is not a known key here. It belongs at ${FROM_STORE}.clientSecret: ${REMOTE_REF}. ${EXISTING_SECRET} ${AUTH0_KEYS}`],
  },
  {
    name: 'existingSecret is given at the top of auth0',
    mutate: c => { c.auth0.existingSecret = 'cloud-auth0-secrets'; },
    problems: [`auth0.existingSecret: is not a known key here. It belongs at auth0.credentials.existingSecret: the name of a Secret that already holds the client id and secret. ${AUTH0_KEYS}`],
  },
  {
    name: 'the client secret is under credentials without fromStore',
    mutate: c => { c.auth0.credentials.clientSecret = { key: 'pixie/auth0' }; },
    problems: [`auth0.credentials.clientSecret: is not a known key here. It belongs at ${FROM_STORE}.clientSecret: ${REMOTE_REF}. ${EXISTING_SECRET} The keys allowed here are: fromStore, existingSecret`],
  },
];

const YAML_SYNTAX: ConfigCorpusRow[] = [
  {
    name: 'a quote is never closed (yaml reads on to the end of the file)',
    mutate: yamlWith(/domain: .*/, 'domain: "example-org.us.auth0.com'),
    problems: ['pixie-auth.yaml:3:11: not valid YAML: the " quote that opens here is never closed, so the value runs on to the end of the file (MISSING_CHAR); add the closing " at the end of the value'],
    heading: 'Cannot read pixie-auth.yaml',
  },
  {
    name: "a single quote is never closed in the file's last line",
    mutate: yamlWith(/oauthConfig: patch\n/, "oauthConfig: 'patch\n"),
    problems: ['pixie-auth.yaml:17:16: not valid YAML: the \' quote that opens here is never closed, so the value runs on to the end of the file (MISSING_CHAR); add the closing \' at the end of the value'],
    heading: 'Cannot read pixie-auth.yaml',
  },
  {
    name: 'an unquoted value contains ": "',
    mutate: yamlWith(/clientId: pixie-cloud-example-client/, 'clientId: pixie: cloud'),
    problems: ['pixie-auth.yaml:4:13: not valid YAML: Nested mappings are not allowed in compact mappings (BLOCK_AS_IMPLICIT_KEY); give each key: value its own line, indented like the keys beside it; put a value that contains ": " in quotes'],
    heading: 'Cannot read pixie-auth.yaml',
  },
  {
    name: 'a key is indented less than the keys beside it',
    mutate: yamlWith(/  clientId: pixie-cloud-example-client/, ' clientId: pixie-cloud-example-client'),
    problems: ['pixie-auth.yaml:4:1: not valid YAML: All mapping items must start at the same column (BAD_INDENT); indent every key of one mapping (and every - item of one list) by the same number of spaces'],
    heading: 'Cannot read pixie-auth.yaml',
  },
  {
    name: 'a line is indented with a tab',
    mutate: yamlWith(/  domain: /, '\tdomain: '),
    problems: ['pixie-auth.yaml:3:1: not valid YAML: Tabs are not allowed as indentation (TAB_AS_INDENT); indent with spaces, not tabs'],
    heading: 'Cannot read pixie-auth.yaml',
  },
];

const NAMES: ConfigCorpusRow[] = [
  {
    name: 'the namespace is not a DNS-1123 label',
    mutate: c => { c.namespace = 'Plc_Dev'; },
    problems: ["namespace: \"Plc_Dev\" is not a valid DNS-1123 label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. plc-dev)"],
  },
  {
    name: 'the namespace is longer than 63 characters',
    mutate: c => { c.namespace = 'p'.repeat(64); },
    problems: [`namespace: "${'p'.repeat(64)}" is not a valid DNS-1123 label: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (e.g. plc-dev)`],
  },
  {
    name: 'the store name is not DNS-1123',
    mutate: c => { c.auth0.credentials.fromStore.store.name = 'Pixie_Secrets'; },
    problems: [`${FROM_STORE}.store.name: "Pixie_Secrets" ${NOT_A_DNS_NAME}`],
  },
  {
    name: 'the existing Secret name is not DNS-1123',
    mutate: c => { c.auth0.credentials = { existingSecret: 'Cloud Auth0 Secrets' }; },
    problems: [`auth0.credentials.existingSecret: "Cloud Auth0 Secrets" ${NOT_A_DNS_NAME}`],
  },
  {
    name: 'the component directory is not DNS-1123',
    mutate: c => { c.output = { componentDirectory: 'Pixie Auth' }; },
    problems: [`output.componentDirectory: "Pixie Auth" ${NOT_A_DNS_NAME}`],
  },
  {
    name: 'an extra pl-oauth-config reader is not DNS-1123',
    mutate: c => { c.pixie.extraOAuthConfigReaders = ['API_Server']; },
    problems: [`pixie.extraOAuthConfigReaders[0]: "API_Server" ${NOT_A_DNS_NAME}`],
  },
];

const SOURCES_AND_TARGETS: ConfigCorpusRow[] = [
  {
    name: 'the client id and the client secret come from the same place in the store',
    mutate: c => { c.auth0.credentials.fromStore.clientSecret.property = 'client-id'; },
    problems: [`${FROM_STORE}.clientSecret: points at the same value as clientId (key "pixie/auth0", property "client-id"); the client secret is a different value: give its own key or property`],
  },
  {
    name: 'a restart target is a typo of a Pixie deployment',
    mutate: c => { c.pixie.extraOAuthConfigReaders = ['api-sever']; },
    problems: ['pixie.extraOAuthConfigReaders[0]: "api-sever" is not a Pixie Cloud deployment; did you mean "api-server"? (set allowUnknownName to restart a deployment of your own)'],
  },
  {
    name: 'a restart target is not a Pixie deployment',
    mutate: c => { c.pixie.extraOAuthConfigReaders = ['my-app']; },
    problems: ['pixie.extraOAuthConfigReaders[0]: "my-app" is not a Pixie Cloud deployment (set allowUnknownName to restart a deployment of your own)'],
  },
  {
    name: 'a restart target is listed twice',
    mutate: c => { c.pixie.extraOAuthConfigReaders = ['api-server', 'api-server']; },
    problems: ['pixie.extraOAuthConfigReaders[1]: "api-server" is listed twice (also at extraOAuthConfigReaders[0]); list each deployment once'],
  },
  {
    name: 'a restart target is one that is always restarted',
    mutate: c => { c.pixie.extraOAuthConfigReaders = ['cloud-proxy']; },
    problems: ['pixie.extraOAuthConfigReaders[0]: "cloud-proxy" is always restarted on pl-oauth-config changes (as are auth-server, profile-server, cloud-proxy); remove it'],
  },
];

const SECRETS_AND_STORES: ConfigCorpusRow[] = [
  {
    name: "a secret value is pasted into the client secret's key",
    mutate: c => { c.auth0.credentials.fromStore.clientSecret.key = PASTED_SECRET; },
    problems: [`${FROM_STORE}.clientSecret.key: ${PASTED} put the secret in your secret store and give its key here (e.g. pixie/auth0)`],
  },
  {
    name: "a secret value is pasted into the client secret's property",
    mutate: c => { c.auth0.credentials.fromStore.clientSecret.property = PASTED_SECRET; },
    problems: [`${FROM_STORE}.clientSecret.property: ${PASTED} put the secret in your secret store and give its key here (e.g. pixie/auth0)`],
  },
  {
    name: "a secret value is pasted into the client secret's version",
    mutate: c => { c.auth0.credentials.fromStore.clientSecret.version = PASTED_SECRET; },
    problems: [`${FROM_STORE}.clientSecret.version: ${PASTED} give the version as your store names it (e.g. 3), not the value`],
  },
  {
    name: 'a secret value is pasted as the existing Secret',
    mutate: c => { c.auth0.credentials = { existingSecret: PASTED_SECRET }; },
    problems: [`auth0.credentials.existingSecret: ${PASTED} create a Secret holding the values, and give its name here`],
  },
  {
    name: 'a secret value is pasted as the store name',
    mutate: c => { c.auth0.credentials.fromStore.store.name = PASTED_SECRET; },
    problems: [`${FROM_STORE}.store.name: ${PASTED} give the name of the SecretStore or ClusterSecretStore here (e.g. pixie-secrets)`],
  },
  {
    name: 'creationPolicy Merge is combined with deletionPolicy Delete',
    mutate: c => Object.assign(c.auth0.credentials.fromStore, { creationPolicy: 'Merge', deletionPolicy: 'Delete' }),
    problems: [`${FROM_STORE}.deletionPolicy: Delete cannot be combined with creationPolicy Merge (External Secrets refuses the pair): use Retain or Merge`],
  },
  {
    name: 'the refresh interval is words, not a duration',
    mutate: c => { c.auth0.credentials.fromStore.refreshInterval = '1 hour'; },
    problems: [`${FROM_STORE}.refreshInterval: "1 hour" ${NOT_A_DURATION}`],
  },
  {
    name: 'the refresh interval has no unit',
    mutate: c => { c.auth0.credentials.fromStore.refreshInterval = '60'; },
    problems: [`${FROM_STORE}.refreshInterval: "60" ${NOT_A_DURATION}`],
  },
  {
    name: 'the credentials give both fromStore and existingSecret',
    mutate: c => { c.auth0.credentials.existingSecret = 'cloud-auth0-secrets'; },
    problems: ['auth0.credentials: give fromStore or existingSecret, not both'],
  },
  {
    name: 'the credentials give neither fromStore nor existingSecret',
    mutate: c => { c.auth0.credentials = {}; },
    problems: ['auth0.credentials: give either fromStore (an ExternalSecret reads the values from your secret store) or existingSecret (the name of a Secret that already exists)'],
  },
];

const JAVASCRIPT: ConfigCorpusRow[] = [
  {
    name: 'the client id contains a double quote',
    mutate: c => { c.auth0.clientId = 'abc"def'; },
    problems: [`auth0.clientId: "abc\\"def" contains a double quote; ${IN_JS}`],
  },
  {
    name: 'the client id contains a single quote',
    mutate: c => { c.auth0.clientId = "abc'def"; },
    problems: [`auth0.clientId: "abc'def" contains a single quote; ${IN_JS}`],
  },
  {
    name: 'the email/password connection contains a backtick',
    mutate: c => { c.auth0.emailPasswordConnection = 'Username`Password'; },
    problems: [`auth0.emailPasswordConnection: "Username\`Password" contains a backtick; ${IN_JS}`],
  },
  {
    name: 'the email/password connection contains ${',
    mutate: c => { c.auth0.emailPasswordConnection = '${alert(1)}'; },
    problems: [`auth0.emailPasswordConnection: "\${alert(1)}" contains '\${'; ${IN_JS}`],
  },
  {
    name: 'the email/password connection contains a newline',
    mutate: c => { c.auth0.emailPasswordConnection = 'Username-Password\nAuthentication'; },
    problems: [`auth0.emailPasswordConnection: "Username-Password\\nAuthentication" contains a newline; ${IN_JS}`],
  },
  {
    name: 'the email/password connection contains a backslash',
    mutate: c => { c.auth0.emailPasswordConnection = 'Username\\Password'; },
    problems: [`auth0.emailPasswordConnection: "Username\\\\Password" contains a backslash; ${IN_JS}`],
  },
];

const PROVIDERS_AND_OUTPUT: ConfigCorpusRow[] = [
  {
    name: 'two providers are configured at once',
    mutate: c => {
      c.oidc = {
        issuer: 'https://keycloak.example.com/realms/pixie',
        clientId: 'pixie-cloud',
        credentials: { existingSecret: 'cloud-oidc-secrets' },
      };
    },
    problems: ['auth0, oidc: only one provider may be configured at once; keep one of auth0 or oidc'],
  },
  {
    name: 'no provider is configured',
    mutate: c => { delete c.auth0; },
    problems: [`(top level): no provider is configured: add one section of ${CONFIG_PROVIDERS.map(p => p.key).join(', ')}`],
  },
  {
    name: 'pixie.oauthConfig is missing for a kustomize component',
    mutate: c => { delete c.pixie.oauthConfig; },
    problems: ['pixie.oauthConfig: is required when pixie.manifests is empty (the output is a kustomize component): use "patch" if your kustomize base already has pl-oauth-config (Pixie\'s public configs define it) or "create" if it does not'],
  },
  {
    name: 'pixie.oauthConfig is neither create nor patch',
    mutate: c => { c.pixie.oauthConfig = 'replace'; },
    problems: ['pixie.oauthConfig: must be one of: "create", "patch"'],
  },
  {
    name: 'a Pixie manifest file does not exist',
    mutate: c => { c.pixie = { manifests: ['auth_deployment.yaml'] }; },
    problems: ['pixie.manifests[0]: "auth_deployment.yaml" does not exist (paths are relative to the config file)'],
  },
  {
    name: 'output.fileName is given for a kustomize component',
    mutate: c => { c.output = { fileName: 'pixie-auth.yaml' }; },
    problems: ['output.fileName: applies only when pixie.manifests is set (the output is one manifest file); without it the output is a kustomize component: use output.componentDirectory'],
  },
];

/** Every config-file row; extend by adding a group. Provider-specific rows for OIDC and OSS live in provider-corpus.test.ts. */
const CONFIG_CORPUS: ConfigCorpusRow[] = [
  ...PLACEHOLDERS,
  ...DOMAINS,
  ...TYPES_AND_KEYS,
  ...CREDENTIALS_PLACED_WRONGLY,
  ...YAML_SYNTAX,
  ...NAMES,
  ...SOURCES_AND_TARGETS,
  ...SECRETS_AND_STORES,
  ...JAVASCRIPT,
  ...PROVIDERS_AND_OUTPUT,
];

describe('bad config files are refused with the field and the fix, and dist/ is untouched', () => {
  test.each(CONFIG_CORPUS)('throws if $name', row => {
    // GIVEN a dist/ from a good synth, WHEN the bad config is synthesized into it
    const outcome = runCorpusRow(auth0Config(), row);
    // THEN
    expect(Object.keys(outcome.before).length).toBeGreaterThan(0);
    expect(outcome.stderr).toBe(refusal(row.problems, row.heading));
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe('');
    expect(outcome.after).toStrictEqual(outcome.before);
  });

  test('the corpus has at least 40 rows, all with distinct names', () => {
    expect(CONFIG_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CONFIG_CORPUS.map(r => r.name)).size).toBe(CONFIG_CORPUS.length);
  });
});
