import * as path from 'path';
import { ApiObject, Chart, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parse } from 'yaml';
import { ContentHash } from '../../src/restart/content-hash';
import { KustomizeComponent } from '../../src/restart/kustomize-component';
import { namedReference, RELOADER_SECRET_ANNOTATION, RestartOnChange } from '../../src/restart/restart-on-change';
import { RestartSource } from '../../src/restart/restart-source';
import { RestartTarget, WorkloadKind } from '../../src/restart/restart-target';
import { StoreBackedSecret } from '../../src/secrets/store-backed-secret';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

const podSpec = { containers: [{ name: 'main', image: 'busybox' }] };
const selector = { matchLabels: { app: 'x' } };

function namespacedChart(namespace = 'plc-dev'): Chart {
  return new Chart(Testing.app(), 'c', { namespace, disableResourceNameHashes: true });
}

function oauthConfig(chart: Chart, data: Record<string, string> = { PL_OAUTH_PROVIDER: 'auth0' }): kplus.ConfigMap {
  return new kplus.ConfigMap(chart, 'OAuthConfig', { metadata: { name: 'pl-oauth-config' }, data });
}

function credentials(chart: Chart, name = 'cloud-auth0-secrets', version?: string): StoreBackedSecret {
  return new StoreBackedSecret(chart, `Es-${name}`, {
    secretName: name,
    store: { name: 'pixie-secrets' },
    keys: [{ secretKey: 'client-secret', remote: { key: 'pixie/auth0', property: 'client-secret', version } }],
  });
}

/** One workload of each supported kind, in the app. */
function inAppWorkloads(chart: Chart) {
  return {
    deployment: new kplus.Deployment(chart, 'Deploy', { metadata: { name: 'profile-server' }, containers: [{ image: 'busybox' }] }),
    statefulSet: new kplus.k8s.KubeStatefulSet(chart, 'Sts', { metadata: { name: 'db' }, spec: { selector, serviceName: 'db', template: { spec: podSpec } } }),
    daemonSet: new kplus.k8s.KubeDaemonSet(chart, 'Ds', { metadata: { name: 'agent' }, spec: { selector, template: { metadata: { labels: { app: 'x' } }, spec: podSpec } } }),
    included: new Include(chart, 'Pixie', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_deployment.yaml') }).apiObjects[0],
  };
}

const synthOf = (chart: Chart, kind: string, name: string) => Testing.synth(chart).find(o => o.kind === kind && o.metadata.name === name);
const podAnnotations = (chart: Chart, kind: string, name: string) => synthOf(chart, kind, name).spec.template.metadata.annotations;

/** The component's patch for `kind`/`name`, parsed. */
function componentPatch(chart: Chart, kind: string, name: string): any {
  const file = KustomizeComponent.of(chart).renderFiles().find(f => f.path === `patches/${kind.toLowerCase()}-${name}.yaml`);
  return file ? parse(file.content) : undefined;
}

describe('RestartOnChange', () => {
  test('annotates in-app Deployments, StatefulSets and DaemonSets (cdk8s-plus, Kube*, Include) with the source hash', () => {
    // GIVEN
    const chart = namespacedChart();
    const configMap = oauthConfig(chart);
    const w = inAppWorkloads(chart);

    // WHEN
    new RestartOnChange(chart, 'Restart', {
      sources: [RestartSource.fromConfigMap(configMap)],
      targets: [w.deployment, w.statefulSet, w.daemonSet, w.included].map(t => RestartTarget.fromWorkload(t)),
    });

    // THEN
    const hash = ContentHash.ofConfigMap(synthOf(chart, 'ConfigMap', 'pl-oauth-config'));
    expect(podAnnotations(chart, 'Deployment', 'profile-server')).toStrictEqual({ 'checksum/pl-oauth-config': hash });
    expect(podAnnotations(chart, 'StatefulSet', 'db')).toStrictEqual({ 'checksum/pl-oauth-config': hash });
    expect(podAnnotations(chart, 'DaemonSet', 'agent')).toStrictEqual({ 'checksum/pl-oauth-config': hash });
    expect(podAnnotations(chart, 'Deployment', 'auth-server')).toStrictEqual({ 'checksum/pl-oauth-config': hash });
    expect(KustomizeComponent.tryOf(chart)).toBeUndefined();
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('named targets become patches of the chart\'s kustomize component', () => {
    // GIVEN
    const chart = namespacedChart();
    const configMap = oauthConfig(chart);
    const credentialsSecret = credentials(chart);

    // WHEN
    const restart = new RestartOnChange(chart, 'Restart', {
      sources: [RestartSource.fromConfigMap(configMap), RestartSource.fromExternalSecret(credentialsSecret.externalSecret)],
      targets: [
        RestartTarget.named({ name: 'auth-server' }),
        RestartTarget.named({ name: 'db', kind: WorkloadKind.STATEFUL_SET, namespace: 'data' }),
      ],
    });

    // THEN
    const files = KustomizeComponent.of(chart).renderFiles();
    expect(files.map(f => f.path)).toStrictEqual(['kustomization.yaml', 'resources.yaml', 'patches/deployment-auth-server.yaml', 'patches/statefulset-db.yaml']);
    const annotations = {
      'checksum/cloud-auth0-secrets': ContentHash.ofExternalSecret(synthOf(chart, 'ExternalSecret', 'cloud-auth0-secrets')),
      'checksum/pl-oauth-config': ContentHash.ofConfigMap(synthOf(chart, 'ConfigMap', 'pl-oauth-config')),
    };
    expect(componentPatch(chart, 'Deployment', 'auth-server')).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'auth-server', namespace: 'plc-dev' },
      spec: { template: { metadata: { annotations } } },
    });
    expect(componentPatch(chart, 'StatefulSet', 'db').metadata).toStrictEqual({ name: 'db', namespace: 'data' });
    expect(restart.sources.map(s => s.name)).toStrictEqual(['pl-oauth-config', 'cloud-auth0-secrets']);
    expect(restart.targets.map(t => t.describe())).toStrictEqual(['Deployment /auth-server', 'StatefulSet data/db']);
    expect(files).toMatchSnapshot();
  });

  test('the hash is lazy: data added after the RestartOnChange was made counts, in the app and in patches', () => {
    // GIVEN
    const chart = namespacedChart();
    const configMap = oauthConfig(chart);
    const { deployment } = inAppWorkloads(chart);
    new RestartOnChange(chart, 'Restart', {
      sources: [RestartSource.fromConfigMap(configMap)],
      targets: [RestartTarget.fromWorkload(deployment), RestartTarget.named({ name: 'cloud-proxy' })],
    });
    const early = ContentHash.ofConfigMap(synthOf(chart, 'ConfigMap', 'pl-oauth-config'));

    // WHEN
    configMap.addData('PL_AUTH_URI', 'example-org.us.auth0.com');

    // THEN
    const late = ContentHash.ofConfigMap(synthOf(chart, 'ConfigMap', 'pl-oauth-config'));
    expect(late).not.toBe(early);
    expect(podAnnotations(chart, 'Deployment', 'profile-server')['checksum/pl-oauth-config']).toBe(late);
    expect(componentPatch(chart, 'Deployment', 'cloud-proxy').spec.template.metadata.annotations['checksum/pl-oauth-config']).toBe(late);
  });

  test('a source has the same hash whether its target is in the app or named', () => {
    // GIVEN the same ConfigMap and ExternalSecret in two charts
    const inApp = namespacedChart();
    const named = namespacedChart();
    const sources = (chart: Chart) => [RestartSource.fromConfigMap(oauthConfig(chart)), RestartSource.fromExternalSecret(credentials(chart, 'creds', '7').externalSecret)];

    // WHEN one restarts an in-app auth-server, the other a named one
    new RestartOnChange(inApp, 'Restart', { sources: sources(inApp), targets: [RestartTarget.fromWorkload(inAppWorkloads(inApp).included)] });
    new RestartOnChange(named, 'Restart', { sources: sources(named), targets: [RestartTarget.named({ name: 'auth-server' })] });

    // THEN
    const annotations = podAnnotations(inApp, 'Deployment', 'auth-server');
    expect(Object.keys(annotations).sort()).toStrictEqual(['checksum/creds', 'checksum/pl-oauth-config']);
    expect(componentPatch(named, 'Deployment', 'auth-server').spec.template.metadata.annotations).toStrictEqual(annotations);
  });

  test('reloader: true names the Secret and ExternalSecret targets on each workload, not ConfigMaps', () => {
    // GIVEN
    const chart = namespacedChart();
    const { included } = inAppWorkloads(chart);
    const secret = new kplus.Secret(chart, 'Plain', { metadata: { name: 'plain-secret' }, stringData: { k: 'v' } });

    // WHEN
    new RestartOnChange(chart, 'Restart', {
      sources: [
        RestartSource.fromConfigMap(oauthConfig(chart)),
        RestartSource.fromExternalSecret(credentials(chart).externalSecret),
        RestartSource.fromSecret(secret),
      ],
      targets: [RestartTarget.fromWorkload(included), RestartTarget.named({ name: 'cloud-proxy' })],
      reloader: true,
    });

    // THEN
    expect(synthOf(chart, 'Deployment', 'auth-server').metadata.annotations).toStrictEqual({ [RELOADER_SECRET_ANNOTATION]: 'cloud-auth0-secrets,plain-secret' });
    expect(componentPatch(chart, 'Deployment', 'cloud-proxy').metadata.annotations).toStrictEqual({ [RELOADER_SECRET_ANNOTATION]: 'cloud-auth0-secrets,plain-secret' });
  });

  test('reloader is off by default, and has nothing to name for ConfigMap sources', () => {
    // GIVEN
    const chart = namespacedChart();
    const { included, deployment } = inAppWorkloads(chart);
    const configMap = oauthConfig(chart);

    // WHEN
    new RestartOnChange(chart, 'Off', { sources: [RestartSource.fromExternalSecret(credentials(chart).externalSecret)], targets: [RestartTarget.fromWorkload(included)] });
    new RestartOnChange(chart, 'ConfigOnly', { sources: [RestartSource.fromConfigMap(configMap)], targets: [RestartTarget.fromWorkload(deployment), RestartTarget.named({ name: 'cloud-proxy' })], reloader: true });

    // THEN
    expect(synthOf(chart, 'Deployment', 'auth-server').metadata.annotations).toBeUndefined();
    expect(synthOf(chart, 'Deployment', 'profile-server').metadata.annotations).toBeUndefined();
    expect(componentPatch(chart, 'Deployment', 'cloud-proxy').metadata.annotations).toBeUndefined();
  });

  test('reloader names every Secret when several RestartOnChange restart the same workload', () => {
    // GIVEN
    const chart = namespacedChart();
    const { included } = inAppWorkloads(chart);

    // WHEN two constructs each restart auth-server (in the app and named) on a different secret
    for (const name of ['first-secret', 'second-secret']) {
      new RestartOnChange(chart, `Restart-${name}`, {
        sources: [RestartSource.fromExternalSecret(credentials(chart, name).externalSecret)],
        targets: [RestartTarget.fromWorkload(included), RestartTarget.named({ name: 'cloud-proxy' })],
        reloader: true,
      });
    }

    // THEN
    expect(synthOf(chart, 'Deployment', 'auth-server').metadata.annotations).toStrictEqual({ [RELOADER_SECRET_ANNOTATION]: 'first-secret,second-secret' });
    expect(componentPatch(chart, 'Deployment', 'cloud-proxy').metadata.annotations).toStrictEqual({ [RELOADER_SECRET_ANNOTATION]: 'first-secret,second-secret' });
  });

  test('named targets take the props namespace, then the chart\'s; their own wins', () => {
    const chart = namespacedChart('chart-ns');
    expect(namedReference(RestartTarget.named({ name: 'hydra', namespace: 'own' }), 'fallback').namespace).toBe('own');
    new RestartOnChange(chart, 'Props', { sources: [RestartSource.fromConfigMap(oauthConfig(chart))], targets: [RestartTarget.named({ name: 'hydra' })], namespace: 'props-ns' });
    new RestartOnChange(chart, 'Chart', { sources: [RestartSource.fromExternalSecret(credentials(chart).externalSecret)], targets: [RestartTarget.named({ name: 'kratos' })] });
    expect(componentPatch(chart, 'Deployment', 'hydra').metadata.namespace).toBe('props-ns');
    expect(componentPatch(chart, 'Deployment', 'kratos').metadata.namespace).toBe('chart-ns');
  });

  test('throws if a named target has no namespace and the chart has none', () => {
    const chart = Testing.chart();
    expect(() => new RestartOnChange(chart, 'Restart', { sources: [RestartSource.fromConfigMap(new kplus.ConfigMap(chart, 'C'))], targets: [RestartTarget.named({ name: 'hydra' })] }))
      .toThrow('restart target Deployment /hydra needs a namespace: give one, or set the chart\'s namespace');
  });

  test('throws if a source or a target is listed twice', () => {
    const chart = namespacedChart();
    const configMap = oauthConfig(chart);
    const { deployment } = inAppWorkloads(chart);
    expect(() => new RestartOnChange(chart, 'Sources', { sources: [RestartSource.fromConfigMap(configMap), RestartSource.fromApiObject(configMap)], targets: [] }))
      .toThrow("sources[1]: ConfigMap 'pl-oauth-config' is the same source as sources[0] (both write 'checksum/pl-oauth-config'); list each source once");
    expect(() => new RestartOnChange(chart, 'Targets', { sources: [], targets: [RestartTarget.fromWorkload(deployment), RestartTarget.fromWorkload(ApiObject.of(deployment))] }))
      .toThrow('targets[1]: Deployment plc-dev/profile-server is listed twice; list each target once');
  });

  test('throws if a named target is listed twice, once with the default namespace spelled out', () => {
    const chart = namespacedChart();
    expect(() => new RestartOnChange(chart, 'Targets', {
      sources: [RestartSource.fromConfigMap(oauthConfig(chart))],
      targets: [RestartTarget.named({ name: 'hydra' }), RestartTarget.named({ name: 'hydra', namespace: 'plc-dev' })],
    })).toThrow('targets[1]: Deployment plc-dev/hydra is listed twice; list each target once');
  });

  test('throws if two constructs restart the same workload on the same source', () => {
    const chart = namespacedChart();
    const source = RestartSource.fromConfigMap(oauthConfig(chart));
    const { deployment } = inAppWorkloads(chart);
    new RestartOnChange(chart, 'First', { sources: [source], targets: [RestartTarget.fromWorkload(deployment), RestartTarget.named({ name: 'hydra' })] });
    expect(() => new RestartOnChange(chart, 'Second', { sources: [source], targets: [RestartTarget.fromWorkload(deployment)] }))
      .toThrow("Deployment 'profile-server': pod annotation 'checksum/pl-oauth-config' is already set by 'c/First'; each source may restart a workload once");
    expect(() => new RestartOnChange(chart, 'Third', { sources: [source], targets: [RestartTarget.named({ name: 'hydra' })] }))
      .toThrow("Deployment plc-dev/hydra: pod annotation 'checksum/pl-oauth-config' is already set; each source may restart a workload once");
  });
});
