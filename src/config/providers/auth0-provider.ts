import { Auth0Auth, Auth0AuthProps, AUTH0_SECRET_NAME } from '../../auth/auth0-auth';
import { clientCredentials } from '../schema-parts';
import { ConfigProvider, ProviderContext } from './config-provider';
import { checkCredentialsChoice, credentialsFromSection, externalSecretsSteps } from './credentials-section';

/**
 * The `auth0:` section of the config file.
 * @internal
 */
export const AUTH0_PROVIDER: ConfigProvider = {
  key: 'auth0',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['domain', 'clientId', 'credentials'],
    properties: {
      domain: { type: 'string', description: 'The domain of your Auth0 tenant, a bare host such as myorg.us.auth0.com (no https://)' },
      clientId: { type: 'string', description: 'The client id of your Auth0 application (the secret goes in credentials)' },
      emailPasswordConnection: { type: 'string' },
      credentials: clientCredentials,
    },
  },
  check: (section, context) => checkCredentialsChoice(section.credentials, 'auth0.credentials')
    ?? Auth0Auth.check(auth0Props(section, context, false), 'auth0.'),
  build: (chart, section, context) => {
    new Auth0Auth(chart, 'Auth0', auth0Props(section, context, true));
  },
  manualSteps: section => [
    ...externalSecretsSteps(section.credentials, AUTH0_SECRET_NAME),
    'In the Auth0 dashboard, create the application (Machine to Machine) whose client id you configured',
    `Add the callback URLs https://<your-domain>/auth/callback and https://work.<your-domain>/auth/callback (Auth0 domain: ${section.domain})`,
    'Under Advanced Settings > Grant Types, enable client_credentials',
    'Authorize the application for the Auth0 Management API with all user permissions, then Update',
    section.credentials?.existingSecret
      ? `Create the Secret ${section.credentials.existingSecret} in the namespace with keys auth0-client-id and auth0-client-secret`
      : 'Put the client id and secret in your secret store under the keys this config references',
  ],
};

/** The config section as Auth0Auth props. */
function auth0Props(section: any, context: ProviderContext, withWorkloads: boolean): Auth0AuthProps {
  return {
    namespace: context.namespace,
    domain: section.domain,
    clientId: section.clientId,
    emailPasswordConnection: section.emailPasswordConnection,
    credentials: credentialsFromSection(section.credentials),
    reloader: context.reloader,
    workloads: withWorkloads ? context.workloads() : (undefined as any),
  };
}
