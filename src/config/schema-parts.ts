/**
 * Config-schema fragments shared by several providers.
 * @internal
 */
export const remoteRef = {
  type: 'object',
  description: 'A reference into your secret store, { key: ..., property: ... }, where key is the secret\'s name in the store (e.g. pixie/auth0) and property a field inside it (optional)',
  additionalProperties: false,
  required: ['key'],
  properties: {
    key: { type: 'string', description: 'Key of the secret in the store, e.g. pixie/auth0' },
    property: { type: 'string', description: 'Property inside the secret' },
    version: { type: 'string', description: 'Pinned version; bump it to roll the pods after a rotation' },
  },
};

export const store = {
  type: 'object',
  description: 'The store to read from, { name: ..., kind: SecretStore or ClusterSecretStore }',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'The name of the SecretStore or ClusterSecretStore, e.g. pixie-secrets' },
    kind: { type: 'string', enum: ['SecretStore', 'ClusterSecretStore'] },
  },
};

export const externalSecretOptions = {
  refreshInterval: { type: 'string' },
  creationPolicy: { type: 'string', enum: ['Owner', 'Orphan', 'Merge', 'None'] },
  deletionPolicy: { type: 'string', enum: ['Retain', 'Delete', 'Merge'] },
};

export const clientCredentials = {
  type: 'object',
  description: 'Where the client id and secret come from: fromStore { store, clientId, clientSecret } (an ExternalSecret reads them from your secret store) or existingSecret (the name of a Secret that already exists)',
  additionalProperties: false,
  properties: {
    fromStore: {
      type: 'object',
      additionalProperties: false,
      required: ['store', 'clientId', 'clientSecret'],
      properties: { store, clientId: remoteRef, clientSecret: remoteRef, ...externalSecretOptions },
    },
    existingSecret: { type: 'string', description: 'The name of a Secret that already holds the client id and secret' },
  },
};

