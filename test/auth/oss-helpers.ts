import * as path from 'path';
import { ApiObject, Chart, Include, Testing } from 'cdk8s';
import { OAuthConfigMode, OssAuth, OssAuthProps, PixieWorkloads } from '../../src';
import { KustomizeComponent } from '../../src/restart/kustomize-component';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

/** OssAuth props over Pixie's kustomize base (named workloads), with `overrides`. */
export function ossProps(overrides: Partial<OssAuthProps> = {}): OssAuthProps {
  return { workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }), ...overrides };
}

/** A chart with one OssAuth; returns the chart and the construct. */
export function ossChart(overrides: Partial<OssAuthProps> = {}): { chart: Chart; oss: OssAuth } {
  const chart = Testing.chart();
  const oss = new OssAuth(chart, 'Oss', ossProps(overrides));
  return { chart, oss };
}

/** The objects an OssAuth with `overrides` synthesizes. */
export function ossObjects(overrides: Partial<OssAuthProps> = {}): any[] {
  return Testing.synth(ossChart(overrides).chart);
}

/** The component's patch files, parsed, by path. */
export function componentPatches(chart: Chart): Record<string, string> {
  return Object.fromEntries(KustomizeComponent.of(chart).renderFiles().map(f => [f.path, f.content]));
}

/** A chart that includes Pixie's real auth, profile and proxy Deployments, and an OssAuth wired to them. */
export function inAppObjects(overrides: Partial<OssAuthProps> = {}): any[] {
  const chart = new Chart(Testing.app(), 'test', { namespace: 'plc-dev' });
  const byName: Record<string, ApiObject> = {};
  for (const file of ['auth', 'profile', 'proxy']) {
    const include = new Include(chart, file, { url: path.join(PIXIE_REFERENCE_DIR, 'base', `${file}_deployment.yaml`) });
    include.apiObjects.forEach(o => (byName[o.name] = o));
  }
  new OssAuth(chart, 'Oss', ossProps({
    workloads: PixieWorkloads.inApp({ authServer: byName['auth-server'], profileServer: byName['profile-server'], cloudProxy: byName['cloud-proxy'] }),
    ...overrides,
  }));
  return Testing.synth(chart);
}

export const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);
export const container = (objects: any[], deployment: string, name: string) =>
  [...find(objects, 'Deployment', deployment).spec.template.spec.initContainers ?? [], ...find(objects, 'Deployment', deployment).spec.template.spec.containers]
    .find((c: any) => c.name === name);
export const envOf = (c: any) => Object.fromEntries((c.env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]));
