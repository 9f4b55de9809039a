import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart, Include } from 'cdk8s';
import { checkConfigShape } from './config-shape';
import { CONFIG_PROVIDERS } from './providers';
import { ConfigProvider, ProviderContext } from './providers/config-provider';
import { DEFAULT_NAMESPACE } from '../auth/pixie-auth-base';
import { OAuthConfigMode, PixieWorkloads } from '../auth/pixie-workloads';
import { checkDnsLabel, checkDnsSubdomain, quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/**
 * What the config file built.
 * @internal
 */
export interface BuiltStack {
  /** The chart holding every object. */
  readonly chart: Chart;
  /** The chosen provider's config section. */
  readonly provider: ConfigProvider;
  /** Its section of the config. */
  readonly section: any;
  /** True when Pixie's workloads are named and the output is a kustomize component. */
  readonly kustomize: boolean;
  /** Directory of the component (kustomize) or file name of the manifest (in-app). */
  readonly outputName: string;
}

/** The chart id, and so the manifest's file stem. */
export const CHART_ID = 'pixie-auth';

/**
 * Checks a parsed config completely, reporting every problem at once with
 * its config-file path, then builds the stack into `app`.
 * @param configName the config file as the user named it, for the error's heading
 * @internal
 */
export function buildStack(app: App, config: any, configDir: string, configName?: string): BuiltStack {
  const heading = configName === undefined ? 'Invalid config' : `Invalid config ${configName}`;
  const problems = new ProblemCollector();
  problems.addAll(checkConfigShape(config));
  if (problems.problems.length > 0) {
    problems.throwIfAny(heading);
  }

  const namespace: string = config.namespace ?? DEFAULT_NAMESPACE;
  problems.add('namespace', checkDnsLabel(namespace));
  const pixie = config.pixie ?? {};
  const manifests: string[] = pixie.manifests ?? [];
  const kustomize = manifests.length === 0;
  problems.addAll(checkPixieSection(pixie, configDir, kustomize));
  const output = config.output ?? {};
  const outputName: string = kustomize ? output.componentDirectory ?? 'pixie-auth' : output.fileName ?? `${CHART_ID}.k8s.yaml`;
  if (kustomize) {
    problems.add('output.componentDirectory', checkDnsSubdomain(outputName));
  } else if (!/^[a-z0-9][a-z0-9._-]*\.ya?ml$/.test(outputName)) {
    problems.add('output.fileName', `${quote(outputName)} must be a plain file name ending in .yaml`);
  }
  if (kustomize && output.fileName !== undefined) {
    problems.add('output.fileName', 'applies only when pixie.manifests is set (the output is one manifest file); without it the output is a kustomize component: use output.componentDirectory');
  } else if (!kustomize && output.componentDirectory !== undefined) {
    problems.add('output.componentDirectory', 'applies only to the kustomize component; with pixie.manifests set the output is one manifest file: use output.fileName');
  }

  const chosen = CONFIG_PROVIDERS.filter(p => config[p.key] !== undefined);
  if (chosen.length === 0) {
    problems.add('(top level)', `no provider is configured: add one section of ${CONFIG_PROVIDERS.map(p => p.key).join(', ')}`);
  } else if (chosen.length > 1) {
    problems.add(chosen.map(p => p.key).join(', '), `only one provider may be configured at once; keep one of ${chosen.map(p => p.key).join(' or ')}`);
  }

  const chart = new Chart(app, CHART_ID, { namespace, disableResourceNameHashes: true });
  let workloads: PixieWorkloads | undefined;
  const context: ProviderContext = {
    namespace,
    reloader: pixie.reloader ?? false,
    workloads: () => {
      workloads ??= kustomize
        ? PixieWorkloads.named({
          oauthConfig: pixie.oauthConfig as OAuthConfigMode,
          namespace,
          extraOAuthConfigReaders: pixie.extraOAuthConfigReaders,
        })
        : inAppWorkloads(chart, manifests.map(m => path.resolve(configDir, m)));
      return workloads;
    },
  };
  if (chosen.length === 1) {
    problems.addAll(chosen[0].check(config[chosen[0].key], context));
  }
  problems.throwIfAny(heading);

  const provider = chosen[0];
  provider.build(chart, config[provider.key], context);
  return { chart, provider, section: config[provider.key], kustomize, outputName };
}

function checkPixieSection(pixie: any, configDir: string, kustomize: boolean): InputProblem[] {
  const problems = new ProblemCollector();
  if (kustomize && pixie.oauthConfig === undefined) {
    problems.add('pixie.oauthConfig', 'is required when pixie.manifests is empty (the output is a kustomize component): use "patch" if your kustomize base already has pl-oauth-config (Pixie\'s public configs define it) or "create" if it does not');
  }
  if (!kustomize && pixie.extraOAuthConfigReaders !== undefined) {
    problems.add('pixie.extraOAuthConfigReaders', 'applies only to the kustomize component; with pixie.manifests set, every included Deployment named auth-server, profile-server or cloud-proxy is restarted: remove it');
  }
  if (!kustomize && pixie.oauthConfig !== undefined) {
    problems.add('pixie.oauthConfig', 'applies only to the kustomize component; remove it, or remove pixie.manifests');
  }
  (pixie.manifests ?? []).forEach((file: string, i: number) => {
    if (!fs.existsSync(path.resolve(configDir, file))) {
      problems.add(`pixie.manifests[${i}]`, `${quote(file)} does not exist (paths are relative to the config file)`);
    }
  });
  problems.addAll(PixieWorkloads.checkExtraReaders(pixie.extraOAuthConfigReaders ?? [], 'pixie.'));
  return problems.problems;
}

/** Includes Pixie's manifests and finds auth-server, profile-server and cloud-proxy among them. */
function inAppWorkloads(chart: Chart, files: string[]): PixieWorkloads {
  const byName = new Map<string, ApiObject>();
  files.forEach((file, i) => {
    const include = new Include(chart, `PixieManifest${i}`, { url: file });
    for (const object of include.apiObjects) {
      if (object.kind === 'Deployment') {
        byName.set(object.name, object);
      }
    }
  });
  const authServer = byName.get('auth-server');
  if (!authServer) {
    throw new Error(`pixie.manifests: none of the files defines the auth-server Deployment (found: ${[...byName.keys()].join(', ') || 'no Deployments'})`);
  }
  return PixieWorkloads.inApp({ authServer, profileServer: byName.get('profile-server'), cloudProxy: byName.get('cloud-proxy') });
}
