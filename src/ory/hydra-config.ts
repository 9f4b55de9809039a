import { applyConfigOverrides, OverrideRules } from './apply-overrides';
import { OryConfigOverride } from './ory-config-override';

/**
 * The settings Hydra's config file is rendered from.
 * @internal
 */
export interface HydraConfigSettings {
  /** `serve.cookies.same_site_mode`; Pixie's is `Strict`. */
  readonly sameSiteMode: string;
  /** `log.level`, when set. */
  readonly logLevel?: string;
  /** `ttl.access_token`, when set. */
  readonly accessTokenLifespan?: string;
  /** `ttl.refresh_token`, when set. */
  readonly refreshTokenLifespan?: string;
  /** `ttl.id_token`, when set. */
  readonly idTokenLifespan?: string;
  /** The escape hatch, applied last. */
  readonly overrides: readonly OryConfigOverride[];
}

/**
 * Hydra's `hydra.yml` as an object: Pixie's settings (SameSite Strict
 * cookies, pairwise and public subject identifiers), the typed settings, then
 * the overrides. URLs, TLS paths, the DSN and the secrets come from the
 * environment, as in Pixie's Deployment.
 * @internal
 */
export function hydraConfig(settings: HydraConfigSettings): any {
  const config: any = {
    serve: { cookies: { same_site_mode: settings.sameSiteMode } },
    oidc: { subject_identifiers: { supported_types: ['pairwise', 'public'] } },
  };
  if (settings.logLevel !== undefined) {
    config.log = { level: settings.logLevel };
  }
  const ttl: any = {
    access_token: settings.accessTokenLifespan,
    refresh_token: settings.refreshTokenLifespan,
    id_token: settings.idTokenLifespan,
  };
  Object.keys(ttl).forEach(key => ttl[key] === undefined && delete ttl[key]);
  if (Object.keys(ttl).length > 0) {
    config.ttl = ttl;
  }
  return applyConfigOverrides(config, settings.overrides);
}

/**
 * What `hydra.configOverrides` may touch (Hydra v1.9).
 * @internal
 */
export const HYDRA_OVERRIDE_RULES: OverrideRules = {
  component: 'Hydra',
  topLevelKeys: ['cgroups', 'db', 'dsn', 'log', 'oauth2', 'oidc', 'profiling', 'secrets', 'serve', 'sqa', 'strategies', 'tracing', 'ttl', 'urls', 'version', 'webfinger'],
  typedPaths: {
    'log.level': 'hydra.logLevel',
    'serve.cookies.same_site_mode': 'hydra.sameSiteMode',
    'ttl.access_token': 'hydra.accessTokenLifespan',
    'ttl.refresh_token': 'hydra.refreshTokenLifespan',
    'ttl.id_token': 'hydra.idTokenLifespan',
  },
  envPaths: {
    'serve.tls.cert.path': 'SERVE_TLS_CERT_PATH',
    'serve.tls.key.path': 'SERVE_TLS_KEY_PATH',
    'urls.consent': 'URLS_CONSENT',
    'urls.login': 'URLS_LOGIN',
    'urls.logout': 'URLS_LOGOUT',
    'urls.self.public': 'URLS_SELF_PUBLIC',
    'urls.self.issuer': 'URLS_SELF_ISSUER',
  },
  secretPaths: {
    'dsn': 'pl-db-secrets through the DSN env var',
    'secrets': 'pl-hydra-secrets (SECRETS_SYSTEM)',
    'oidc.subject_identifiers.pairwise.salt': 'pl-hydra-secrets (OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT)',
  },
};
