import { Construct } from 'constructs';
import { checkClaimText, checkHttpsEndpoint, checkIssuer, checkPlainText, checkScope, ISSUER_EXAMPLE } from './oidc-checks';
import { OidcSocialButton } from './oidc-social-button';
import { checkSocialButtons, renderSocialConfig } from './oidc-social-config';
import { PixieAuthBase, PixieAuthOptions } from './pixie-auth-base';
import { ClientCredentials } from '../secrets/client-credentials';
import { StoreBackedSecret } from '../secrets/store-backed-secret';
import { quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/** The Secret Pixie's auth-server reads the OIDC client's credentials from. */
export const OIDC_SECRET_NAME = 'cloud-oidc-secrets';

/**
 * Props for `OidcAuth`.
 */
export interface OidcAuthProps extends PixieAuthOptions {
  /**
   * The issuer URL, exactly as the `issuer` field of the IdP's discovery
   * document: https, no trailing slash, e.g.
   * `https://keycloak.example.com/realms/pixie`. Becomes `PL_OIDC_HOST`.
   */
  readonly issuer: string;
  /** The OIDC client's id (public; it goes into pl-oauth-config as `PL_OIDC_CLIENT_ID`). */
  readonly clientId: string;
  /** Where the client id and secret for `cloud-oidc-secrets` come from. */
  readonly credentials: ClientCredentials;
  /**
   * The discovery document's URL (`PL_OIDC_METADATA_URL`).
   * @default - the issuer plus `/.well-known/openid-configuration` (the key is present and empty)
   */
  readonly metadataUrl?: string;
  /**
   * Scopes to request besides `openid profile email` (`PL_OIDC_ADDITIONAL_SCOPES`, space-separated).
   * @default - none (the key is present and empty)
   */
  readonly additionalScopes?: string[];
  /**
   * Buttons on the login page (`PL_OIDC_SOCIAL_CONFIG_LOGIN`, emitted as one JSON string).
   * @default - the key is present and empty: Pixie's UI shows one "Login" button
   */
  readonly loginButtons?: OidcSocialButton[];
  /**
   * Buttons on the sign-up page (`PL_OIDC_SOCIAL_CONFIG_SIGNUP`, emitted as one JSON string).
   * @default - the key is present and empty: Pixie's UI shows one "Sign-Up" button
   */
  readonly signupButtons?: OidcSocialButton[];
  /**
   * Token endpoint for auth-server (`PL_OIDC_TOKEN_ENDPOINT`).
   * @default - read from the discovery document
   */
  readonly tokenEndpoint?: string;
  /**
   * User-info endpoint for auth-server (`PL_OIDC_USERINFO_ENDPOINT`).
   * @default - read from the discovery document
   */
  readonly userinfoEndpoint?: string;
  /**
   * The claim that names the upstream identity provider, when the IdP
   * brokers several (`PL_OIDC_IDPROVIDER_CLAIM`).
   * @default - not set
   */
  readonly idProviderClaim?: string;
  /**
   * The value of `idProviderClaim` for Google accounts (`PL_OIDC_GOOGLE_IDPROVIDER_VALUE`).
   * @default - not set
   */
  readonly googleIdProviderValue?: string;
  /**
   * The claim that carries the Google access token, used to read a Google
   * account's hosted domain (`PL_OIDC_GOOGLE_ACCESS_TOKEN_CLAIM`). Needs
   * `idProviderClaim` and `googleIdProviderValue`.
   * @default - not set: no hosted-domain lookup
   */
  readonly googleAccessTokenClaim?: string;
}

/**
 * Pixie Cloud authentication through any OpenID Connect identity provider
 * (Keycloak, Okta, Dex, Google, Azure AD...): `pl-oauth-config` for provider
 * `oidc`, the client credentials as an ExternalSecret (or an existing
 * Secret), the env vars auth-server reads them and its optional OIDC
 * settings through, and restart hashes on the workloads that read them.
 */
export class OidcAuth extends PixieAuthBase {
  /** Problems with the props, with fields prefixed by `fieldPrefix` (for config-file paths). */
  public static check(props: OidcAuthProps, fieldPrefix = ''): InputProblem[] {
    const problems = new ProblemCollector();
    const field = (name: string) => `${fieldPrefix}${name}`;
    problems.add(field('issuer'), checkIssuer(props.issuer));
    problems.add(field('clientId'), checkPlainText(props.clientId));
    if (props.metadataUrl !== undefined) {
      problems.add(field('metadataUrl'), checkHttpsEndpoint(props.metadataUrl, `${ISSUER_EXAMPLE}/.well-known/openid-configuration`));
    }
    problems.addAll(checkScopes(props.additionalScopes, field('additionalScopes')));
    for (const key of ['loginButtons', 'signupButtons'] as const) {
      if (props[key] !== undefined) {
        problems.addAll(checkSocialButtons(props[key], field(key)));
      }
    }
    for (const key of ['tokenEndpoint', 'userinfoEndpoint'] as const) {
      if (props[key] !== undefined) {
        problems.add(field(key), checkHttpsEndpoint(props[key]!, `${ISSUER_EXAMPLE}/protocol/openid-connect/${key === 'tokenEndpoint' ? 'token' : 'userinfo'}`));
      }
    }
    const claims = { idProviderClaim: 'idp', googleIdProviderValue: 'google', googleAccessTokenClaim: 'google_access_token' };
    for (const [key, example] of Object.entries(claims) as [keyof typeof claims, string][]) {
      if (props[key] !== undefined) {
        problems.add(field(key), checkClaimText(props[key]!, example));
      }
    }
    if (props.googleAccessTokenClaim !== undefined) {
      const missing = (['idProviderClaim', 'googleIdProviderValue'] as const).filter(k => props[k] === undefined).map(k => field(k));
      if (missing.length > 0) {
        problems.add(field('googleAccessTokenClaim'), `needs ${missing.join(' and ')} as well (auth-server refuses to start otherwise): set the claim that names the upstream identity provider and its value for Google accounts, or remove googleAccessTokenClaim`);
      }
    }
    problems.addAll(ClientCredentials.check(props.credentials, field('credentials.')));
    return problems.problems;
  }

  /**
   * The ExternalSecret that fills `cloud-oidc-secrets`.
   * @default - none when the credentials come from an existing Secret
   */
  public readonly credentialsSecret?: StoreBackedSecret;
  /** Name of the Secret auth-server reads the credentials from. */
  public readonly credentialsSecretName: string;

  constructor(scope: Construct, id: string, props: OidcAuthProps) {
    const problems = OidcAuth.check(props);
    // The data is only rendered for valid props; the base throws on any problem.
    super(scope, id, props, problems.length === 0 ? oauthConfigData(props) : {}, problems);

    this.credentialsSecret = this.wireClientCredentials(props.credentials, OIDC_SECRET_NAME, {
      clientIdKey: 'oidc-client-id',
      clientSecretKey: 'oidc-client-secret',
      clientIdEnv: 'PL_OIDC_CLIENT_ID',
      clientSecretEnv: 'PL_OIDC_CLIENT_SECRET',
    });
    this.credentialsSecretName = this.credentialsSecret?.secretName ?? props.credentials.existingSecretName!;
    this.wireAuthServerEnv(authServerSettings(props));
  }
}

/**
 * pl-oauth-config for provider `oidc`. Every key is always present, so the
 * ConfigMap's content is the same whether the component creates it or
 * patches a base's (Pixie's defaults are for Hydra). `PL_AUTH_CLIENT_ID` is
 * kept, empty, because auth-server's Deployment reads it through a required
 * configMapKeyRef.
 */
function oauthConfigData(props: OidcAuthProps): { [key: string]: string } {
  return {
    PL_OAUTH_PROVIDER: 'oidc',
    PL_OIDC_HOST: props.issuer,
    PL_OIDC_METADATA_URL: props.metadataUrl ?? '',
    PL_OIDC_CLIENT_ID: props.clientId,
    PL_OIDC_ADDITIONAL_SCOPES: (props.additionalScopes ?? []).join(' '),
    PL_OIDC_SOCIAL_CONFIG_LOGIN: renderSocialConfig(props.loginButtons),
    PL_OIDC_SOCIAL_CONFIG_SIGNUP: renderSocialConfig(props.signupButtons),
    PL_AUTH_URI: '',
    PL_AUTH_CLIENT_ID: '',
    PL_AUTH_EMAIL_PASSWORD_CONN: '',
  };
}

/** auth-server's optional OIDC env vars, only those that are set, in a fixed order. */
function authServerSettings(props: OidcAuthProps): { [key: string]: string } {
  const settings: [string, string | undefined][] = [
    ['PL_OIDC_TOKEN_ENDPOINT', props.tokenEndpoint],
    ['PL_OIDC_USERINFO_ENDPOINT', props.userinfoEndpoint],
    ['PL_OIDC_IDPROVIDER_CLAIM', props.idProviderClaim],
    ['PL_OIDC_GOOGLE_IDPROVIDER_VALUE', props.googleIdProviderValue],
    ['PL_OIDC_GOOGLE_ACCESS_TOKEN_CLAIM', props.googleAccessTokenClaim],
  ];
  return Object.fromEntries(settings.filter((s): s is [string, string] => s[1] !== undefined));
}

function checkScopes(scopes: string[] | undefined, field: string): InputProblem[] {
  const problems = new ProblemCollector();
  if (scopes === undefined) {
    return [];
  }
  if (!Array.isArray(scopes)) {
    problems.add(field, `must be a list of scopes, e.g. [groups], got ${quote(scopes)}`);
    return problems.problems;
  }
  const seen = new Set<string>();
  scopes.forEach((scope, i) => {
    problems.add(`${field}[${i}]`, seen.has(scope) ? `${quote(scope)} is listed twice; keep one` : checkScope(scope));
    seen.add(scope);
  });
  return problems.problems;
}
