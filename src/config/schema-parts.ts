/**
 * Config-schema fragments shared by several providers.
 * @internal
 */
export const remoteRef = {
  type: 'object',
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
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string' },
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
  additionalProperties: false,
  properties: {
    fromStore: {
      type: 'object',
      additionalProperties: false,
      required: ['store', 'clientId', 'clientSecret'],
      properties: { store, clientId: remoteRef, clientSecret: remoteRef, ...externalSecretOptions },
    },
    existingSecret: { type: 'string' },
  },
};

