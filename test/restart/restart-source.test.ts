import * as path from 'path';
import { ApiObject, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { ContentHash } from '../../src/restart/content-hash';
import { RestartSource, RestartSourceKind } from '../../src/restart/restart-source';
import { StoreBackedSecret } from '../../src/secrets/store-backed-secret';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

const synthOf = (chart: any, kind: string) => Testing.synth(chart).find(o => o.kind === kind);

function credentials(chart: any, version?: string): StoreBackedSecret {
  return new StoreBackedSecret(chart, 'Credentials', {
    secretName: 'cloud-auth0-secrets',
    store: { name: 'pixie-secrets' },
    keys: [{ secretKey: 'auth0-client-secret', remote: { key: 'pixie/auth0', property: 'client-secret', version } }],
  });
}

describe('RestartSource', () => {
  test('a cdk8s-plus ConfigMap: hash of its data, key checksum/<name>', () => {
    // GIVEN
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config', { metadata: { name: 'pl-oauth-config' }, data: { PL_OAUTH_PROVIDER: 'auth0' } });

    // WHEN
    const source = RestartSource.fromConfigMap(configMap);

    // THEN
    expect(source.kind).toBe(RestartSourceKind.CONFIG_MAP);
    expect(source.name).toBe('pl-oauth-config');
    expect(source.annotationKey).toBe('checksum/pl-oauth-config');
    expect(source.secretName).toBeUndefined();
    expect(source.apiObject).toBe(ApiObject.of(configMap));
    expect(source.hash()).toBe(ContentHash.ofConfigMap(synthOf(chart, 'ConfigMap')));
    expect(source.hash()).toBe(ContentHash.of({ data: { PL_OAUTH_PROVIDER: 'auth0' }, binaryData: {} }));
  });

  test('the hash is taken when asked: data added after the source was made counts', () => {
    // GIVEN
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config', { data: { a: '1' } });
    const source = RestartSource.fromConfigMap(configMap);
    const before = source.hash();

    // WHEN
    configMap.addData('b', '2');
    configMap.addBinaryData('c', 'Yw==');

    // THEN
    expect(source.hash()).not.toBe(before);
    expect(source.hash()).toBe(ContentHash.of({ data: { a: '1', b: '2' }, binaryData: { c: 'Yw==' } }));
  });

  test('labels and annotations added to the source do not change its hash', () => {
    // GIVEN
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config', { data: { a: '1' } });
    const source = RestartSource.fromConfigMap(configMap);
    const before = source.hash();

    // WHEN
    configMap.metadata.addLabel('team', 'auth');
    configMap.metadata.addAnnotation('note', 'changed');

    // THEN
    expect(source.hash()).toBe(before);
  });

  test('an ApiObject (k8s.KubeConfigMap) and an included ConfigMap are sources too', () => {
    // GIVEN
    const chart = Testing.chart();
    const kube = new kplus.k8s.KubeConfigMap(chart, 'Kube', { metadata: { name: 'kube-config' }, data: { x: 'y' } });
    const include = new Include(chart, 'Pixie', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'ory_auth', 'oauth_config.yaml') });
    const included = include.apiObjects.find(o => o.kind === 'ConfigMap')!;

    // WHEN
    const fromKube = RestartSource.fromApiObject(kube);
    const fromInclude = RestartSource.fromConfigMap(included);

    // THEN
    expect(fromKube.kind).toBe(RestartSourceKind.CONFIG_MAP);
    expect(fromKube.hash()).toBe(ContentHash.of({ data: { x: 'y' }, binaryData: {} }));
    expect(fromInclude.name).toBe('pl-oauth-config');
    expect(fromInclude.hash()).toBe(ContentHash.of({
      data: { PL_OAUTH_PROVIDER: 'hydra', PL_AUTH_URI: '/oauth/hydra', PL_AUTH_CLIENT_ID: 'auth-code-client', PL_AUTH_EMAIL_PASSWORD_CONN: '' },
      binaryData: {},
    }));
  });

  test('a Secret: hash of data, stringData and type; the Reloader name is its own', () => {
    // GIVEN
    const chart = Testing.chart();
    const secret = new kplus.Secret(chart, 'Secret', { metadata: { name: 'cloud-auth-secrets' }, stringData: { k: 'v' } });

    // WHEN
    const source = RestartSource.fromSecret(secret);

    // THEN
    expect(source.kind).toBe(RestartSourceKind.SECRET);
    expect(source.secretName).toBe('cloud-auth-secrets');
    expect(source.hash()).toBe(ContentHash.ofSecret(synthOf(chart, 'Secret')));
    expect(source.hash()).toMatch(/^[0-9a-f]{64}$/);
    secret.addStringData('k2', 'v2');
    expect(source.hash()).toBe(ContentHash.ofSecret(synthOf(chart, 'Secret')));
  });

  test('an ExternalSecret: hash of its spec; the Reloader name is its target Secret', () => {
    // GIVEN
    const chart = Testing.chart();
    const external = credentials(chart);

    // WHEN
    const source = RestartSource.fromExternalSecret(external.externalSecret);

    // THEN
    expect(source.kind).toBe(RestartSourceKind.EXTERNAL_SECRET);
    expect(source.name).toBe('cloud-auth0-secrets');
    expect(source.secretName).toBe('cloud-auth0-secrets');
    expect(source.hash()).toBe(ContentHash.of(synthOf(chart, 'ExternalSecret').spec));
  });

  test('the Reloader name of an ExternalSecret follows spec.target.name', () => {
    // GIVEN
    const chart = Testing.chart();
    const external = new ApiObject(chart, 'Es', {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'es' },
      spec: { target: { name: 'filled-secret' } },
    });

    // THEN
    expect(RestartSource.fromApiObject(external).secretName).toBe('filled-secret');
  });

  test('bumping a pinned remote version changes the hash', () => {
    // GIVEN
    const hashWith = (version?: string) => RestartSource.fromExternalSecret(credentials(Testing.chart(), version).externalSecret).hash();

    // THEN
    expect(hashWith('1')).not.toBe(hashWith('2'));
    expect(hashWith('1')).not.toBe(hashWith(undefined));
    expect(hashWith('2')).toBe(hashWith('2'));
  });

  test('throws if the object is not a ConfigMap, Secret or ExternalSecret', () => {
    const chart = Testing.chart();
    const service = new kplus.k8s.KubeService(chart, 'Svc', { spec: {} });
    expect(() => RestartSource.fromApiObject(service)).toThrow("restart source 'test/Svc' is a Service; use a ConfigMap, Secret or ExternalSecret");
  });

  test('throws if the object is not of the kind the factory expects', () => {
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config');
    expect(() => RestartSource.fromSecret(configMap)).toThrow("restart source 'test/Config/Resource' is a ConfigMap; expected kind Secret");
    expect(() => RestartSource.fromExternalSecret(configMap)).toThrow("restart source 'test/Config/Resource' is a ConfigMap; expected kind ExternalSecret");
  });
});

describe('RestartSource names', () => {
  test('throws if the name is too long for a checksum annotation key', () => {
    // GIVEN
    const chart = Testing.chart();
    const name = `config-${'x'.repeat(50)}`;
    const configMap = new ApiObject(chart, 'Long', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });
    // THEN
    expect(() => RestartSource.fromConfigMap(configMap)).toThrow(
      `restart source 'test/Long': the name '${name}' is longer than 54 characters, so 'checksum/${name}' is not a valid annotation key; use a shorter name`,
    );
  });
});
