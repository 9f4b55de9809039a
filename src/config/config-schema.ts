import { CONFIG_PROVIDERS } from './providers';

/**
 * JSON Schema (draft-07) of the config file (`pixie-auth.yaml`). It checks
 * shapes and types; the provider constructs check the values. Each provider
 * adds its own section (see ./providers).
 * @internal
 */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://cdk8s-pixie-auth.dev/schemas/pixie-auth-config.v1.json',
  title: 'cdk8s-pixie-auth config file',
  type: 'object',
  additionalProperties: false,
  properties: {
    namespace: { type: 'string', description: 'Namespace of Pixie Cloud (default plc-dev)' },
    ...Object.fromEntries(CONFIG_PROVIDERS.map(p => [p.key, p.schema])),
    pixie: {
      type: 'object',
      additionalProperties: false,
      properties: {
        manifests: { type: 'array', items: { type: 'string' } },
        oauthConfig: { type: 'string', enum: ['create', 'patch'] },
        extraOAuthConfigReaders: { type: 'array', items: { type: 'string' } },
        reloader: { type: 'boolean' },
      },
    },
    output: {
      type: 'object',
      additionalProperties: false,
      properties: {
        componentDirectory: { type: 'string' },
        fileName: { type: 'string' },
      },
    },
  },
};
