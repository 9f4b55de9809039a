import { Testing } from 'cdk8s';
import { ossProps } from './oss-helpers';
import {
  KratosAdminIdentity,
  KratosSmtp,
  OryLogLevel,
  OrySecretSource,
  OssAuth,
  OssAuthProps,
  SecretCreationPolicy,
  SecretDeletionPolicy,
} from '../../src';

const SMTP = KratosSmtp.fromExistingSecret('smtp');
const build = (props: Partial<OssAuthProps>) => () => new OssAuth(Testing.chart(), 'Oss', ossProps(props));

describe('OssAuth.check', () => {
  test('reports a generated admin identity whose policies External Secrets refuses, before anything is built', () => {
    const adminIdentity = KratosAdminIdentity.generated({ creationPolicy: SecretCreationPolicy.MERGE, deletionPolicy: SecretDeletionPolicy.DELETE });
    expect(OssAuth.check(ossProps({ kratos: { adminIdentity } }))).toStrictEqual([{
      field: 'kratos.adminIdentity.generated.deletionPolicy',
      message: 'Delete cannot be combined with creationPolicy Merge (External Secrets refuses the pair): use Retain or Merge',
    }]);
  });
});

describe('OssAuth production guardrails', () => {
  test('production with a real SMTP server synthesizes', () => {
    expect(build({ production: true, kratos: { smtp: SMTP } })).not.toThrow();
  });

  test("throws if production keeps Kratos's --dev", () => {
    expect(build({ production: true, kratos: { dev: true, smtp: SMTP } })).toThrow(
      "Invalid OssAuth props:\n  - kratos.dev: Kratos's --dev mode turns off security checks (such as Secure cookies) and is refused when 'production' is true; set it to false or remove it",
    );
  });

  test('throws if production keeps trace logging, for Hydra and Kratos', () => {
    expect(build({ production: true, hydra: { logLevel: OryLogLevel.TRACE }, kratos: { logLevel: OryLogLevel.TRACE, smtp: SMTP } })).toThrow(
      'Invalid OssAuth props:\n'
      + "  - hydra.logLevel: trace logging writes request details and sensitive values to the logs and is refused when 'production' is true; use info (the production default) or debug\n"
      + "  - kratos.logLevel: trace logging writes request details and sensitive values to the logs and is refused when 'production' is true; use info (the production default) or debug",
    );
  });

  test('throws if production keeps the mailslurper SMTP host', () => {
    expect(build({ production: true, kratos: { smtp: KratosSmtp.devMailslurper() } })).toThrow(
      "kratos.smtp: Pixie's dev mail catcher (mailslurper) is refused when 'production' is true: use KratosSmtp.fromStore(...) or KratosSmtp.fromExistingSecret(...) with your SMTP server's URI",
    );
  });

  test('throws if production has no SMTP server', () => {
    expect(build({ production: true })).toThrow(
      "kratos.smtp: is required when 'production' is true (the default is Pixie's dev mail catcher, mailslurper): use KratosSmtp.fromStore(...) or KratosSmtp.fromExistingSecret(...) with your SMTP server's URI",
    );
  });

  test("throws if production keeps Pixie's admin@default.com seed", () => {
    expect(build({ production: true, kratos: { smtp: SMTP, adminIdentity: KratosAdminIdentity.generated() } })).toThrow(
      "kratos.adminIdentity.generated.email: \"admin@default.com\" is Pixie's dev admin seed and is refused when 'production' is true: give a real administrator's email, or use KratosAdminIdentity.disabled()",
    );
  });

  test('production accepts a real admin with a generated password', () => {
    expect(build({ production: true, kratos: { smtp: SMTP, adminIdentity: KratosAdminIdentity.generated({ email: 'ops@example.com' }) } })).not.toThrow();
  });

  test('throws if production overrides leak sensitive values into the logs', () => {
    expect(build({ production: true, kratos: { smtp: SMTP, configOverrides: [{ path: 'log.leak_sensitive_values', value: true }] } })).toThrow(
      "kratos.configOverrides[0]: log.leak_sensitive_values writes emails and other sensitive values to the logs and is refused when 'production' is true; remove it",
    );
  });

  test('the dev-only settings are all available when production is off', () => {
    const kratos = { dev: true, logLevel: OryLogLevel.TRACE, smtp: KratosSmtp.devMailslurper(), adminIdentity: KratosAdminIdentity.generated() };
    expect(build({ kratos })).not.toThrow();
  });

  test('lists every refusal at once', () => {
    try {
      build({ production: true, kratos: { dev: true, logLevel: OryLogLevel.TRACE } })();
      throw new Error('expected a throw');
    } catch (e: any) {
      expect(e.problems.map((p: any) => p.field)).toStrictEqual(['kratos.dev', 'kratos.logLevel', 'kratos.smtp']);
    }
  });
});

describe('OssAuth props', () => {
  test('throws if the client id would break the sidecar shell command', () => {
    expect(build({ clientId: 'my client; rm -rf /' })).toThrow(
      "clientId: \"my client; rm -rf /\" must be letters, digits, '.', '_' and '-' (at most 128): it is written into the Hydra client sidecar's shell command and pl-oauth-config",
    );
  });

  test('throws if the domain has a scheme', () => {
    expect(build({ domain: 'https://pixie.example.com' })).toThrow(
      'domain: "https://pixie.example.com" must be a bare host such as dev.withpixie.dev (no scheme, path, port or trailing slash)',
    );
  });

  test('throws if an image has no tag or digest', () => {
    expect(build({ images: { hydra: 'oryd/hydra' } })).toThrow('images.hydra: "oryd/hydra" has neither a tag nor a digest');
  });

  test('throws if a lifespan is not a Go duration', () => {
    expect(build({ hydra: { accessTokenLifespan: '1 hour' }, kratos: { sessionLifespan: '0s' } })).toThrow(
      'Invalid OssAuth props:\n'
      + '  - hydra.accessTokenLifespan: "1 hour" is not a positive duration: use a Go duration such as 15m, 24h or 1h30m\n'
      + '  - kratos.sessionLifespan: "0s" is not a positive duration: use a Go duration such as 15m, 24h or 1h30m',
    );
  });

  test('throws if the minimum password length is below what Kratos accepts', () => {
    expect(build({ kratos: { passwordPolicy: { minLength: 4 } } })).toThrow(
      "kratos.passwordPolicy.minLength: 4 must be a whole number from 6 (Kratos's lowest) to 1024",
    );
  });

  test('throws if recovery is on without the link method', () => {
    expect(build({ kratos: { flows: { link: false } } })).toThrow(
      'kratos.flows.recovery: needs the link method, which kratos.flows.link turns off (Kratos v0.10 sends recovery links); set kratos.flows.link to true or kratos.flows.recovery to false',
    );
  });

  test('throws if a store-backed Secret misses or invents keys', () => {
    const secrets = OrySecretSource.fromStore({
      store: { name: 'vault' },
      keys: [{ secretKey: 'SECRETS_SYSTEM', remote: { key: 'pixie/hydra' } }, { secretKey: 'SYSTEM_SECRET', remote: { key: 'pixie/hydra' } }],
    });
    expect(build({ hydra: { secrets } })).toThrow(
      'Invalid OssAuth props:\n'
      + '  - hydra.secrets.fromStore.keys[1].secretKey: "SYSTEM_SECRET" is not a key of pl-hydra-secrets; its keys are SECRETS_SYSTEM, OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT, CLIENT_SECRET\n'
      + '  - hydra.secrets.fromStore.keys: must map every key of pl-hydra-secrets; missing: OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT, CLIENT_SECRET',
    );
  });

  test('throws if a secret value is pasted where a store reference belongs', () => {
    const smtp = KratosSmtp.fromStore({ store: { name: 'vault' }, connectionUri: { key: 'Zq8Xk2s9Lq8Zp4Rt7Vw1Yb3Nc6Md0Fg5H' } });
    expect(build({ kratos: { smtp } })).toThrow('kratos.smtp.fromStore.connectionUri.key: "Zq8X…(33 characters)" looks like a secret value, not a reference');
  });

  test('throws if the admin email is not an email', () => {
    expect(build({ kratos: { adminIdentity: KratosAdminIdentity.generated({ email: 'admin"}' }) } })).toThrow(
      'kratos.adminIdentity.generated.email: "admin\\"}" is not an email address such as admin@example.com',
    );
  });

  test('throws if an existing Secret name is not a Kubernetes name', () => {
    expect(build({ kratos: { secrets: OrySecretSource.fromExistingSecret('Kratos_Secrets') } })).toThrow(
      'kratos.secrets.existingSecret: "Kratos_Secrets" is not a valid DNS-1123 name',
    );
  });

  test('throws if an override sets what a typed prop, the environment or a Secret controls', () => {
    expect(build({
      hydra: { configOverrides: [{ path: 'urls.login', value: 'https://x.example/login' }] },
      kratos: { configOverrides: [{ path: 'secrets', value: { cookie: ['x'] } }, { path: 'dev', value: true }] },
    })).toThrow(
      'Invalid OssAuth props:\n'
      + '  - hydra.configOverrides[0].path: "urls.login" would set "urls.login", which Pixie\'s Hydra Deployment sets through the environment (URLS_LOGIN), and the environment wins over the file\n'
      + '  - kratos.configOverrides[0].path: "secrets" would set "secrets", a credential; it comes from pl-kratos-secrets (SECRETS_COOKIE, SECRETS_CIPHER), never from the config file\n'
      + '  - kratos.configOverrides[1].path: "dev" would set "dev", which the typed prop \'kratos.dev\' controls; set that instead',
    );
  });
});
