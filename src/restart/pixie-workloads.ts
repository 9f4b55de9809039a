import { editDistance } from '../validation/edit-distance';

/**
 * The Deployments of a Pixie Cloud install (pixie-io/pixie `k8s/cloud/base`),
 * against which named restart targets are checked for typos.
 */
export const KNOWN_PIXIE_DEPLOYMENTS: readonly string[] = [
  'api-server',
  'artifact-tracker-server',
  'auth-server',
  'cloud-proxy',
  'config-manager-server',
  'cron-script-server',
  'hydra',
  'indexer-server',
  'kratos',
  'metrics-server',
  'plugin-server',
  'profile-server',
  'project-manager-server',
  'scriptmgr-server',
  'vzconn-server',
  'vzmgr-server',
];

/** The workloads the seed says to restart after changing auth config: auth, profile and cloud-proxy. */
export const AUTH_CONFIG_READERS: readonly string[] = ['auth-server', 'profile-server', 'cloud-proxy'];

/** The workload that reads the provider's client credentials. */
export const AUTH_SERVER = 'auth-server';

/** The known name closest to `name`, when it is a likely typo. */
export function closestKnownDeployment(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of KNOWN_PIXIE_DEPLOYMENTS) {
    const d = editDistance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
