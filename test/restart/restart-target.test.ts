import * as path from 'path';
import { ApiObject, Chart, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { RestartTarget, WorkloadKind } from '../../src/restart/restart-target';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

const podSpec = { containers: [{ name: 'main', image: 'busybox' }] };
const template = { metadata: { labels: { app: 'x' } }, spec: podSpec };
const selector = { matchLabels: { app: 'x' } };

describe('RestartTarget', () => {
  test('fromWorkload() takes a cdk8s-plus Deployment, a KubeStatefulSet, a KubeDaemonSet and an included Deployment', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'plc-dev' });
    const deployment = new kplus.Deployment(chart, 'Deploy', { metadata: { name: 'auth-server' }, containers: [{ image: 'busybox' }] });
    const statefulSet = new kplus.k8s.KubeStatefulSet(chart, 'Sts', { metadata: { name: 'db' }, spec: { selector, serviceName: 'db', template } });
    const daemonSet = new kplus.k8s.KubeDaemonSet(chart, 'Ds', { metadata: { name: 'agent', namespace: 'other' }, spec: { selector, template } });
    const include = new Include(chart, 'Pixie', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_deployment.yaml') });

    // WHEN
    const targets = [deployment, statefulSet, daemonSet, include.apiObjects[0]].map(w => RestartTarget.fromWorkload(w));

    // THEN
    expect(targets.map(t => [t.kind, t.name, t.namespace, t.isNamed])).toStrictEqual([
      [WorkloadKind.DEPLOYMENT, 'auth-server', 'plc-dev', false],
      [WorkloadKind.STATEFUL_SET, 'db', 'plc-dev', false],
      [WorkloadKind.DAEMON_SET, 'agent', 'other', false],
      [WorkloadKind.DEPLOYMENT, 'auth-server', 'plc-dev', false],
    ]);
    expect(targets[0].apiObject).toBe(ApiObject.of(deployment));
    expect(targets[1].describe()).toBe('StatefulSet plc-dev/db');
  });

  test('fromWorkload() takes an Include of a manifest holding one workload, and names the workloads when it holds several or none', () => {
    // GIVEN Pixie's auth-server manifest (one Deployment) and a construct holding two Deployments and a Service
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'plc-dev' });
    const auth = new Include(chart, 'Auth', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_deployment.yaml') });
    const both = new Include(chart, 'Both', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'profile_deployment.yaml') });
    new Include(both, 'Proxy', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'proxy_deployment.yaml') });
    const service = new Include(chart, 'Service', { url: path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_service.yaml') });

    // WHEN
    const target = RestartTarget.fromWorkload(auth);

    // THEN
    expect([target.kind, target.name, target.isNamed]).toStrictEqual([WorkloadKind.DEPLOYMENT, 'auth-server', false]);
    expect(target.apiObject).toBe(auth.apiObjects[0]);
    expect(() => RestartTarget.fromWorkload(both)).toThrow(
      "restart target 'c/Both' holds 2 workloads (Deployment profile-server, Deployment cloud-proxy); pass the one workload to restart",
    );
    expect(() => RestartTarget.fromWorkload(service)).toThrow("restart target 'c/Service' holds no Deployment, StatefulSet or DaemonSet; pass the one workload to restart");
  });

  test('named() defaults to a Deployment whose namespace comes from the restarting construct', () => {
    // WHEN
    const target = RestartTarget.named({ name: 'profile-server' });

    // THEN
    expect(target.kind).toBe(WorkloadKind.DEPLOYMENT);
    expect(target.namespace).toBeUndefined();
    expect(target.apiObject).toBeUndefined();
    expect(target.isNamed).toBe(true);
    expect(target.describe('plc-dev')).toBe('Deployment plc-dev/profile-server');
  });

  test('named() takes StatefulSets and DaemonSets of any name', () => {
    const sts = RestartTarget.named({ name: 'my-db', kind: WorkloadKind.STATEFUL_SET, namespace: 'data' });
    const ds = RestartTarget.named({ name: 'node-agent', kind: WorkloadKind.DAEMON_SET });
    expect([sts.describe(), ds.describe('plc-dev')]).toStrictEqual(['StatefulSet data/my-db', 'DaemonSet plc-dev/node-agent']);
  });

  test('named() accepts an unknown Deployment name when allowed', () => {
    expect(RestartTarget.named({ name: 'my-own-server', allowUnknownName: true }).name).toBe('my-own-server');
  });

  test('throws if a named Deployment is not one of Pixie\'s, suggesting the closest', () => {
    expect(() => RestartTarget.named({ name: 'auth-sever' })).toThrow(
      'name: "auth-sever" is not a Pixie Cloud deployment; did you mean "auth-server"? (set allowUnknownName to restart a deployment of your own)',
    );
    expect(() => RestartTarget.named({ name: 'totally-different' })).toThrow(
      'name: "totally-different" is not a Pixie Cloud deployment (set allowUnknownName to restart a deployment of your own)',
    );
  });

  test('throws if the name or namespace is not a valid Kubernetes name', () => {
    expect(() => RestartTarget.named({ name: 'Auth_Server', allowUnknownName: true })).toThrow(/^name: "Auth_Server" is not a valid DNS-1123 name/);
    expect(() => RestartTarget.named({ name: 'auth-server', namespace: 'plc.dev' })).toThrow(/^namespace: "plc.dev" is not a valid DNS-1123 label/);
  });

  test('checkNamed() reports every problem with the given field prefix', () => {
    const problems = RestartTarget.checkNamed({ name: 'auth-sever', namespace: 'Bad' }, 'pixie.extra[0].');
    expect(problems.map(p => p.field)).toStrictEqual(['pixie.extra[0].name', 'pixie.extra[0].namespace']);
  });

  test('throws if the in-app object is not a workload with a pod template', () => {
    const chart = Testing.chart();
    const configMap = new kplus.ConfigMap(chart, 'Config');
    const job = new kplus.k8s.KubeJob(chart, 'Job', { spec: { template: { spec: podSpec } } });
    expect(() => RestartTarget.fromWorkload(configMap)).toThrow("restart target 'test/Config/Resource' is a ConfigMap; use a Deployment, StatefulSet or DaemonSet");
    expect(() => RestartTarget.fromWorkload(job)).toThrow("restart target 'test/Job' is a Job; use a Deployment, StatefulSet or DaemonSet");
  });
});
