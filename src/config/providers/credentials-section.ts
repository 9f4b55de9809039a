import { ClientCredentials } from '../../secrets/client-credentials';
import { InputProblem } from '../../validation/problems';

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

/**
 * The checklist's step for the External Secrets Operator when `credentials:`
 * reads from a store: `secretName` is then an ExternalSecret. None for an
 * existing Secret.
 * @internal
 */
export function externalSecretsSteps(credentials: any, secretName: string): string[] {
  return credentials?.fromStore
    ? [`Install the External Secrets Operator (it must serve external-secrets.io/v1): the ExternalSecret ${secretName} fills the client id and secret from your store`]
    : [];
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
