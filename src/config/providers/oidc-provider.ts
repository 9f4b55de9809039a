import { OidcAuth, OidcAuthProps, OIDC_SECRET_NAME } from '../../auth/oidc-auth';
import { ISSUER_EXAMPLE } from '../../auth/oidc-checks';
import { OidcSocialButton } from '../../auth/oidc-social-button';
import { clientCredentials } from '../schema-parts';
import { ConfigProvider, ProviderContext } from './config-provider';
import { checkCredentialsChoice, credentialsFromSection, externalSecretsSteps } from './credentials-section';

/** A list of login or sign-up buttons: `{ buttonText, extraParams: { name: value } }`. */
const socialButtons = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['buttonText'],
    properties: {
      buttonText: { type: 'string', description: 'Label of the button, e.g. Log in with Google' },
      extraParams: {
        type: 'object',
        description: 'Extra query parameters of the authorization request, e.g. kc_idp_hint: google',
        additionalProperties: { type: 'string' },
      },
    },
  },
};

/**
 * The `oidc:` section of the config file: any OpenID Connect identity provider.
 * @internal
 */
export const OIDC_PROVIDER: ConfigProvider = {
  key: 'oidc',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['issuer', 'clientId', 'credentials'],
    properties: {
      issuer: { type: 'string', description: `The issuer URL, exactly as in the discovery document (https, no trailing slash), e.g. ${ISSUER_EXAMPLE}` },
      clientId: { type: 'string', description: 'The client id of the OIDC client in your identity provider (the secret goes in credentials)' },
      credentials: clientCredentials,
      metadataUrl: { type: 'string', description: 'Discovery URL (default: the issuer plus /.well-known/openid-configuration)' },
      additionalScopes: { type: 'array', items: { type: 'string' } },
      loginButtons: socialButtons,
      signupButtons: socialButtons,
      tokenEndpoint: { type: 'string' },
      userinfoEndpoint: { type: 'string' },
      idProviderClaim: { type: 'string' },
      googleIdProviderValue: { type: 'string' },
      googleAccessTokenClaim: { type: 'string' },
    },
  },
  check: (section, context) => checkCredentialsChoice(section.credentials, 'oidc.credentials')
    ?? OidcAuth.check(oidcProps(section, context, false), 'oidc.').map(p => ({ ...p, field: extraParamField(p.field, section) })),
  build: (chart, section, context) => {
    new OidcAuth(chart, 'Oidc', oidcProps(section, context, true));
  },
  manualSteps: section => oidcManualSteps(section),
};

/** The config section as OidcAuth props. */
function oidcProps(section: any, context: ProviderContext, withWorkloads: boolean): OidcAuthProps {
  return {
    namespace: context.namespace,
    issuer: section.issuer,
    clientId: section.clientId,
    credentials: credentialsFromSection(section.credentials),
    metadataUrl: section.metadataUrl,
    additionalScopes: section.additionalScopes,
    loginButtons: buttonsFromSection(section.loginButtons),
    signupButtons: buttonsFromSection(section.signupButtons),
    tokenEndpoint: section.tokenEndpoint,
    userinfoEndpoint: section.userinfoEndpoint,
    idProviderClaim: section.idProviderClaim,
    googleIdProviderValue: section.googleIdProviderValue,
    googleAccessTokenClaim: section.googleAccessTokenClaim,
    reloader: context.reloader,
    workloads: withWorkloads ? context.workloads() : (undefined as any),
  };
}

/**
 * A problem's field in the config file's terms: the props list `extraParams`
 * as `[{ name, value }]`, the config file as a mapping, so
 * `oidc.loginButtons[0].extraParams[1].name` becomes
 * `oidc.loginButtons[0].extraParams."bad key"` (the key of that entry).
 */
function extraParamField(field: string, section: any): string {
  const match = /^(oidc\.(loginButtons|signupButtons)\[(\d+)\]\.extraParams)\[(\d+)\]\.(?:name|value)$/.exec(field);
  if (!match) {
    return field;
  }
  const key = Object.keys(section[match[2]]?.[Number(match[3])]?.extraParams ?? {})[Number(match[4])];
  if (key === undefined) {
    return field;
  }
  return `${match[1]}.${/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key)}`;
}

/** `extraParams:` mappings as lists of `{ name, value }`. */
function buttonsFromSection(buttons: any[] | undefined): OidcSocialButton[] | undefined {
  return buttons?.map(b => ({
    buttonText: b.buttonText,
    extraParams: b.extraParams === undefined ? undefined : Object.entries(b.extraParams).map(([name, value]) => ({ name, value: value as string })),
  }));
}

function oidcManualSteps(section: any): string[] {
  const discovery = section.metadataUrl ?? `${section.issuer}/.well-known/openid-configuration`;
  const steps = [
    ...externalSecretsSteps(section.credentials, OIDC_SECRET_NAME),
    `In your identity provider, create a confidential OIDC client (client authentication on, so it has a secret) with client id ${section.clientId}`,
    'Allow the implicit flow with ID and access tokens for it: Pixie\'s UI requests response_type "token id_token"',
    'Add the redirect URIs https://<your-domain>/auth/callback and https://work.<your-domain>/auth/callback, and allow the web origin https://work.<your-domain> (CORS)',
    `Check that ${discovery} is reachable from browsers and from auth-server, and that its "issuer" is exactly ${section.issuer}`,
    section.credentials?.existingSecret !== undefined
      ? `Create the Secret ${section.credentials.existingSecret} in Pixie's namespace with keys oidc-client-id (the same value as oidc.clientId) and oidc-client-secret`
      : `Put the client id (the same value as oidc.clientId) and the client secret in your secret store under the keys this config references (the ExternalSecret fills ${OIDC_SECRET_NAME})`,
    'Give users an email address in the identity provider: Pixie reads email and name from the user-info endpoint',
  ];
  const buttons: any[] = [...(section.loginButtons ?? []), ...(section.signupButtons ?? [])];
  if (buttons.some(b => b.extraParams && Object.keys(b.extraParams).length > 0)) {
    steps.push('Set up the upstream identity providers that the buttons\' extraParams name (e.g. Keycloak identity-provider aliases for kc_idp_hint)');
  }
  if (section.googleAccessTokenClaim !== undefined) {
    steps.push(`Map the upstream identity provider into the claim ${section.idProviderClaim} and the Google access token into ${section.googleAccessTokenClaim} of the user info`);
  }
  return steps;
}
