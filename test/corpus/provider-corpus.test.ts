import * as fs from 'fs';
import * as path from 'path';
import { Chart, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { ConfigCorpusRow, refusal, runCorpusRow } from './corpus-harness';
import { PASTED_SECRET, PASTED_SECRET_REDACTED, PropsCorpusRow } from './corpus-rows';
import {
  ClientCredentials,
  KratosAdminIdentity,
  KratosSmtp,
  OAuthConfigMode,
  OidcAuth,
  OidcAuthProps,
  OryLogLevel,
  OrySecretSource,
  OssAuth,
  OssAuthProps,
  PixieWorkloads,
  SecretStoreKind,
} from '../../src';
import { REPO_ROOT } from '../support/temp-config';

/*
 * Bad input for the OIDC (`oidc:`, OidcAuth) and open-source Hydra/Kratos
 * (`oss:`, OssAuth) providers, through both routes. Each provider has one
 * table per route; add a row to extend it.
 */

const IN_JS = "Pixie's cloud-proxy pastes this value into a quoted JavaScript string, so remove it";
const PASTED = `"${PASTED_SECRET_REDACTED}" looks like a secret value, not a reference;`;
const ISSUER = 'https://keycloak.example.com/realms/pixie';
const HTTPS = `Pixie's UI and auth-server need https://, e.g. ${ISSUER}`;
const GOOGLE_RULE = '(auth-server refuses to start otherwise): set the claim that names the upstream identity provider and its value for Google accounts, or remove googleAccessTokenClaim';

const example = (file: string) => parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8'));

/** Mutations of examples/oidc-keycloak.yaml. */
const OIDC_CONFIG_CORPUS: ConfigCorpusRow[] = [
  {
    name: 'the issuer uses http',
    mutate: c => { c.oidc.issuer = 'http://keycloak.example.com/realms/pixie'; },
    problems: [`oidc.issuer: "http://keycloak.example.com/realms/pixie" uses http://; ${HTTPS}`],
  },
  {
    name: 'the issuer has no scheme',
    mutate: c => { c.oidc.issuer = 'keycloak.example.com/realms/pixie'; },
    problems: [`oidc.issuer: "keycloak.example.com/realms/pixie" must start with https://, e.g. ${ISSUER}`],
  },
  {
    name: 'the issuer has a trailing slash',
    mutate: c => { c.oidc.issuer = `${ISSUER}/`; },
    problems: [`oidc.issuer: "${ISSUER}/" ends with '/': give the issuer exactly as the "issuer" field of its discovery document, e.g. "${ISSUER}"`],
  },
  {
    name: 'the issuer is the discovery URL',
    mutate: c => { c.oidc.issuer = `${ISSUER}/.well-known/openid-configuration`; },
    problems: [`oidc.issuer: "${ISSUER}/.well-known/openid-configuration" is the discovery URL, not the issuer: set issuer to "${ISSUER}" (and metadataUrl only if the discovery document lives elsewhere)`],
  },
  {
    name: 'the issuer holds the docs placeholders',
    mutate: c => { c.oidc.issuer = 'https://<keycloak-host>/realms/<realm>'; },
    problems: ['oidc.issuer: "https://<keycloak-host>/realms/<realm>" contains a placeholder in angle brackets; replace it with the real value'],
  },
  {
    name: 'the metadata URL uses http',
    mutate: c => { c.oidc.metadataUrl = 'http://keycloak.example.com/realms/pixie/.well-known/openid-configuration'; },
    problems: [`oidc.metadataUrl: "http://keycloak.example.com/realms/pixie/.well-known/openid-configuration" uses http://; Pixie's UI and auth-server need https://, e.g. ${ISSUER}/.well-known/openid-configuration`],
  },
  {
    name: 'the OIDC client id is the docs placeholder <client-id>',
    mutate: c => { c.oidc.clientId = '<client-id>'; },
    problems: ['oidc.clientId: "<client-id>" is a placeholder from the docs; replace it with the real value'],
  },
  {
    name: 'the OIDC client id contains a double quote',
    mutate: c => { c.oidc.clientId = 'pixie"cloud'; },
    problems: [`oidc.clientId: "pixie\\"cloud" contains a double quote; ${IN_JS}`],
  },
  {
    name: 'a login button text contains ${',
    mutate: c => { c.oidc.loginButtons[0].buttonText = 'Log in ${user}'; },
    problems: [`oidc.loginButtons[0].buttonText: "Log in \${user}" contains '\${'; ${IN_JS}`],
  },
  {
    name: 'a login button text contains a newline',
    mutate: c => { c.oidc.loginButtons[0].buttonText = 'Log\nin'; },
    problems: [`oidc.loginButtons[0].buttonText: "Log\\nin" contains a newline; ${IN_JS}`],
  },
  {
    name: "a login button's extra parameter contains a backtick",
    mutate: c => { c.oidc.loginButtons[1].extraParams.kc_idp_hint = 'goo`gle'; },
    // The path names the config's mapping key, not the props' list index.
    problems: [`oidc.loginButtons[1].extraParams.kc_idp_hint: "goo\`gle" contains a backtick; ${IN_JS}`],
  },
  {
    name: 'a scope contains a single quote',
    mutate: c => { c.oidc.additionalScopes = ["gro'ups"]; },
    problems: [`oidc.additionalScopes[0]: "gro'ups" contains a single quote; ${IN_JS}`],
  },
  {
    name: 'the Google access-token claim is set without the ID-provider claim and value',
    mutate: c => { c.oidc.googleAccessTokenClaim = 'google_access_token'; },
    problems: [`oidc.googleAccessTokenClaim: needs oidc.idProviderClaim and oidc.googleIdProviderValue as well ${GOOGLE_RULE}`],
  },
  {
    name: 'the Google access-token claim is set with the ID-provider claim only',
    mutate: c => Object.assign(c.oidc, { googleAccessTokenClaim: 'google_access_token', idProviderClaim: 'idp' }),
    problems: [`oidc.googleAccessTokenClaim: needs oidc.googleIdProviderValue as well ${GOOGLE_RULE}`],
  },
  {
    name: "a secret value is pasted into the OIDC client secret's key",
    mutate: c => { c.oidc.credentials.fromStore.clientSecret.key = PASTED_SECRET; },
    problems: [`oidc.credentials.fromStore.clientSecret.key: ${PASTED} put the secret in your secret store and give its key here (e.g. pixie/auth0)`],
  },
  {
    name: 'the OIDC issuer key is misspelt',
    mutate: c => { c.oidc.issuerUrl = c.oidc.issuer; delete c.oidc.issuer; },
    problems: [
      'oidc.issuer: is required: the issuer URL, exactly as in the discovery document (https, no trailing slash), e.g. https://keycloak.example.com/realms/pixie',
      'oidc.issuerUrl: is not a known key. The keys allowed here are: issuer, clientId, credentials, metadataUrl, additionalScopes, loginButtons, signupButtons, tokenEndpoint, userinfoEndpoint, idProviderClaim, googleIdProviderValue, googleAccessTokenClaim',
    ],
  },
];

const PRODUCTION = "is refused when 'oss.production' is true";

/** Mutations of examples/oss.yaml (production: true). */
const OSS_CONFIG_CORPUS: ConfigCorpusRow[] = [
  {
    name: "production keeps Kratos's --dev",
    mutate: c => { c.oss.kratos.dev = true; },
    problems: [`oss.kratos.dev: Kratos's --dev mode turns off security checks (such as Secure cookies) and ${PRODUCTION}; set it to false or remove it`],
  },
  {
    name: 'production keeps trace logging on Hydra',
    mutate: c => { c.oss.hydra.logLevel = 'trace'; },
    problems: [`oss.hydra.logLevel: trace logging writes request details and sensitive values to the logs and ${PRODUCTION}; use info (the production default) or debug`],
  },
  {
    name: "production keeps Pixie's mailslurper SMTP host",
    mutate: c => { c.oss.kratos.smtp = { devMailslurper: true }; },
    problems: [`oss.kratos.smtp: Pixie's dev mail catcher (mailslurper) ${PRODUCTION}: point oss.kratos.smtp.fromStore at your SMTP server's URI in your secret store, or use oss.kratos.smtp.existingSecret`],
  },
  {
    name: 'the generated admin identity combines creationPolicy Merge with deletionPolicy Delete',
    mutate: c => { c.oss.kratos.adminIdentity = { generated: { email: 'ops@example.com', creationPolicy: 'Merge', deletionPolicy: 'Delete' } }; },
    problems: ['oss.kratos.adminIdentity.generated.deletionPolicy: Delete cannot be combined with creationPolicy Merge (External Secrets refuses the pair): use Retain or Merge'],
  },
  {
    name: "production keeps Pixie's admin@default.com seed",
    mutate: c => { c.oss.kratos.adminIdentity = { generated: { email: 'admin@default.com' } }; },
    problems: [`oss.kratos.adminIdentity.generated.email: "admin@default.com" is Pixie's dev admin seed and ${PRODUCTION}: give a real administrator's email, or set oss.kratos.adminIdentity to { disabled: true }`],
  },
  {
    name: 'production overrides leak sensitive values into the logs',
    mutate: c => { c.oss.kratos.configOverrides = [{ path: 'log.leak_sensitive_values', value: true }]; },
    problems: [`oss.kratos.configOverrides[0]: log.leak_sensitive_values writes emails and other sensitive values to the logs and ${PRODUCTION}; remove it`],
  },
  {
    name: 'the OSS domain has a scheme and a trailing slash',
    mutate: c => { c.oss.domain = 'https://pixie.example.com/'; },
    problems: ['oss.domain: "https://pixie.example.com/" must be a bare host such as dev.withpixie.dev (no scheme, path, port or trailing slash)'],
  },
  {
    name: "Hydra's secrets from the store miss a key",
    mutate: c => { c.oss.hydra.secrets.fromStore.keys.pop(); },
    problems: ['oss.hydra.secrets.fromStore.keys: must map every key of pl-hydra-secrets; missing: CLIENT_SECRET'],
  },
  {
    name: "a secret value is pasted into the SMTP URI's key",
    mutate: c => { c.oss.kratos.smtp.fromStore.connectionUri.key = PASTED_SECRET; },
    problems: [`oss.kratos.smtp.fromStore.connectionUri.key: ${PASTED} put the secret in your secret store and give its key here (e.g. pixie/auth0)`],
  },
  {
    name: "a hex secret is pasted as Hydra's existing Secret",
    mutate: c => { c.oss.hydra.secrets = { existingSecret: '395c7a96aedb26c292a7358749b76b531e13e352574b4a9306592180a97c6076' }; },
    problems: ['oss.hydra.secrets.existingSecret: "395c…(64 characters)" looks like a secret value, not a reference; create a Secret holding the values, and give its name here'],
  },
  {
    name: 'oss and auth0 are configured at once',
    mutate: c => { c.auth0 = { domain: 'example-org.us.auth0.com', clientId: 'pixie', credentials: { existingSecret: 'cloud-auth0-secrets' } }; },
    problems: ['oss, auth0: only one provider may be configured at once; keep one of oss or auth0'],
  },
];

const OIDC_PROPS = 'Invalid OidcAuth props:\n  - ';

function oidc(chart: Chart, overrides: Partial<OidcAuthProps> = {}): OidcAuth {
  return new OidcAuth(chart, 'Oidc', {
    issuer: ISSUER,
    clientId: 'pixie-cloud',
    credentials: ClientCredentials.fromStore({
      store: { name: 'vault', kind: SecretStoreKind.CLUSTER_SECRET_STORE },
      clientId: { key: 'pixie/keycloak', property: 'client-id' },
      clientSecret: { key: 'pixie/keycloak', property: 'client-secret' },
    }),
    workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }),
    ...overrides,
  });
}

/** Bad OidcAuth props. */
const OIDC_PROPS_CORPUS: PropsCorpusRow[] = [
  {
    name: 'the OIDC issuer uses http',
    build: chart => oidc(chart, { issuer: 'http://keycloak.example.com/realms/pixie' }),
    message: `${OIDC_PROPS}issuer: "http://keycloak.example.com/realms/pixie" uses http://; ${HTTPS}`,
  },
  {
    name: 'a login button text contains a backtick',
    build: chart => oidc(chart, { loginButtons: [{ buttonText: 'Log in with `Google`' }] }),
    message: `${OIDC_PROPS}loginButtons[0].buttonText: "Log in with \`Google\`" contains a backtick; ${IN_JS}`,
  },
  {
    name: 'the Google access-token claim is set alone',
    build: chart => oidc(chart, { googleAccessTokenClaim: 'google_access_token' }),
    message: `${OIDC_PROPS}googleAccessTokenClaim: needs idProviderClaim and googleIdProviderValue as well ${GOOGLE_RULE}`,
  },
];

const OSS_PROPS = 'Invalid OssAuth props:\n  - ';
const SMTP = KratosSmtp.fromExistingSecret('smtp');

function oss(chart: Chart, overrides: Partial<OssAuthProps> = {}): OssAuth {
  return new OssAuth(chart, 'Oss', { workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }), production: true, ...overrides });
}

/** Bad OssAuth props, mostly the production guardrails. */
const OSS_PROPS_CORPUS: PropsCorpusRow[] = [
  {
    name: "production keeps Kratos's --dev (props)",
    build: chart => oss(chart, { kratos: { dev: true, smtp: SMTP } }),
    message: `${OSS_PROPS}kratos.dev: Kratos's --dev mode turns off security checks (such as Secure cookies) and is refused when 'production' is true; set it to false or remove it`,
  },
  {
    name: 'production keeps trace logging on Kratos (props)',
    build: chart => oss(chart, { kratos: { logLevel: OryLogLevel.TRACE, smtp: SMTP } }),
    message: `${OSS_PROPS}kratos.logLevel: trace logging writes request details and sensitive values to the logs and is refused when 'production' is true; use info (the production default) or debug`,
  },
  {
    name: "production keeps Pixie's admin@default.com seed (props)",
    build: chart => oss(chart, { kratos: { smtp: SMTP, adminIdentity: KratosAdminIdentity.generated() } }),
    message: `${OSS_PROPS}kratos.adminIdentity.generated.email: "admin@default.com" is Pixie's dev admin seed and is refused when 'production' is true: give a real administrator's email, or use KratosAdminIdentity.disabled()`,
  },
  {
    name: "a hex secret is pasted as Kratos's existing Secret",
    build: chart => oss(chart, { kratos: { smtp: SMTP, secrets: OrySecretSource.fromExistingSecret('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08') } }),
    message: `${OSS_PROPS}kratos.secrets.existingSecret: "9f86…(64 characters)" looks like a secret value, not a reference; create a Secret holding the values, and give its name here`,
  },
];

describe('bad OIDC and OSS config files are refused, and dist/ is untouched', () => {
  test.each([
    ...OIDC_CONFIG_CORPUS.map(row => ({ ...row, base: 'oidc-keycloak.yaml' })),
    ...OSS_CONFIG_CORPUS.map(row => ({ ...row, base: 'oss.yaml' })),
  ])('throws if $name', row => {
    const outcome = runCorpusRow(example(row.base), row);
    expect(Object.keys(outcome.before).length).toBeGreaterThan(0);
    expect(outcome.stderr).toBe(refusal(row.problems, row.heading));
    expect(outcome.code).toBe(1);
    expect(outcome.after).toStrictEqual(outcome.before);
  });
});

describe('bad OidcAuth and OssAuth props throw at once', () => {
  test.each([...OIDC_PROPS_CORPUS, ...OSS_PROPS_CORPUS])('throws if $name', row => {
    expect(() => row.build(Testing.chart())).toThrow(new Error(row.message));
  });
});
