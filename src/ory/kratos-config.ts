import { applyConfigOverrides, OverrideRules } from './apply-overrides';
import { OryConfigOverride } from './ory-config-override';

/** Where the Kratos Deployment mounts kratos-config. @internal */
export const KRATOS_CONFIG_DIR = '/etc/config/kratos';

/**
 * The settings Kratos's config file is rendered from.
 * @internal
 */
export interface KratosConfigSettings {
  /** `log.level`; Pixie's is `trace`. */
  readonly logLevel: string;
  /** `session.lifespan`, when set (Kratos's default is 24h). */
  readonly sessionLifespan?: string;
  /** `selfservice.flows.settings.privileged_session_max_age`; Pixie's is 15m. */
  readonly privilegedSessionMaxAge: string;
  /** `selfservice.methods.password.config.haveibeenpwned_enabled`; Pixie's is false. */
  readonly haveIBeenPwned: boolean;
  /** `...password.config.min_password_length`, when set (Kratos's default is 8). */
  readonly minPasswordLength?: number;
  /** `...password.config.identifier_similarity_check_enabled`, when set (Kratos's default is true). */
  readonly identifierSimilarityCheck?: boolean;
  /** Self-service registration; Pixie leaves Kratos's default (on). */
  readonly registration: boolean;
  /** Account recovery; Pixie's is on. */
  readonly recovery: boolean;
  /** Address verification; Pixie's is off. */
  readonly verification: boolean;
  /** The link method (recovery and verification links); Pixie's is on. */
  readonly link: boolean;
  /** The escape hatch, applied last. */
  readonly overrides: readonly OryConfigOverride[];
}

/**
 * Kratos's `kratos.yml` as an object: Pixie's settings with the typed ones
 * applied, then the overrides. URLs, TLS paths, the DSN, the secrets and the
 * courier's SMTP URI come from the environment, never from this file.
 * @internal
 */
export function kratosConfig(settings: KratosConfigSettings): any {
  const passwordConfig: any = { haveibeenpwned_enabled: settings.haveIBeenPwned };
  if (settings.minPasswordLength !== undefined) {
    passwordConfig.min_password_length = settings.minPasswordLength;
  }
  if (settings.identifierSimilarityCheck !== undefined) {
    passwordConfig.identifier_similarity_check_enabled = settings.identifierSimilarityCheck;
  }
  const registration: any = settings.registration ? {} : { enabled: false };
  registration.after = { password: { hooks: [{ hook: 'session' }] } };
  const config: any = {
    selfservice: {
      methods: {
        password: { enabled: true, config: passwordConfig },
        link: { enabled: settings.link },
      },
      flows: {
        verification: { enabled: settings.verification },
        recovery: { enabled: settings.recovery },
        settings: { privileged_session_max_age: settings.privilegedSessionMaxAge },
        registration,
      },
    },
    log: { level: settings.logLevel },
    hashers: {
      argon2: { parallelism: 1, memory: '128MB', iterations: 2, salt_length: 16, key_length: 16 },
    },
    identity: {
      default_schema_id: 'default',
      schemas: [{ id: 'default', url: `file://${KRATOS_CONFIG_DIR}/identity.schema.json` }],
    },
  };
  if (settings.sessionLifespan !== undefined) {
    config.session = { lifespan: settings.sessionLifespan };
  }
  return applyConfigOverrides(config, settings.overrides);
}

/**
 * Pixie's identity schema: users are identified by email, which is also
 * where recovery links go.
 * @internal
 */
export const KRATOS_IDENTITY_SCHEMA = {
  $id: 'https://schemas.ory.sh/presets/kratos/quickstart/email-password/identity.schema.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'User',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: {
          'type': 'string',
          'format': 'email',
          'title': 'E-Mail',
          'minLength': 3,
          'ory.sh/kratos': {
            credentials: { password: { identifier: true } },
            recovery: { via: 'email' },
          },
        },
      },
      required: ['email'],
    },
  },
  additionalProperties: false,
};

/** The identity schema as the text of `identity.schema.json`. @internal */
export function renderIdentitySchema(): string {
  identitySchemaText ??= `${JSON.stringify(KRATOS_IDENTITY_SCHEMA, null, 2)}\n`;
  return identitySchemaText;
}

/** The schema never changes: rendered once per process. */
let identitySchemaText: string | undefined;

/**
 * What `kratos.configOverrides` may touch (Kratos v0.10).
 * @internal
 */
export const KRATOS_OVERRIDE_RULES: OverrideRules = {
  component: 'Kratos',
  topLevelKeys: [
    'ciphers', 'clients', 'cookies', 'courier', 'database', 'dev', 'dsn', 'expose-metrics-port', 'hashers',
    'identity', 'log', 'secrets', 'selfservice', 'serve', 'session', 'sqa', 'sqa-opt-out', 'tracing',
    'version', 'watch-courier',
  ],
  typedPaths: {
    'dev': 'kratos.dev',
    'log.level': 'kratos.logLevel',
    'session.lifespan': 'kratos.sessionLifespan',
    'selfservice.flows.settings.privileged_session_max_age': 'kratos.privilegedSessionMaxAge',
    'selfservice.methods.password.config.haveibeenpwned_enabled': 'kratos.passwordPolicy.haveIBeenPwned',
    'selfservice.methods.password.config.min_password_length': 'kratos.passwordPolicy.minLength',
    'selfservice.methods.password.config.identifier_similarity_check_enabled': 'kratos.passwordPolicy.identifierSimilarityCheck',
    'selfservice.methods.link.enabled': 'kratos.flows.link',
    'selfservice.flows.registration.enabled': 'kratos.flows.registration',
    'selfservice.flows.recovery.enabled': 'kratos.flows.recovery',
    'selfservice.flows.verification.enabled': 'kratos.flows.verification',
  },
  envPaths: {
    'serve.public.base_url': 'SERVE_PUBLIC_BASE_URL',
    'serve.admin.base_url': 'SERVE_ADMIN_BASE_URL',
    'serve.public.tls.cert.path': 'SERVE_PUBLIC_TLS_CERT_PATH',
    'serve.public.tls.key.path': 'SERVE_PUBLIC_TLS_KEY_PATH',
    'serve.admin.tls.cert.path': 'SERVE_ADMIN_TLS_CERT_PATH',
    'serve.admin.tls.key.path': 'SERVE_ADMIN_TLS_KEY_PATH',
    'selfservice.default_browser_return_url': 'SELFSERVICE_DEFAULT_BROWSER_RETURN_URL',
    'selfservice.allowed_return_urls': 'SELFSERVICE_ALLOWED_RETURN_URLS',
    'selfservice.flows.settings.ui_url': 'SELFSERVICE_FLOWS_SETTINGS_UI_URL',
    'selfservice.flows.settings.after.password.default_browser_return_url': 'SELFSERVICE_FLOWS_SETTINGS_AFTER_PASSWORD_DEFAULT_BROWSER_RETURN_URL',
    'selfservice.flows.recovery.ui_url': 'SELFSERVICE_FLOWS_RECOVERY_UI_URL',
    'selfservice.flows.logout.after.default_browser_return_url': 'SELFSERVICE_FLOWS_LOGOUT_AFTER_DEFAULT_BROWSER_RETURN_URL',
    'selfservice.flows.login.ui_url': 'SELFSERVICE_FLOWS_LOGIN_UI_URL',
    'selfservice.flows.error.ui_url': 'SELFSERVICE_FLOWS_ERROR_UI_URL',
  },
  secretPaths: {
    'dsn': 'pl-db-secrets through the DSN env var',
    'secrets': 'pl-kratos-secrets (SECRETS_COOKIE, SECRETS_CIPHER)',
    'courier.smtp.connection_uri': 'kratos.smtp (the COURIER_SMTP_CONNECTION_URI env var from a Secret)',
  },
};
