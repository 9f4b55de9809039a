import { container, envOf, find, ossObjects } from './oss-helpers';
import {
  KratosAdminIdentity,
  KratosSmtp,
  OrySecretSource,
  SecretCreationPolicy,
  SecretStoreKind,
} from '../../src';

const STORE = { name: 'vault', kind: SecretStoreKind.CLUSTER_SECRET_STORE };
const hydraFromStore = () => OrySecretSource.fromStore({
  store: STORE,
  keys: ['SECRETS_SYSTEM', 'OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT', 'CLIENT_SECRET'].map(secretKey => ({ secretKey, remote: { key: 'pixie/hydra', property: secretKey.toLowerCase() } })),
});

/** True when an ExternalSecret reads a generator; false when it reads a store. */
const isGenerated = (es: any) => (es.spec.dataFrom ?? []).some((d: any) => d.sourceRef?.generatorRef);
const isStoreBacked = (es: any) => es.spec.secretStoreRef !== undefined || (es.spec.data ?? []).length > 0;

describe('OssAuth secrets', () => {
  test('by default every secret is generated once in the cluster and never rotates', () => {
    const externalSecrets = ossObjects().filter(o => o.kind === 'ExternalSecret');
    expect(externalSecrets).toHaveLength(4);
    for (const es of externalSecrets) {
      expect(es.spec.refreshPolicy).toBe('CreatedOnce');
      expect(es.spec.refreshInterval).toBe('0s');
      expect(es.spec.target.immutable).toBe(true);
      expect(isGenerated(es)).toBe(true);
      expect(isStoreBacked(es)).toBe(false);
    }
  });

  test("pl-hydra-secrets has Pixie's three keys, each from its own generator", () => {
    const es = find(ossObjects(), 'ExternalSecret', 'pl-hydra-secrets');
    expect(es.spec.dataFrom.map((d: any) => [d.sourceRef.generatorRef.name, d.rewrite[0].regexp])).toStrictEqual([
      ['pl-hydra-secrets-secrets-system', { source: '^password$', target: 'SECRETS_SYSTEM' }],
      ['pl-hydra-secrets-oidc-subject-identifiers-pairwise-salt', { source: '^password$', target: 'OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT' }],
      ['pl-hydra-secrets-client-secret', { source: '^password$', target: 'CLIENT_SECRET' }],
    ]);
  });

  test("Kratos's cipher secret is 32 characters (Kratos requires exactly 32), the cookie secret 64", () => {
    const objects = ossObjects();
    expect(find(objects, 'Password', 'pl-kratos-secrets-secrets-cipher').spec).toStrictEqual({ length: 32, symbols: 0, noUpper: false, allowRepeat: true });
    expect(find(objects, 'Password', 'pl-kratos-secrets-secrets-cookie').spec.length).toBe(64);
  });

  test('Hydra and Kratos read their secrets through secretKeyRefs', () => {
    const objects = ossObjects();
    const ref = (name: string, key: string) => ({ secretKeyRef: { name, key } });
    expect(envOf(container(objects, 'hydra', 'server'))).toMatchObject({
      SECRETS_SYSTEM: ref('pl-hydra-secrets', 'SECRETS_SYSTEM'),
      OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT: ref('pl-hydra-secrets', 'OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT'),
    });
    expect(envOf(container(objects, 'hydra', 'client-create-or-update')).HYDRA_CLIENT_SECRET).toStrictEqual(ref('pl-hydra-secrets', 'CLIENT_SECRET'));
    expect(envOf(container(objects, 'kratos', 'server'))).toMatchObject({
      SECRETS_COOKIE: ref('pl-kratos-secrets', 'SECRETS_COOKIE'),
      SECRETS_CIPHER: ref('pl-kratos-secrets', 'SECRETS_CIPHER'),
      COURIER_SMTP_CONNECTION_URI: ref('pl-kratos-smtp', 'COURIER_SMTP_CONNECTION_URI'),
    });
  });

  test('the admin identity document is rendered by the operator from a generated password', () => {
    const es = find(ossObjects(), 'ExternalSecret', 'pl-kratos-admin-identity');
    expect(es.spec.target.template).toStrictEqual({
      engineVersion: 'v2',
      mergePolicy: 'Replace',
      data: {
        ADMIN_IDENTITY: '{"schema_id":"default","traits":{"email":"admin@default.com"},"credentials":{"password":{"config":{"password":{{ .password | toJson }}}}}}',
        password: '{{ .password }}',
      },
    });
  });

  test("the dev SMTP URI is Pixie's mailslurper URI with a generated password", () => {
    const es = find(ossObjects(), 'ExternalSecret', 'pl-kratos-smtp');
    expect(es.spec.target.template.data).toStrictEqual({ COURIER_SMTP_CONNECTION_URI: 'smtps://test:{{ .password }}@mailslurper:1025/?skip_ssl_verify=true' });
  });

  test('store-backed Hydra secrets: one ExternalSecret that reads the store only', () => {
    // WHEN
    const objects = ossObjects({ hydra: { secrets: hydraFromStore() } });
    // THEN
    const es = find(objects, 'ExternalSecret', 'pl-hydra-secrets');
    expect(es.spec.secretStoreRef).toStrictEqual({ name: 'vault', kind: 'ClusterSecretStore' });
    expect(es.spec.data.map((d: any) => d.secretKey)).toStrictEqual(['SECRETS_SYSTEM', 'OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT', 'CLIENT_SECRET']);
    expect(es.spec.dataFrom).toBeUndefined();
    expect(objects.filter(o => o.kind === 'Password' && o.metadata.name.startsWith('pl-hydra-secrets'))).toStrictEqual([]);
  });

  test('generated and store-backed keys are never mixed in one ExternalSecret', () => {
    const objects = ossObjects({
      hydra: { secrets: hydraFromStore() },
      kratos: {
        adminIdentity: KratosAdminIdentity.fromStore({ store: STORE, password: { key: 'pixie/admin', property: 'password' }, email: 'ops@example.com' }),
        smtp: KratosSmtp.fromStore({ store: STORE, connectionUri: { key: 'pixie/smtp' } }),
      },
    });
    const externalSecrets = objects.filter(o => o.kind === 'ExternalSecret');
    expect(externalSecrets.map(es => [es.metadata.name, isGenerated(es), isStoreBacked(es)])).toStrictEqual([
      ['pl-hydra-secrets', false, true],
      ['pl-kratos-secrets', true, false],
      ['pl-kratos-admin-identity', false, true],
      ['pl-kratos-smtp', false, true],
    ]);
  });

  test('a store-backed admin password is templated into the identity document', () => {
    const objects = ossObjects({
      kratos: { adminIdentity: KratosAdminIdentity.fromStore({ store: STORE, password: { key: 'pixie/admin', property: 'password' }, email: 'ops@example.com' }) },
    });
    const es = find(objects, 'ExternalSecret', 'pl-kratos-admin-identity');
    expect(es.spec.data).toStrictEqual([{ secretKey: 'password', remoteRef: { key: 'pixie/admin', property: 'password' } }]);
    expect(es.spec.target.template.data).toStrictEqual({
      ADMIN_IDENTITY: '{"schema_id":"default","traits":{"email":"ops@example.com"},"credentials":{"password":{"config":{"password":{{ .password | toJson }}}}}}',
    });
  });

  test('existing Secrets: no ExternalSecret, the env reads them, no hash for them', () => {
    // WHEN
    const objects = ossObjects({
      hydra: { secrets: OrySecretSource.fromExistingSecret('my-hydra') },
      kratos: {
        secrets: OrySecretSource.fromExistingSecret('my-kratos'),
        adminIdentity: KratosAdminIdentity.fromExistingSecret('my-admin'),
        smtp: KratosSmtp.fromExistingSecret('my-smtp', 'uri'),
      },
    });
    // THEN
    expect(objects.filter(o => o.kind === 'ExternalSecret' || o.kind === 'Password')).toStrictEqual([]);
    expect(envOf(container(objects, 'hydra', 'migrate')).SECRETS_SYSTEM).toStrictEqual({ secretKeyRef: { name: 'my-hydra', key: 'SECRETS_SYSTEM' } });
    expect(envOf(container(objects, 'kratos', 'server')).SECRETS_CIPHER).toStrictEqual({ secretKeyRef: { name: 'my-kratos', key: 'SECRETS_CIPHER' } });
    expect(envOf(container(objects, 'kratos', 'server')).COURIER_SMTP_CONNECTION_URI).toStrictEqual({ secretKeyRef: { name: 'my-smtp', key: 'uri' } });
    expect(envOf(container(objects, 'kratos', 'admin-create-if-not-exists')).ADMIN_IDENTITY).toStrictEqual({ secretKeyRef: { name: 'my-admin', key: 'ADMIN_IDENTITY' } });
    expect(Object.keys(find(objects, 'Deployment', 'kratos').spec.template.metadata.annotations)).toStrictEqual(['checksum/kratos-config']);
  });

  test('the admin bootstrap can be switched off', () => {
    const objects = ossObjects({ kratos: { adminIdentity: KratosAdminIdentity.disabled() } });
    expect(find(objects, 'Deployment', 'kratos').spec.template.spec.containers.map((c: any) => c.name)).toStrictEqual(['server']);
    expect(find(objects, 'ExternalSecret', 'pl-kratos-admin-identity')).toBeUndefined();
  });

  test('generated secrets take creation and deletion policies', () => {
    const objects = ossObjects({ kratos: { secrets: OrySecretSource.generated({ creationPolicy: SecretCreationPolicy.ORPHAN }) } });
    expect(find(objects, 'ExternalSecret', 'pl-kratos-secrets').spec.target).toMatchObject({ creationPolicy: 'Orphan', deletionPolicy: 'Retain' });
  });
});
