import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parse, parseAllDocuments } from 'yaml';
import { KustomizeComponent, ObjectReference } from '../../src/restart/kustomize-component';

const authServer: ObjectReference = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auth-server', namespace: 'plc-dev' };
const cloudProxy: ObjectReference = { ...authServer, name: 'cloud-proxy' };

function namespacedChart(): Chart {
  return new Chart(Testing.app(), 'c', { namespace: 'plc-dev', disableResourceNameHashes: true });
}

const fileOf = (component: KustomizeComponent, path: string) => component.renderFiles().find(f => f.path === path);

describe('KustomizeComponent', () => {
  test('renders the chart\'s objects as resources and outside objects as patches', () => {
    // GIVEN
    const chart = namespacedChart();
    const configMap = new kplus.ConfigMap(chart, 'OAuth', { metadata: { name: 'pl-oauth-config' }, data: { PL_OAUTH_PROVIDER: 'auth0' } });
    new kplus.ConfigMap(chart, 'Other', { metadata: { name: 'other' }, data: { a: 'b' } });
    const component = KustomizeComponent.of(chart);

    // WHEN
    component.renderAsPatch(ApiObject.of(configMap));
    component.addPodTemplateAnnotation(cloudProxy, 'checksum/pl-oauth-config', { produce: () => 'hash-1' });
    component.addPodTemplateAnnotation(authServer, 'checksum/pl-oauth-config', { produce: () => 'hash-1' });
    component.addAnnotation(authServer, 'secret.reloader.stakater.com/reload', { produce: () => 'cloud-auth0-secrets' });
    component.addContainerEnv(authServer, 'auth-server', { name: 'PL_B', value: 'b' });
    component.addContainerEnv(authServer, 'auth-server', { name: 'PL_A', value: 'a' });
    component.addContainerEnv(authServer, 'sidecar', { name: 'PL_C', value: 'c' });

    // THEN
    const files = component.renderFiles();
    expect(files.map(f => f.path)).toStrictEqual([
      'kustomization.yaml',
      'resources.yaml',
      'patches/configmap-pl-oauth-config.yaml',
      'patches/deployment-auth-server.yaml',
      'patches/deployment-cloud-proxy.yaml',
    ]);
    expect(parse(files[0].content)).toStrictEqual({
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
      resources: ['resources.yaml'],
      patches: [
        { path: 'patches/configmap-pl-oauth-config.yaml' },
        { path: 'patches/deployment-auth-server.yaml' },
        { path: 'patches/deployment-cloud-proxy.yaml' },
      ],
    });
    expect(parseAllDocuments(files[1].content).map(d => d.toJS().metadata.name)).toStrictEqual(['other']);
    expect(parse(fileOf(component, 'patches/configmap-pl-oauth-config.yaml')!.content).data).toStrictEqual({ PL_OAUTH_PROVIDER: 'auth0' });
    expect(parse(fileOf(component, 'patches/deployment-auth-server.yaml')!.content)).toStrictEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'auth-server', namespace: 'plc-dev', annotations: { 'secret.reloader.stakater.com/reload': 'cloud-auth0-secrets' } },
      spec: {
        template: {
          metadata: { annotations: { 'checksum/pl-oauth-config': 'hash-1' } },
          spec: {
            containers: [
              { name: 'auth-server', env: [{ name: 'PL_B', value: 'b' }, { name: 'PL_A', value: 'a' }] },
              { name: 'sidecar', env: [{ name: 'PL_C', value: 'c' }] },
            ],
          },
        },
      },
    });
    expect(files).toMatchSnapshot();
  });

  test('values are produced when the files are rendered', () => {
    // GIVEN
    const component = KustomizeComponent.of(namespacedChart());
    let hash = 'before';
    component.addPodTemplateAnnotation(authServer, 'checksum/x', { produce: () => hash });

    // WHEN
    hash = 'after';

    // THEN
    expect(parse(fileOf(component, 'patches/deployment-auth-server.yaml')!.content).spec.template.metadata.annotations).toStrictEqual({ 'checksum/x': 'after' });
  });

  test('an empty component is a bare kustomization', () => {
    const component = KustomizeComponent.of(namespacedChart());
    expect(component.renderFiles()).toStrictEqual([{ path: 'kustomization.yaml', content: 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n' }]);
  });

  test('a component with only patches lists no resources', () => {
    const component = KustomizeComponent.of(namespacedChart());
    component.addPodTemplateAnnotation(authServer, 'checksum/x', { produce: () => 'h' });
    expect(parse(component.renderFiles()[0].content)).toStrictEqual({
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
      patches: [{ path: 'patches/deployment-auth-server.yaml' }],
    });
  });

  test('outside objects of the same kind and name in two namespaces get a patch file each', () => {
    // GIVEN
    const component = KustomizeComponent.of(namespacedChart());

    // WHEN
    component.addPodTemplateAnnotation(authServer, 'checksum/x', { produce: () => 'dev' });
    component.addPodTemplateAnnotation({ ...authServer, namespace: 'plc' }, 'checksum/x', { produce: () => 'prod' });

    // THEN
    const patches = component.renderFiles().filter(f => f.path.startsWith('patches/'));
    expect(patches.map(f => f.path)).toStrictEqual(['patches/deployment-plc-auth-server.yaml', 'patches/deployment-plc-dev-auth-server.yaml']);
    expect(patches.map(f => parse(f.content).metadata.namespace)).toStrictEqual(['plc', 'plc-dev']);
  });

  test('an object rendered as a patch and also patched by reference keeps both patches', () => {
    // GIVEN
    const chart = namespacedChart();
    const configMap = ApiObject.of(new kplus.ConfigMap(chart, 'OAuth', { metadata: { name: 'pl-oauth-config' }, data: { a: 'b' } }));
    const component = KustomizeComponent.of(chart);

    // WHEN
    component.renderAsPatch(configMap);
    component.addAnnotation({ apiVersion: 'v1', kind: 'ConfigMap', name: 'pl-oauth-config', namespace: 'plc-dev' }, 'note', { produce: () => 'n' });

    // THEN
    const patches = component.renderFiles().filter(f => f.path.startsWith('patches/'));
    expect(patches.map(f => f.path)).toStrictEqual(['patches/configmap-plc-dev-pl-oauth-config-2.yaml', 'patches/configmap-plc-dev-pl-oauth-config.yaml']);
    expect(patches.map(f => [parse(f.content).metadata.annotations, parse(f.content).data])).toStrictEqual([[{ note: 'n' }, undefined], [undefined, { a: 'b' }]]);
  });

  test('of() creates the chart\'s component once; tryOf() does not create one', () => {
    const chart = namespacedChart();
    expect(KustomizeComponent.tryOf(chart)).toBeUndefined();
    const component = KustomizeComponent.of(new kplus.ConfigMap(chart, 'Any'));
    expect(KustomizeComponent.of(chart)).toBe(component);
    expect(KustomizeComponent.tryOf(chart)).toBe(component);
    expect(component.directory).toBe('pixie-auth');
    expect(new KustomizeComponent(Testing.chart(), 'KustomizeComponent', { directory: 'out/pixie-auth' }).directory).toBe('out/pixie-auth');
  });

  test('renderAsPatch() of the same object twice renders one patch', () => {
    const chart = namespacedChart();
    const configMap = ApiObject.of(new kplus.ConfigMap(chart, 'OAuth', { metadata: { name: 'pl-oauth-config' } }));
    const component = KustomizeComponent.of(chart);
    component.renderAsPatch(configMap);
    component.renderAsPatch(configMap);
    expect(component.renderFiles().map(f => f.path)).toStrictEqual(['kustomization.yaml', 'patches/configmap-pl-oauth-config.yaml']);
  });

  test('throws if created with another id or an invalid directory', () => {
    expect(() => new KustomizeComponent(Testing.chart(), 'Other')).toThrow("a chart's KustomizeComponent must have the id 'KustomizeComponent' (got 'Other')");
    expect(() => new KustomizeComponent(Testing.chart(), 'KustomizeComponent', { directory: 'Pixie_Auth' })).toThrow(/^directory: "Pixie_Auth" is not a valid DNS-1123 name/);
  });

  test('throws if an annotation or env var of an outside object is set twice', () => {
    const component = KustomizeComponent.of(namespacedChart());
    component.addPodTemplateAnnotation(authServer, 'checksum/x', { produce: () => 'h' });
    component.addAnnotation(authServer, 'note', { produce: () => 'n' });
    component.addContainerEnv(authServer, 'auth-server', { name: 'X', value: '1' });
    expect(() => component.addPodTemplateAnnotation(authServer, 'checksum/x', { produce: () => 'h' }))
      .toThrow("Deployment plc-dev/auth-server: pod annotation 'checksum/x' is already set; each source may restart a workload once");
    expect(() => component.addAnnotation(authServer, 'note', { produce: () => 'n' }))
      .toThrow("Deployment plc-dev/auth-server: annotation 'note' is already set");
    expect(() => component.addContainerEnv(authServer, 'auth-server', { name: 'X', value: '2' }))
      .toThrow("Deployment plc-dev/auth-server: env 'X' on container 'auth-server' is already set");
  });
});
