import { createHash } from 'crypto';
import * as fc from 'fast-check';
import { synthesizeConfig } from '../../src/cli/synthesize';
import { looksLikeSecretValue } from '../../src/validation/field-checks';
import { auth0Config } from '../support/temp-config';

/** Random bytes from a seed, so every run is reproducible. */
function bytes(seed: number, length: number): Buffer {
  return createHash('sha512').update(`secret-${seed}`).digest().subarray(0, length);
}

describe('looksLikeSecretValue', () => {
  test.each([
    'PixieCloudAuth0ClientSecret', // AWS Secrets Manager and Azure Key Vault names are often PascalCase
    'PixieCloudAuth0ClientId',
    'PixieKMSKeyForAuth0Client',
    'Pixie-Cloud-Auth0-Client-Secret-For-Production-2024',
    'My-Company-Name-Pixie-Cloud-OIDC-Client-Credentials-v2',
    'MyCompanyPixieOidcCredentials',
    'prod/PixieCloud/Auth0ClientSecret',
    'pixie/auth0/client-secret',
    'projects/my-project/secrets/pixie-auth0-client-secret',
    '123e4567-e89b-12d3-a456-426614174000',
  ])('takes the name %s for a reference', name => {
    expect(looksLikeSecretValue(name)).toBe(false);
  });

  test.each([
    'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    'Xk9pQ2mN7vR4tY8wZ3aB6cD1eF5gH0jK',
    'Zq8XvT3kLm9NpQ2rS5tU7wY1zA4bC6dE8',
    'JIYGZpseyp9jfvRmbXFHvonrya2CWYLVejkx6tvl', // humps of letters, but not words: found by the pasted-secret property
    'TaeghckDMFfrwudbeIhHoaFudcwsxgAqLmZtYwePx',
    'ytJYTi-TzxhSFhsttKjyncc_VphekR_ZVGBXAiRqQwxqffkk-HfPbt1bDwmRelDM', // an Auth0-style secret cut into short runs by - and _
    'aGVsbG8gd29ybGQgdGhpcyBpcyBhIHNlY3JldA==',
    '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  ])('takes %s for a secret value', value => {
    expect(looksLikeSecretValue(value)).toBe(true);
  });

  test('takes every random key of 40 characters or more for a secret value, camel-case names or not', () => {
    const formats = [
      (seed: number) => bytes(seed, 48).toString('base64url'),
      (seed: number) => bytes(seed, 40).toString('base64').replace(/[+/=]/g, '').slice(0, 40),
      (seed: number) => bytes(seed, 32).toString('hex'),
    ];
    fc.assert(fc.property(fc.integer(), fc.constantFrom(...formats), (seed, format) => {
      expect(looksLikeSecretValue(format(seed))).toBe(true);
    }), { numRuns: 20_000, seed: 20261203 });
  });

  test('a config whose store keys are PascalCase names synthesizes', () => {
    // GIVEN an Auth0 config reading its credentials from store keys named as AWS users often name them
    const base = auth0Config();
    const config = auth0Config({
      auth0: {
        ...base.auth0,
        credentials: {
          fromStore: {
            store: { name: 'aws-secrets', kind: 'ClusterSecretStore' },
            clientId: { key: 'PixieCloudAuth0ClientId' },
            clientSecret: { key: 'PixieCloudAuth0ClientSecret' },
          },
        },
      },
    });

    // WHEN
    const result = synthesizeConfig(config, __dirname);

    // THEN
    const resources = result.files.find(f => f.path.endsWith('resources.yaml'))!.content;
    expect(resources).toContain('key: PixieCloudAuth0ClientSecret');
    expect(resources).toContain('key: PixieCloudAuth0ClientId');
  });
});
