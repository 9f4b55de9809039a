import { Chart, Testing } from 'cdk8s';
import {
  Auth0Auth,
  Auth0AuthProps,
  ClientCredentials,
  ContentHash,
  KustomizeComponent,
  OAuthConfigMode,
  PixieWorkloads,
  SecretStoreKind,
} from '../../src';
import { find, includedPixieWorkloads } from '../support/pixie-workloads';


const storeCredentials = (version?: string) => ClientCredentials.fromStore({
  store: { name: 'vault', kind: SecretStoreKind.CLUSTER_SECRET_STORE },
  clientId: { key: 'pixie/auth0', property: 'client-id' },
  clientSecret: { key: 'pixie/auth0', property: 'client-secret', version },
});

function props(overrides: Partial<Auth0AuthProps> = {}): Auth0AuthProps {
  return {
    domain: 'myorg.us.auth0.com',
    clientId: 'pixie-client',
    credentials: storeCredentials(),
    workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }),
    ...overrides,
  };
}

function inAppChart(overrides: Partial<Auth0AuthProps> = {}): any[] {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'plc-dev' });
  new Auth0Auth(chart, 'Auth0', props({
    workloads: includedPixieWorkloads(chart),
    ...overrides,
  }));
  return Testing.synth(chart);
}

const podAnnotations = (objects: any[], name: string) => find(objects, 'Deployment', name).spec.template.metadata.annotations;

describe('Auth0Auth', () => {
  test('pl-oauth-config holds the Auth0 settings in plc-dev', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Auth0Auth(chart, 'Auth0', props({ emailPasswordConnection: 'Username-Password-Authentication' }));
    // THEN
    const config = find(Testing.synth(chart), 'ConfigMap', 'pl-oauth-config');
    expect(config.metadata.namespace).toBe('plc-dev');
    expect(config.data).toStrictEqual({
      PL_OAUTH_PROVIDER: 'auth0',
      PL_AUTH_URI: 'myorg.us.auth0.com',
      PL_AUTH_CLIENT_ID: 'pixie-client',
      PL_AUTH_EMAIL_PASSWORD_CONN: 'Username-Password-Authentication',
    });
    expect(config.immutable).toBeUndefined();
  });

  test('takes the chart\'s namespace when the props name none, and the props\' over it', () => {
    // GIVEN
    const app = Testing.app();
    const staging = new Chart(app, 'staging', { namespace: 'plc-staging' });
    const other = new Chart(app, 'other', { namespace: 'plc-staging' });

    // WHEN
    const fromChart = new Auth0Auth(staging, 'Auth0', props());
    new Auth0Auth(other, 'Auth0', props({ namespace: 'plc-other' }));

    // THEN
    expect(fromChart.namespace).toBe('plc-staging');
    const namespaces = (chart: Chart) => [...new Set(Testing.synth(chart).map(o => o.metadata.namespace))];
    expect(namespaces(staging)).toStrictEqual(['plc-staging']);
    expect(namespaces(other)).toStrictEqual(['plc-other']);
    const patches = KustomizeComponent.of(staging).renderFiles().filter(f => f.path.startsWith('patches/'));
    expect(patches.length).toBeGreaterThan(0);
    expect(patches.every(f => f.content.includes('namespace: plc-staging\n'))).toBe(true);
  });

  test('PL_AUTH_EMAIL_PASSWORD_CONN is always present, empty when unset', () => {
    const chart = Testing.chart();
    new Auth0Auth(chart, 'Auth0', props());
    expect(find(Testing.synth(chart), 'ConfigMap', 'pl-oauth-config').data.PL_AUTH_EMAIL_PASSWORD_CONN).toBe('');
  });

  test('the namespace is configurable', () => {
    const chart = Testing.chart();
    new Auth0Auth(chart, 'Auth0', props({ namespace: 'pixie-cloud' }));
    const objects = Testing.synth(chart);
    expect(objects.map(o => o.metadata.namespace)).toStrictEqual(objects.map(() => 'pixie-cloud'));
  });

  test('the credentials are an ExternalSecret (external-secrets.io/v1) for cloud-auth0-secrets', () => {
    const chart = Testing.chart();
    new Auth0Auth(chart, 'Auth0', props({ credentials: storeCredentials('7') }));
    const es = find(Testing.synth(chart), 'ExternalSecret', 'cloud-auth0-secrets');
    expect(es.apiVersion).toBe('external-secrets.io/v1');
    expect(es.metadata.namespace).toBe('plc-dev');
    expect(es.spec).toStrictEqual({
      refreshInterval: '1h',
      secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' },
      target: { name: 'cloud-auth0-secrets', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [
        { secretKey: 'auth0-client-id', remoteRef: { key: 'pixie/auth0', property: 'client-id' } },
        { secretKey: 'auth0-client-secret', remoteRef: { key: 'pixie/auth0', property: 'client-secret', version: '7' } },
      ],
    });
  });

  test('an existing Secret emits no ExternalSecret and auth-server reads that Secret', () => {
    const objects = inAppChart({ credentials: ClientCredentials.fromExistingSecret('my-auth0') });
    expect(objects.filter(o => o.kind === 'ExternalSecret')).toStrictEqual([]);
    const env = find(objects, 'Deployment', 'auth-server').spec.template.spec.containers[0].env;
    expect(env.filter((e: any) => e.name.startsWith('PL_AUTH0_CLIENT'))).toStrictEqual([
      { name: 'PL_AUTH0_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'my-auth0', key: 'auth0-client-id', optional: false } } },
      { name: 'PL_AUTH0_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'my-auth0', key: 'auth0-client-secret', optional: false } } },
    ]);
  });

  test("Pixie's real Deployments, included, get restart hashes and the Auth0 env in plc-dev", () => {
    // GIVEN Pixie's own auth, profile and proxy Deployments, included from ../shared
    // WHEN
    const objects = inAppChart();
    // THEN
    const kinds = objects.map(o => `${o.kind}/${o.metadata.name}`).sort();
    expect(kinds).toStrictEqual([
      'ConfigMap/pl-oauth-config',
      'Deployment/auth-server',
      'Deployment/cloud-proxy',
      'Deployment/profile-server',
      'ExternalSecret/cloud-auth0-secrets',
    ]);
    expect(new Set(objects.map(o => o.metadata.namespace))).toStrictEqual(new Set(['plc-dev']));
    const configHash = ContentHash.ofConfigMap(find(objects, 'ConfigMap', 'pl-oauth-config'));
    const secretHash = ContentHash.ofExternalSecret(find(objects, 'ExternalSecret', 'cloud-auth0-secrets'));
    expect(podAnnotations(objects, 'auth-server')).toStrictEqual({
      'checksum/pl-oauth-config': configHash,
      'checksum/cloud-auth0-secrets': secretHash,
    });
    expect(podAnnotations(objects, 'profile-server')).toStrictEqual({ 'checksum/pl-oauth-config': configHash });
    expect(podAnnotations(objects, 'cloud-proxy')).toStrictEqual({ 'checksum/pl-oauth-config': configHash });
    const authEnv = find(objects, 'Deployment', 'auth-server').spec.template.spec.containers[0].env.map((e: any) => e.name);
    expect(authEnv).toEqual(expect.arrayContaining(['PL_AUTH0_CLIENT_ID', 'PL_AUTH0_CLIENT_SECRET', 'PL_JWT_SIGNING_KEY']));
    // Pixie's own fields are kept.
    expect(find(objects, 'Deployment', 'auth-server').spec.template.metadata.labels).toStrictEqual({ name: 'auth-server' });
    expect(objects).toMatchSnapshot();
  });

  test.each([
    ['domain', { domain: 'other.eu.auth0.com' }, ['auth-server', 'profile-server', 'cloud-proxy']],
    ['client id', { clientId: 'another-client' }, ['auth-server', 'profile-server', 'cloud-proxy']],
    ['secret reference version', { credentials: storeCredentials('2') }, ['auth-server']],
  ])('changing the %s changes the restart annotations of exactly the pods that read it', (_what, change, changed) => {
    const before = inAppChart();
    const after = inAppChart(change as Partial<Auth0AuthProps>);
    for (const name of ['auth-server', 'profile-server', 'cloud-proxy']) {
      const same = JSON.stringify(podAnnotations(before, name)) === JSON.stringify(podAnnotations(after, name));
      expect({ name, changed: !same }).toStrictEqual({ name, changed: changed.includes(name) });
    }
  });

  test('unchanged input gives identical annotations', () => {
    expect(inAppChart()).toStrictEqual(inAppChart());
  });

  test('named workloads become a kustomize component with pl-oauth-config as a patch', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    new Auth0Auth(chart, 'Auth0', props());
    // THEN
    const files = KustomizeComponent.of(chart).renderFiles();
    expect(files.map(f => f.path)).toStrictEqual([
      'kustomization.yaml',
      'resources.yaml',
      'patches/configmap-pl-oauth-config.yaml',
      'patches/deployment-auth-server.yaml',
      'patches/deployment-cloud-proxy.yaml',
      'patches/deployment-profile-server.yaml',
    ]);
    expect(files.find(f => f.path === 'resources.yaml')!.content).not.toContain('pl-oauth-config');
    expect(files).toMatchSnapshot();
  });

  test('with OAuthConfigMode.CREATE pl-oauth-config is a resource of the component', () => {
    const chart = Testing.chart();
    new Auth0Auth(chart, 'Auth0', props({ workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.CREATE }) }));
    const files = KustomizeComponent.of(chart).renderFiles();
    expect(files.map(f => f.path)).not.toContain('patches/configmap-pl-oauth-config.yaml');
    expect(files.find(f => f.path === 'resources.yaml')!.content).toContain('name: pl-oauth-config');
  });

  test('reloader opt-in names the Secret on auth-server', () => {
    const objects = inAppChart({ reloader: true });
    expect(find(objects, 'Deployment', 'auth-server').metadata.annotations).toStrictEqual({ 'secret.reloader.stakater.com/reload': 'cloud-auth0-secrets' });
    expect(find(objects, 'Deployment', 'cloud-proxy').metadata.annotations).toBeUndefined();
  });

  test('throws if the domain has a scheme and the client id is a placeholder, listing both', () => {
    const chart = Testing.chart();
    expect(() => new Auth0Auth(chart, 'Auth0', props({ domain: 'https://x.auth0.com/', clientId: '<auth0-client-id>' }))).toThrow(
      'Invalid Auth0Auth props:\n'
      + '  - domain: "https://x.auth0.com/" must be a bare host such as myorg.us.auth0.com (no scheme, path, port or trailing slash)\n'
      + '  - clientId: "<auth0-client-id>" is a placeholder from the docs; replace it with the real value',
    );
  });

  test('throws if the namespace is not a DNS-1123 label', () => {
    expect(() => new Auth0Auth(Testing.chart(), 'Auth0', props({ namespace: 'PLC_dev' }))).toThrow(
      'namespace: "PLC_dev" is not a valid DNS-1123 label',
    );
  });

  test('throws if the store kind is not SecretStore or ClusterSecretStore', () => {
    const credentials = ClientCredentials.fromStore({
      store: { name: 'vault', kind: 'VaultStore' as SecretStoreKind },
      clientId: { key: 'pixie/auth0' },
      clientSecret: { key: 'pixie/auth0-secret' },
    });
    expect(() => new Auth0Auth(Testing.chart(), 'Auth0', props({ credentials }))).toThrow(
      'credentials.fromStore.store.kind: "VaultStore" is not a store kind: use SecretStore or ClusterSecretStore',
    );
  });
});
