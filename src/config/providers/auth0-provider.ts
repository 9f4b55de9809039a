import { Auth0Auth, Auth0AuthProps } from '../../auth/auth0-auth';
import { ClientCredentials } from '../../secrets/client-credentials';
import { clientCredentials } from '../schema-parts';
import { ConfigProvider, ProviderContext } from './config-provider';
import { InputProblem } from '../../validation/problems';

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
      domain: { type: 'string' },
      clientId: { type: 'string' },
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
    'In the Auth0 dashboard, create the application (Machine to Machine) whose client id you configured',
    `Add the callback URLs https://<your-domain>/auth/callback and https://work.<your-domain>/auth/callback (Auth0 domain: ${section.domain})`,
    'Under Advanced Settings > Grant Types, enable client_credentials',
    'Authorize the application for the Auth0 Management API with all user permissions, then Update',
    'Put the client id and secret in your secret store under the keys this config references',
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

/** `credentials:` (fromStore or existingSecret) as ClientCredentials. @internal */
export function credentialsFromSection(credentials: any): ClientCredentials {
  if (credentials?.fromStore) {
    const s = credentials.fromStore;
    return ClientCredentials.fromStore({
      store: { name: s.store.name, kind: s.store.kind },
      clientId: s.clientId,
      clientSecret: s.clientSecret,
      refreshInterval: s.refreshInterval,
      creationPolicy: s.creationPolicy,
      deletionPolicy: s.deletionPolicy,
    });
  }
  return ClientCredentials.fromExistingSecret(credentials?.existingSecret);
}

/** A problem when `credentials:` gives both or neither of fromStore and existingSecret. @internal */
export function checkCredentialsChoice(credentials: any, field: string): InputProblem[] | undefined {
  const given = ['fromStore', 'existingSecret'].filter(k => credentials?.[k] !== undefined);
  if (given.length === 1) {
    return undefined;
  }
  return [{
    field,
    message: given.length === 0
      ? 'give either fromStore (an ExternalSecret reads the values from your secret store) or existingSecret (the name of a Secret that already exists)'
      : 'give fromStore or existingSecret, not both',
  }];
}
