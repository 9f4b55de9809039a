import * as path from 'path';
import { ApiObject, Chart, Include } from 'cdk8s';
import { PIXIE_REFERENCE_DIR } from './reference';
import { PixieWorkloads } from '../../src';

/** Pixie's base manifests. */
const PIXIE_BASE = path.join(PIXIE_REFERENCE_DIR, 'base');

/** Includes Pixie's real auth, profile and proxy Deployments into the chart, by name. */
export function includePixie(chart: Chart): Record<string, ApiObject> {
  const byName: Record<string, ApiObject> = {};
  for (const file of ['auth', 'profile', 'proxy']) {
    const include = new Include(chart, file, { url: path.join(PIXIE_BASE, `${file}_deployment.yaml`) });
    include.apiObjects.forEach(o => (byName[o.name] = o));
  }
  return byName;
}

/** Pixie's three Deployments, included into the chart, as in-app workloads. */
export function includedPixieWorkloads(chart: Chart): PixieWorkloads {
  const pixie = includePixie(chart);
  return PixieWorkloads.inApp({ authServer: pixie['auth-server'], profileServer: pixie['profile-server'], cloudProxy: pixie['cloud-proxy'] });
}

/** The object of that kind and name. */
export const find = (objects: any[], kind: string, name: string) => objects.find(o => o.kind === kind && o.metadata.name === name);
