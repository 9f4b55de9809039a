import * as fs from 'fs';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { keyPaths, podSpecOf, restrictedViolations, WORKLOAD_KINDS } from './pod-security';
import { synthesizeConfig, synthesizeConfigFile, SynthResult } from '../../src/cli/synthesize';
import { PIXIE_REFERENCE_DIR } from '../support/reference';
import { REPO_ROOT } from '../support/temp-config';

/*
 * Pod Security Standards `restricted` for every workload we generate.
 *
 * What we write, per output form:
 * - kustomize component (the default): workloads in resources.yaml are ours
 *   and must be `restricted`. Files in patches/ change Pixie's own
 *   Deployments (auth-server, profile-server, cloud-proxy): pod-template
 *   annotations and auth-server's env only. They must not touch anything
 *   PSS looks at (securityContext, host namespaces, volumes, ports).
 * - one manifest with `pixie.manifests` (Pixie's Deployments `Include`d):
 *   we change the same three Deployments the same way. Their security
 *   settings must come out exactly as in Pixie's files; auth-server (whose
 *   container we change) and profile-server are `restricted`. Pixie's own
 *   cloud-proxy is not (its openresty container adds CHOWN, SETUID and
 *   friends and sets no runAsNonRoot): we only annotate its pod template and
 *   leave that to Pixie. Any other workload in the manifest is ours.
 */

const PIXIE_BASE = path.join(PIXIE_REFERENCE_DIR, 'base');
const PIXIE_FILES = ['auth_deployment.yaml', 'profile_deployment.yaml', 'proxy_deployment.yaml'];
/** Pixie's Deployments we change and that Pixie already makes `restricted`. */
const RESTRICTED_PIXIE_DEPLOYMENTS = ['auth-server', 'profile-server'];
/** The workloads each provider generates (so that a pass is not vacuous); auth0 and oidc generate none. */
const GENERATED_WORKLOADS: Record<string, string[]> = { oss: ['Deployment/hydra', 'Deployment/kratos'] };
/** Fields of a pod spec that Pod Security Standards look at. */
const PSS_FIELDS = ['securityContext', 'hostNetwork', 'hostPID', 'hostIPC', 'volumes', 'ports', 'hostPort', 'privileged', 'capabilities'];

/** Every provider's example config and the default config. */
const CONFIG_FILES = [
  ...fs.readdirSync(path.join(REPO_ROOT, 'examples')).filter(f => /\.ya?ml$/.test(f)).map(f => path.join('examples', f)),
  'pixie-auth.yaml',
].sort();

interface Manifest { readonly file: string; readonly object: any }

function manifests(result: SynthResult): Manifest[] {
  return result.files.flatMap(f => parseAllDocuments(f.content).map(d => ({ file: f.path, object: d.toJS() })))
    .filter(m => m.object && WORKLOAD_KINDS.includes(m.object.kind));
}

/** Pixie's own Deployments, by name. */
const pixieOriginals = new Map<string, any>(PIXIE_FILES.map(f => {
  const object = parse(fs.readFileSync(path.join(PIXIE_BASE, f), 'utf8'));
  return [object.metadata.name, object];
}));

/** The security settings of a workload: pod securityContext and each container's. */
function securitySettings(workload: any): unknown {
  const pod = podSpecOf(workload);
  const containers = [...(pod.initContainers ?? []), ...pod.containers];
  return {
    pod: pod.securityContext,
    containers: containers.map((c: any) => ({ name: c.name, securityContext: c.securityContext })),
    host: [pod.hostNetwork, pod.hostPID, pod.hostIPC],
    volumes: pod.volumes,
  };
}

/** The config file with Pixie's three Deployments `Include`d instead of a kustomize component. */
function inAppVariant(file: string): any {
  const config = parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
  delete config.output;
  config.pixie = { ...config.pixie, manifests: PIXIE_FILES.map(f => path.join(PIXIE_BASE, f)) };
  delete config.pixie.oauthConfig;
  return config;
}

describe('Pod Security Standards: restricted', () => {
  describe.each(CONFIG_FILES)('%s', file => {
    test('as a kustomize component: our workloads are restricted, and patches leave Pixie\'s security settings alone', () => {
      // WHEN
      const result = synthesizeConfigFile(path.join(REPO_ROOT, file));
      const workloads = manifests(result);
      // THEN
      const ours = workloads.filter(w => !w.file.includes('/patches/'));
      const patches = workloads.filter(w => w.file.includes('/patches/'));
      expect(ours.map(w => `${w.object.kind}/${w.object.metadata.name}`)).toStrictEqual(GENERATED_WORKLOADS[result.provider] ?? []);
      expect(ours.flatMap(w => restrictedViolations(w.object))).toStrictEqual([]);
      expect(patches.length).toBeGreaterThan(0);
      for (const patch of patches) {
        expect([patch.file, keyPaths(patch.object, PSS_FIELDS)]).toStrictEqual([patch.file, []]);
      }
    });

    test('with Pixie\'s manifests included: their security settings come out unchanged, and every other workload is restricted', () => {
      // WHEN
      const workloads = manifests(synthesizeConfig(inAppVariant(file), REPO_ROOT)).map(w => w.object);
      // THEN
      const included = workloads.filter(w => w.kind === 'Deployment' && pixieOriginals.has(w.metadata.name));
      expect(included.map(w => w.metadata.name).sort()).toStrictEqual([...pixieOriginals.keys()].sort());
      for (const workload of included) {
        expect(securitySettings(workload)).toStrictEqual(securitySettings(pixieOriginals.get(workload.metadata.name)));
      }
      const mustBeRestricted = workloads.filter(w => !included.includes(w) || RESTRICTED_PIXIE_DEPLOYMENTS.includes(w.metadata.name));
      expect(mustBeRestricted.flatMap(w => restrictedViolations(w))).toStrictEqual([]);
    });
  });

  test('the check catches each violation (so a pass means something)', () => {
    // GIVEN a Deployment that breaks every rule the check knows
    const bad = {
      kind: 'Deployment',
      metadata: { name: 'bad' },
      spec: {
        template: {
          spec: {
            hostNetwork: true,
            securityContext: { runAsUser: 0 },
            volumes: [{ name: 'host', hostPath: { path: '/' } }],
            initContainers: [{ name: 'init', image: 'busybox' }],
            containers: [{
              name: 'main',
              image: 'busybox',
              ports: [{ containerPort: 80, hostPort: 80 }],
              securityContext: { privileged: true, allowPrivilegeEscalation: true, capabilities: { add: ['SYS_ADMIN'], drop: ['NET_RAW'] } },
            }],
          },
        },
      },
    };
    // THEN
    expect(restrictedViolations(bad)).toStrictEqual([
      'Deployment bad: pod securityContext.runAsNonRoot must be true',
      'Deployment bad: pod securityContext.seccompProfile.type must be RuntimeDefault',
      'Deployment bad: pod securityContext.runAsUser must not be 0',
      'Deployment bad: hostNetwork must not be set',
      'Deployment bad: volume host is a hostPath volume',
      'Deployment bad container init: runAsNonRoot must be true',
      'Deployment bad container init: seccompProfile.type must be RuntimeDefault',
      'Deployment bad container init: allowPrivilegeEscalation must be false',
      'Deployment bad container init: capabilities.drop must contain ALL',
      'Deployment bad container main: runAsNonRoot must be true',
      'Deployment bad container main: seccompProfile.type must be RuntimeDefault',
      'Deployment bad container main: allowPrivilegeEscalation must be false',
      'Deployment bad container main: capabilities.drop must contain ALL',
      'Deployment bad container main: capabilities.add may only hold NET_BIND_SERVICE, got SYS_ADMIN',
      'Deployment bad container main: privileged must not be set',
      'Deployment bad container main: hostPort must not be set',
    ]);
    // AND Pixie's own cloud-proxy, which we leave alone, is indeed not restricted
    expect(restrictedViolations(pixieOriginals.get('cloud-proxy')).length).toBeGreaterThan(0);
  });
});
