import { Construct } from 'constructs';
import { PixieAuthBase, PixieAuthOptions } from './pixie-auth-base';
import { ClientCredentials } from '../secrets/client-credentials';
import { StoreBackedSecret } from '../secrets/store-backed-secret';
import {
  checkBareHost,
  checkNonEmpty,
  checkNotPlaceholder,
  checkSafeForJavaScript,
} from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/** The Secret Pixie's auth-server reads Auth0's client credentials from. */
export const AUTH0_SECRET_NAME = 'cloud-auth0-secrets';

/**
 * Props for `Auth0Auth`.
 */
export interface Auth0AuthProps extends PixieAuthOptions {
  /** The Auth0 tenant's bare host, e.g. `myorg.us.auth0.com` (auth-server prepends `https://`). */
  readonly domain: string;
  /** The Auth0 application's client id (public; it goes into pl-oauth-config). */
  readonly clientId: string;
  /**
   * The Auth0 database connection for email/password login.
   * @default '' (the key is always present)
   */
  readonly emailPasswordConnection?: string;
  /** Where the client id and secret for `cloud-auth0-secrets` come from. */
  readonly credentials: ClientCredentials;
}

/**
 * Pixie Cloud authentication through Auth0: `pl-oauth-config` for provider
 * `auth0`, the client credentials as an ExternalSecret (or an existing
 * Secret), the env vars auth-server reads them through, and restart hashes
 * on the workloads that read them.
 */
export class Auth0Auth extends PixieAuthBase {
  /** Problems with the props, with fields prefixed by `fieldPrefix` (for config-file paths). */
  public static check(props: Auth0AuthProps, fieldPrefix = ''): InputProblem[] {
    const problems = new ProblemCollector();
    const field = (name: string) => `${fieldPrefix}${name}`;
    problems.add(field('domain'), checkNonEmpty(props.domain) ?? checkNotPlaceholder(props.domain) ?? checkBareHost(props.domain, 'myorg.us.auth0.com'));
    problems.add(field('clientId'), checkNonEmpty(props.clientId) ?? checkNotPlaceholder(props.clientId) ?? checkSafeForJavaScript(props.clientId));
    if (props.emailPasswordConnection !== undefined && props.emailPasswordConnection !== '') {
      problems.add(field('emailPasswordConnection'), checkNotPlaceholder(props.emailPasswordConnection) ?? checkSafeForJavaScript(props.emailPasswordConnection));
    }
    problems.addAll(ClientCredentials.check(props.credentials, field('credentials.')));
    return problems.problems;
  }

  /**
   * The ExternalSecret that fills `cloud-auth0-secrets`.
   * @default - none when the credentials come from an existing Secret
   */
  public readonly credentialsSecret?: StoreBackedSecret;
  /** Name of the Secret auth-server reads the credentials from. */
  public readonly credentialsSecretName: string;

  constructor(scope: Construct, id: string, props: Auth0AuthProps) {
    super(scope, id, props, {
      PL_OAUTH_PROVIDER: 'auth0',
      PL_AUTH_URI: props.domain,
      PL_AUTH_CLIENT_ID: props.clientId,
      PL_AUTH_EMAIL_PASSWORD_CONN: props.emailPasswordConnection ?? '',
    }, Auth0Auth.check(props));

    this.credentialsSecret = this.wireClientCredentials(props.credentials, AUTH0_SECRET_NAME, {
      clientIdKey: 'auth0-client-id',
      clientSecretKey: 'auth0-client-secret',
      clientIdEnv: 'PL_AUTH0_CLIENT_ID',
      clientSecretEnv: 'PL_AUTH0_CLIENT_SECRET',
    });
    this.credentialsSecretName = this.credentialsSecret?.secretName ?? props.credentials.existingSecretName!;
  }
}
