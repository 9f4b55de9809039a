import * as path from 'path';
import { ApiObject, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { escapePointer, WorkloadPatcher } from '../../src/restart/workload-patcher';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

const template = (chart: any, kind = 'Deployment') => Testing.synth(chart).find(o => o.kind === kind).spec.template;
const secretEnv = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: 'cloud-auth0-secrets', key } } });

function includeAuthServer(chart: any): ApiObject {
  return new Include(chart, 'Pixie', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_deployment.yaml') }).apiObjects[0];
}

describe('WorkloadPatcher', () => {
  test('escapePointer() escapes ~ and / (RFC 6901)', () => {
    expect(escapePointer('checksum/a~b')).toBe('checksum~1a~0b');
  });

  test('of() hands out one patcher per object', () => {
    const chart = Testing.chart();
    const object = includeAuthServer(chart);
    expect(WorkloadPatcher.of(object)).toBe(WorkloadPatcher.of(object));
  });

  test('adds pod annotations to an included Deployment, creating the annotations map once', () => {
    // GIVEN Pixie's auth-server, whose pod template has labels but no annotations
    const chart = Testing.chart();
    const authServer = includeAuthServer(chart);
    const patcher = WorkloadPatcher.of(authServer);

    // WHEN
    patcher.setPodAnnotation('checksum/a', 'owner-a', () => 'hash-a');
    patcher.setPodAnnotation('checksum/b', 'owner-b', () => 'hash-b');

    // THEN
    expect(template(chart).metadata).toStrictEqual({
      labels: { name: 'auth-server' },
      annotations: { 'checksum/a': 'hash-a', 'checksum/b': 'hash-b' },
    });
  });

  test('adds pod annotations to a KubeStatefulSet without template metadata, and keeps existing ones', () => {
    // GIVEN
    const chart = Testing.chart();
    const bare = new kplus.k8s.KubeStatefulSet(chart, 'Bare', {
      metadata: { name: 'bare' },
      spec: { selector: {}, serviceName: 'bare', template: { spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
    const annotated = new kplus.k8s.KubeDaemonSet(chart, 'Annotated', {
      metadata: { name: 'annotated' },
      spec: { selector: {}, template: { metadata: { annotations: { keep: 'me' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });

    // WHEN
    WorkloadPatcher.of(bare).setPodAnnotation('checksum/x', 'o', () => 'h');
    WorkloadPatcher.of(annotated).setPodAnnotation('checksum/x', 'o', () => 'h');

    // THEN
    expect(template(chart, 'StatefulSet').metadata).toStrictEqual({ annotations: { 'checksum/x': 'h' } });
    expect(template(chart, 'DaemonSet').metadata).toStrictEqual({ annotations: { 'keep': 'me', 'checksum/x': 'h' } });
  });

  test('the annotation value is produced at synth, each time', () => {
    // GIVEN
    const chart = Testing.chart();
    let value = 'first';
    WorkloadPatcher.of(includeAuthServer(chart)).setPodAnnotation('checksum/x', 'o', () => value);
    expect(template(chart).metadata.annotations['checksum/x']).toBe('first');

    // WHEN
    value = 'second';

    // THEN
    expect(template(chart).metadata.annotations['checksum/x']).toBe('second');
  });

  test('a cdk8s-plus Deployment keeps pod annotations and containers added after it was patched', () => {
    // GIVEN a Deployment that has no container yet
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Deploy');

    // WHEN it is patched, and only then given a container and another pod annotation
    WorkloadPatcher.of(ApiObject.of(deployment)).setPodAnnotation('checksum/x', 'o', () => 'h');
    deployment.addContainer({ name: 'main', image: 'busybox' });
    deployment.podMetadata.addAnnotation('prometheus.io/scrape', 'true');

    // THEN
    expect(template(chart).metadata.annotations).toStrictEqual({ 'checksum/x': 'h', 'prometheus.io/scrape': 'true' });
    expect(template(chart).spec.containers.map((c: any) => c.name)).toStrictEqual(['main']);
  });

  test('sets env vars on an included container: replaces one of the same name, appends the rest', () => {
    // GIVEN Pixie's auth-server, which already reads PL_OIDC_CLIENT_ID
    const chart = Testing.chart();
    const patcher = WorkloadPatcher.of(includeAuthServer(chart));
    const before: any[] = template(chart).spec.containers[0].env;

    // WHEN
    patcher.setContainerEnv('auth-server', secretEnv('PL_OIDC_CLIENT_ID', 'replaced'));
    patcher.setContainerEnv('auth-server', secretEnv('PL_AUTH0_CLIENT_ID', 'auth0-client-id'));

    // THEN
    const env: any[] = template(chart).spec.containers[0].env;
    expect(env).toHaveLength(before.length + 1);
    expect(env.filter(e => e.name === 'PL_OIDC_CLIENT_ID')).toStrictEqual([secretEnv('PL_OIDC_CLIENT_ID', 'replaced')]);
    expect(env[env.length - 1]).toStrictEqual(secretEnv('PL_AUTH0_CLIENT_ID', 'auth0-client-id'));
    expect(env.findIndex(e => e.name === 'PL_OIDC_CLIENT_ID')).toBe(before.findIndex(e => e.name === 'PL_OIDC_CLIENT_ID'));
  });

  test('creates the env list of a container that has none', () => {
    const chart = Testing.chart();
    const sts = new kplus.k8s.KubeStatefulSet(chart, 'Sts', {
      spec: { selector: {}, serviceName: 's', template: { spec: { containers: [{ name: 'a', image: 'i' }, { name: 'b', image: 'i' }] } } },
    });
    WorkloadPatcher.of(sts).setContainerEnv('b', { name: 'X', value: '1' });
    expect(template(chart, 'StatefulSet').spec.containers).toStrictEqual([{ name: 'a', image: 'i' }, { name: 'b', image: 'i', env: [{ name: 'X', value: '1' }] }]);
  });

  test('a cdk8s-plus container keeps env vars added after the patch', () => {
    // GIVEN
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Deploy', { containers: [{ name: 'auth-server', image: 'busybox' }] });

    // WHEN
    WorkloadPatcher.of(ApiObject.of(deployment)).setContainerEnv('auth-server', secretEnv('PL_AUTH0_CLIENT_ID', 'auth0-client-id'));
    deployment.containers[0].env.addVariable('LATER', kplus.EnvValue.fromValue('x'));

    // THEN
    const env: any[] = template(chart).spec.containers[0].env;
    expect(env.map(e => e.name).sort()).toStrictEqual(['LATER', 'PL_AUTH0_CLIENT_ID']);
    expect(env.find(e => e.name === 'PL_AUTH0_CLIENT_ID').valueFrom.secretKeyRef).toMatchObject({ name: 'cloud-auth0-secrets', key: 'auth0-client-id' });
  });

  test('a cdk8s-plus container takes literal, Secret-key and ConfigMap-key env vars, replacing one of the same name in place', () => {
    // GIVEN
    const chart = Testing.chart();
    const deployment = new kplus.Deployment(chart, 'Deploy', {
      containers: [{ name: 'auth-server', image: 'busybox', envVariables: { FIRST: kplus.EnvValue.fromValue('old'), LAST: kplus.EnvValue.fromValue('z') } }],
    });
    const patcher = WorkloadPatcher.of(ApiObject.of(deployment));

    // WHEN
    patcher.setContainerEnv('auth-server', { name: 'FIRST', value: 'new' });
    patcher.setContainerEnv('auth-server', { name: 'SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } });
    patcher.setContainerEnv('auth-server', { name: 'CONFIG', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } });

    // THEN
    expect(template(chart).spec.containers[0].env).toStrictEqual([
      { name: 'FIRST', value: 'new' },
      { name: 'LAST', value: 'z' },
      { name: 'SECRET', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: true } } },
      { name: 'CONFIG', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } },
    ]);
  });

  test('throws if a cdk8s-plus container is missing or the env var has another kind of source', () => {
    const chart = Testing.chart();
    const patcher = WorkloadPatcher.of(ApiObject.of(new kplus.Deployment(chart, 'Deploy', { containers: [{ name: 'main', image: 'busybox' }] })));
    expect(() => patcher.setContainerEnv('auth-server', { name: 'X', value: '1' })).toThrow(
      "Deployment 'test-deploy-c8a2b070' has no container named 'auth-server' (it has: main); add the container before wiring env to it",
    );
    expect(() => patcher.setContainerEnv('main', { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } })).toThrow(
      "env 'POD': a cdk8s-plus container takes a value, a secretKeyRef or a configMapKeyRef (got valueFrom: fieldRef)",
    );
  });

  test('throws if a pod annotation is set twice', () => {
    const chart = Testing.chart();
    const patcher = WorkloadPatcher.of(includeAuthServer(chart));
    patcher.setPodAnnotation('checksum/x', "'first'", () => 'h');
    expect(() => patcher.setPodAnnotation('checksum/x', "'second'", () => 'h')).toThrow(
      "Deployment 'auth-server': pod annotation 'checksum/x' is already set by 'first'; each source may restart a workload once",
    );
  });

  test('throws if the container does not exist or the env var is set twice', () => {
    const chart = Testing.chart();
    const patcher = WorkloadPatcher.of(includeAuthServer(chart));
    expect(() => patcher.setContainerEnv('main', { name: 'X', value: '1' })).toThrow("Deployment 'auth-server' has no container named 'main' (it has: auth-server)");
    patcher.setContainerEnv('auth-server', { name: 'X', value: '1' });
    expect(() => patcher.setContainerEnv('auth-server', { name: 'X', value: '2' })).toThrow("Deployment 'auth-server': env 'X' on container 'auth-server' is already set");
  });

  test('throws if the object has no pod template', () => {
    const chart = Testing.chart();
    const odd = new ApiObject(chart, 'Odd', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'odd' }, spec: {} });
    expect(() => WorkloadPatcher.of(odd).setPodAnnotation('checksum/x', 'o', () => 'h')).toThrow("Deployment 'odd' has no spec.template to annotate");
  });
});
