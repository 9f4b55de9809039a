import { KratosAdminIdentity } from '../ory/kratos-admin-identity';
import { KratosSmtp } from '../ory/kratos-smtp';
import { OryConfigOverride } from '../ory/ory-config-override';
import { CookieSameSiteMode, OryLogLevel } from '../ory/ory-enums';
import { OrySecretSource } from '../ory/ory-secret-source';

/**
 * Settings of Pixie's Hydra (the OAuth2 server).
 */
export interface HydraOptions {
  /**
   * Where `SECRETS_SYSTEM`, `OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT` and
   * `CLIENT_SECRET` (the Secret `pl-hydra-secrets`) come from.
   * @default OrySecretSource.generated()
   */
  readonly secrets?: OrySecretSource;
  /**
   * Hydra's log level. `trace` is refused in production.
   * @default - Hydra's default (info), as Pixie leaves it
   */
  readonly logLevel?: OryLogLevel;
  /**
   * SameSite mode of Hydra's cookies.
   * @default CookieSameSiteMode.STRICT
   */
  readonly sameSiteMode?: CookieSameSiteMode;
  /**
   * Lifetime of access tokens (a Go duration, e.g. `1h`).
   * @default - Hydra's default (1h)
   */
  readonly accessTokenLifespan?: string;
  /**
   * Lifetime of refresh tokens (a Go duration, e.g. `720h`).
   * @default - Hydra's default (720h)
   */
  readonly refreshTokenLifespan?: string;
  /**
   * Lifetime of ID tokens (a Go duration, e.g. `1h`).
   * @default - Hydra's default (1h)
   */
  readonly idTokenLifespan?: string;
  /**
   * Further `hydra.yml` settings by dotted path, applied last. Paths that a
   * typed prop, the environment or a Secret controls are refused.
   * @default - none
   */
  readonly configOverrides?: OryConfigOverride[];
}

/**
 * Kratos's password policy.
 */
export interface KratosPasswordPolicy {
  /**
   * Check passwords against the haveibeenpwned.com breach list (needs egress).
   * @default false (Pixie's setting)
   */
  readonly haveIBeenPwned?: boolean;
  /**
   * Minimum password length (Kratos refuses less than 6).
   * @default - Kratos's default (8)
   */
  readonly minLength?: number;
  /**
   * Refuse passwords too similar to the email.
   * @default - Kratos's default (on)
   */
  readonly identifierSimilarityCheck?: boolean;
}

/**
 * Which Kratos self-service flows are on.
 */
export interface KratosSelfServiceFlows {
  /**
   * Self-service sign-up.
   * @default true (Kratos's default, as Pixie leaves it)
   */
  readonly registration?: boolean;
  /**
   * Account recovery by email link (needs `link`).
   * @default true (Pixie's setting)
   */
  readonly recovery?: boolean;
  /**
   * Email address verification (needs `link`).
   * @default false (Pixie's setting)
   */
  readonly verification?: boolean;
  /**
   * The link method that recovery and verification emails use.
   * @default true (Pixie's setting)
   */
  readonly link?: boolean;
}

/**
 * Settings of Pixie's Kratos (the identity server).
 */
export interface KratosOptions {
  /**
   * Kratos's `--dev` flag, which turns off security checks such as Secure
   * cookies. Refused in production.
   * @default - true (Pixie's setting); false when `production` is set
   */
  readonly dev?: boolean;
  /**
   * Kratos's log level (config file and `LOG_LEVEL`). `trace` is refused in production.
   * @default - OryLogLevel.TRACE (Pixie's setting); OryLogLevel.INFO when `production` is set
   */
  readonly logLevel?: OryLogLevel;
  /**
   * How long a login session lasts (a Go duration, e.g. `24h`).
   * @default - Kratos's default (24h)
   */
  readonly sessionLifespan?: string;
  /**
   * How recent a login must be to change a password (a Go duration).
   * @default '15m' (Pixie's setting)
   */
  readonly privilegedSessionMaxAge?: string;
  /**
   * The password policy.
   * @default - Pixie's: no breach check, Kratos's length and similarity rules
   */
  readonly passwordPolicy?: KratosPasswordPolicy;
  /**
   * Which self-service flows are on.
   * @default - Pixie's: registration, recovery and link on; verification off
   */
  readonly flows?: KratosSelfServiceFlows;
  /**
   * Where `SECRETS_COOKIE` and `SECRETS_CIPHER` (the Secret
   * `pl-kratos-secrets`) come from. Pixie gives Kratos none.
   * @default OrySecretSource.generated()
   */
  readonly secrets?: OrySecretSource;
  /**
   * The admin identity the bootstrap sidecar creates.
   * @default - KratosAdminIdentity.generated() (admin@default.com, generated password); KratosAdminIdentity.disabled() when `production` is set
   */
  readonly adminIdentity?: KratosAdminIdentity;
  /**
   * Where the courier's SMTP connection URI comes from.
   * @default - KratosSmtp.devMailslurper(); required when `production` is set
   */
  readonly smtp?: KratosSmtp;
  /**
   * Further `kratos.yml` settings by dotted path, applied last. Paths that a
   * typed prop, the environment or a Secret controls are refused.
   * @default - none
   */
  readonly configOverrides?: OryConfigOverride[];
}
