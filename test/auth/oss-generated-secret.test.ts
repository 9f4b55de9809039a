import { Testing } from 'cdk8s';
import { GeneratedSecret, GeneratedSecretProps, SecretCreationPolicy, SecretDeletionPolicy } from '../../src';
import { ManifestValidator } from '../../src/validate/manifest-validator';

// Tests for src/secrets/generated-secret.ts (kept beside the OSS tests that use it).
const props = (overrides: Partial<GeneratedSecretProps> = {}): GeneratedSecretProps => ({
  secretName: 'app-secrets',
  namespace: 'plc-dev',
  keys: [{ secretKey: 'API_KEY' }, { secretKey: 'cipher', length: 32 }],
  ...overrides,
});

describe('GeneratedSecret', () => {
  test('one Password generator per key, each read through its own dataFrom entry and renamed', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new GeneratedSecret(chart, 'Secret', props());
    // THEN
    const objects = Testing.synth(chart);
    expect(objects.filter(o => o.kind === 'Password').map(o => [o.metadata.name, o.spec])).toStrictEqual([
      ['app-secrets-api-key', { length: 64, symbols: 0, noUpper: false, allowRepeat: true }],
      ['app-secrets-cipher', { length: 32, symbols: 0, noUpper: false, allowRepeat: true }],
    ]);
    const es = objects.find(o => o.kind === 'ExternalSecret');
    expect(es.spec.dataFrom).toStrictEqual([
      {
        sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'app-secrets-api-key' } },
        rewrite: [{ regexp: { source: '^password$', target: 'API_KEY' } }],
      },
      {
        sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'app-secrets-cipher' } },
        rewrite: [{ regexp: { source: '^password$', target: 'cipher' } }],
      },
    ]);
    expect(ManifestValidator.validate(objects)).toStrictEqual([]);
  });

  test('created once, never refreshed, immutable', () => {
    const chart = Testing.chart();
    new GeneratedSecret(chart, 'Secret', props());
    const es = Testing.synth(chart).find(o => o.kind === 'ExternalSecret');
    expect(es.spec.refreshPolicy).toBe('CreatedOnce');
    expect(es.spec.refreshInterval).toBe('0s');
    expect(es.spec.target).toStrictEqual({ name: 'app-secrets', creationPolicy: 'Owner', deletionPolicy: 'Retain', immutable: true });
    expect(es.spec.secretStoreRef).toBeUndefined();
  });

  test('templates render keys from the generated values; the generator key needs no rewrite', () => {
    const chart = Testing.chart();
    new GeneratedSecret(chart, 'Secret', props({
      keys: [{ secretKey: 'password' }],
      templates: [{ secretKey: 'URL', template: 'https://u:{{ .password }}@host/' }],
      creationPolicy: SecretCreationPolicy.ORPHAN,
      deletionPolicy: SecretDeletionPolicy.MERGE,
    }));
    const es = Testing.synth(chart).find(o => o.kind === 'ExternalSecret');
    expect(es.spec.dataFrom[0].rewrite).toBeUndefined();
    expect(es.spec.target).toStrictEqual({
      name: 'app-secrets',
      creationPolicy: 'Orphan',
      deletionPolicy: 'Merge',
      immutable: true,
      template: { engineVersion: 'v2', mergePolicy: 'Replace', data: { URL: 'https://u:{{ .password }}@host/' } },
    });
  });

  test('hands out the ExternalSecret, the generators and the Secret', () => {
    const secret = new GeneratedSecret(Testing.chart(), 'Secret', props());
    expect(secret.externalSecret.name).toBe('app-secrets');
    expect(secret.generators.map(g => g.name)).toStrictEqual(['app-secrets-api-key', 'app-secrets-cipher']);
    expect(secret.secret.name).toBe('app-secrets');
    expect(secret.secretName).toBe('app-secrets');
  });

  test('snapshot', () => {
    const chart = Testing.chart();
    new GeneratedSecret(chart, 'Secret', props());
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('throws if keys are missing, repeated, invalid or too short', () => {
    expect(() => new GeneratedSecret(Testing.chart(), 'Secret', props({ keys: [] }))).toThrow(
      'Invalid generated Secret "app-secrets":\n  - keys: must list at least one key to generate',
    );
    expect(() => new GeneratedSecret(Testing.chart(), 'Secret', props({ keys: [{ secretKey: 'a b' }, { secretKey: 'k', length: 8 }, { secretKey: 'k' }] }))).toThrow(
      'Invalid generated Secret "app-secrets":\n'
      + '  - keys[0].secretKey: "a b" is not a valid Secret key: use letters, digits, \'-\', \'_\' and \'.\'\n'
      + '  - keys[1].length: 8 must be a whole number from 16 to 256\n'
      + '  - keys[2].secretKey: "k" is listed twice: each key is generated once',
    );
  });

  test('throws if two keys would share a generator name', () => {
    expect(() => new GeneratedSecret(Testing.chart(), 'Secret', props({ keys: [{ secretKey: 'A_B' }, { secretKey: 'a-b' }] }))).toThrow(
      'keys[1].secretKey: "a-b" and "A_B" give the same generator name "app-secrets-a-b"; rename one',
    );
  });

  test('throws if a template uses no generated key, or Delete is paired with Merge', () => {
    expect(() => new GeneratedSecret(Testing.chart(), 'Secret', props({
      templates: [{ secretKey: 'X', template: 'constant' }],
      creationPolicy: SecretCreationPolicy.MERGE,
      deletionPolicy: SecretDeletionPolicy.DELETE,
    }))).toThrow(
      'Invalid generated Secret "app-secrets":\n'
      + '  - deletionPolicy: Delete cannot be combined with creationPolicy Merge (External Secrets refuses the pair): use Retain or Merge\n'
      + '  - templates[0].template: uses no generated key (no {{ ... }}); a constant does not belong in a Secret',
    );
  });
});
