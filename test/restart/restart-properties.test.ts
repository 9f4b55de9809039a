import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { parse } from 'yaml';
import { ContentHash } from '../../src/restart/content-hash';
import { KustomizeComponent } from '../../src/restart/kustomize-component';
import { RestartOnChange } from '../../src/restart/restart-on-change';
import { RestartSource } from '../../src/restart/restart-source';
import { RestartTarget, WorkloadKind } from '../../src/restart/restart-target';

/** Each run builds and synthesizes a chart, so fewer runs than the pure hash properties; still repeatable. */
const RUNS = { numRuns: 100, seed: 20240611 };

const podSpec = { containers: [{ name: 'main', image: 'busybox' }] };
const dataKey = fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/);
const data = fc.dictionary(dataKey, fc.string({ maxLength: 12 }), { maxKeys: 4 });

/** Which targets each source restarts: `wiring[s][t]`. Targets alternate between in-app and named, across kinds. */
const plan = fc.record({
  sources: fc.array(data, { minLength: 1, maxLength: 4 }),
  targetCount: fc.integer({ min: 1, max: 5 }),
}).chain(({ sources, targetCount }) => fc.record({
  sources: fc.constant(sources),
  targetCount: fc.constant(targetCount),
  wiring: fc.array(
    fc.array(fc.boolean(), { minLength: targetCount, maxLength: targetCount }),
    { minLength: sources.length, maxLength: sources.length },
  ),
  inApp: fc.array(fc.boolean(), { minLength: targetCount, maxLength: targetCount }),
}));

const KINDS = [WorkloadKind.DEPLOYMENT, WorkloadKind.STATEFUL_SET, WorkloadKind.DAEMON_SET];

function makeTarget(chart: Chart, index: number, inApp: boolean): RestartTarget {
  const kind = KINDS[index % KINDS.length];
  const name = `workload-${index}`;
  if (!inApp) {
    return RestartTarget.named({ name, kind, allowUnknownName: true });
  }
  const metadata = { name };
  const selector = { matchLabels: { app: name } };
  const template = { metadata: { labels: { app: name } }, spec: podSpec };
  switch (kind) {
    case WorkloadKind.DEPLOYMENT:
      return RestartTarget.fromWorkload(new kplus.Deployment(chart, name, { metadata, containers: [{ image: 'busybox' }] }));
    case WorkloadKind.STATEFUL_SET:
      return RestartTarget.fromWorkload(new kplus.k8s.KubeStatefulSet(chart, name, { metadata, spec: { selector, serviceName: name, template } }));
    default:
      return RestartTarget.fromWorkload(new kplus.k8s.KubeDaemonSet(chart, name, { metadata, spec: { selector, template } }));
  }
}

/** The checksum annotations each target ends up with, in the app or in the component. */
function checksumsOf(chart: Chart, targets: RestartTarget[]): Array<Record<string, string>> {
  const manifests = Testing.synth(chart);
  const files = KustomizeComponent.tryOf(chart)?.renderFiles() ?? [];
  return targets.map(target => {
    const object = target.isNamed
      ? files.filter(f => f.path.startsWith('patches/')).map(f => parse(f.content)).find(o => o.kind === target.kind && o.metadata?.name === target.name)
      : manifests.find(o => o.kind === target.kind && o.metadata.name === target.name);
    const annotations = object?.spec?.template?.metadata?.annotations ?? {};
    return Object.fromEntries(Object.entries(annotations).filter(([k]) => k.startsWith('checksum/'))) as Record<string, string>;
  });
}

describe('RestartOnChange properties', () => {
  test('a target is annotated only for the sources it is given, with their hashes', () => {
    fc.assert(fc.property(plan, ({ sources, targetCount, wiring, inApp }) => {
      // GIVEN
      const chart = new Chart(Testing.app(), 'c', { namespace: 'plc-dev', disableResourceNameHashes: true });
      const configMaps = sources.map((d, s) => new kplus.ConfigMap(chart, `source-${s}`, { metadata: { name: `source-${s}` }, data: d }));
      const targets = Array.from({ length: targetCount }, (_, t) => makeTarget(chart, t, inApp[t]));

      // WHEN each source restarts its chosen targets
      configMaps.forEach((configMap, s) => {
        new RestartOnChange(chart, `Restart${s}`, {
          sources: [RestartSource.fromConfigMap(configMap)],
          targets: targets.filter((_, t) => wiring[s][t]),
        });
      });

      // THEN
      const hashes = Testing.synth(chart).filter(o => o.kind === 'ConfigMap').map(o => [o.metadata.name, ContentHash.ofConfigMap(o)]);
      const expected = targets.map((_, t) => Object.fromEntries(hashes.filter((__, s) => wiring[s][t]).map(([name, hash]) => [`checksum/${name}`, hash])));
      expect(checksumsOf(chart, targets)).toStrictEqual(expected);
    }), RUNS);
  });

  test('a source has the same hash whether its target is in the app or named', () => {
    fc.assert(fc.property(data, fc.dictionary(dataKey, fc.string(), { maxKeys: 3 }), (d, labels) => {
      // GIVEN
      const chart = new Chart(Testing.app(), 'c', { namespace: 'plc-dev', disableResourceNameHashes: true });
      const configMap = new kplus.ConfigMap(chart, 'Config', { metadata: { name: 'pl-oauth-config', labels }, data: d });
      const targets = [makeTarget(chart, 0, true), makeTarget(chart, 1, false)];

      // WHEN
      new RestartOnChange(chart, 'Restart', { sources: [RestartSource.fromConfigMap(configMap)], targets });

      // THEN
      const [inApp, named] = checksumsOf(chart, targets);
      // (cdk8s-plus drops `data` whose values are all empty, so hash what it synthesizes)
      const synthesized = Testing.synth(chart).find(o => o.kind === 'ConfigMap');
      expect(inApp).toStrictEqual({ 'checksum/pl-oauth-config': ContentHash.ofConfigMap(synthesized) });
      expect(named).toStrictEqual(inApp);
    }), RUNS);
  });
});
