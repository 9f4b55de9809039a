import { Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KustomizeComponent, ObjectReference } from './kustomize-component';
import { RestartSource } from './restart-source';
import { RestartTarget } from './restart-target';
import { WorkloadPatcher } from './workload-patcher';

/** Stakater Reloader's annotation that names the Secrets a workload reloads on. */
export const RELOADER_SECRET_ANNOTATION = 'secret.reloader.stakater.com/reload';

/**
 * Props for `RestartOnChange`.
 */
export interface RestartOnChangeProps {
  /** The config objects whose content the targets read. */
  readonly sources: RestartSource[];
  /** The workloads to roll when a source changes. */
  readonly targets: RestartTarget[];
  /**
   * Also annotate targets for Stakater Reloader with the names of the Secret
   * and ExternalSecret sources, so values rotated in the external store (which
   * no synth-time hash can see) roll the pods too. Needs Reloader in the cluster.
   * @default false
   */
  readonly reloader?: boolean;
  /**
   * Namespace of named targets that do not give one.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}

/**
 * Rolls exactly the pods that read a config source when its content changes.
 *
 * Each target's pod template gets one annotation per source, `checksum/<name>`,
 * whose value is a content hash of what the pods read (a ConfigMap's data, an
 * ExternalSecret's spec). The hash is taken at synth, so data added after this
 * construct was made still counts. Targets in the app are annotated in place;
 * named targets outside it get strategic-merge patches in the chart's
 * `KustomizeComponent`.
 */
export class RestartOnChange extends Construct {
  /** The sources, in the order given. */
  public readonly sources: RestartSource[];
  /** The targets, in the order given. */
  public readonly targets: RestartTarget[];

  constructor(scope: Construct, id: string, props: RestartOnChangeProps) {
    super(scope, id);
    const keys = new Map<string, number>();
    props.sources.forEach((source, i) => {
      const previous = keys.get(source.annotationKey);
      if (previous !== undefined) {
        throw new Error(`sources[${i}]: ${source.kind} '${source.name}' is the same source as sources[${previous}] (both write '${source.annotationKey}'); list each source once`);
      }
      keys.set(source.annotationKey, i);
    });
    const namespace = props.namespace ?? Chart.of(this).namespace;
    const seenTargets = new Set<string>();
    props.targets.forEach((target, i) => {
      const key = target.describe(namespace);
      if (seenTargets.has(key)) {
        throw new Error(`targets[${i}]: ${key} is listed twice; list each target once`);
      }
      seenTargets.add(key);
    });

    this.sources = [...props.sources];
    this.targets = [...props.targets];
    const owner = `'${this.node.path}'`;
    const reloadSecrets = props.reloader ? () => this.secretNames() : undefined;

    for (const target of this.targets) {
      if (target.apiObject) {
        const patcher = WorkloadPatcher.of(target.apiObject);
        for (const source of this.sources) {
          patcher.setPodAnnotation(source.annotationKey, owner, () => source.hash());
        }
        if (reloadSecrets && reloadSecrets().length > 0) {
          addReloaderSecrets(this, target, namespace, reloadSecrets);
        }
      } else {
        const ref = namedReference(target, namespace);
        const component = KustomizeComponent.of(this);
        for (const source of this.sources) {
          component.addPodTemplateAnnotation(ref, source.annotationKey, { produce: () => source.hash() });
        }
        if (reloadSecrets && reloadSecrets().length > 0) {
          addReloaderSecrets(this, target, namespace, reloadSecrets);
        }
      }
    }
  }

  private secretNames(): string[] {
    return this.sources.map(s => s.secretName).filter((n): n is string => n !== undefined).sort();
  }
}

/** The reference a named target's patch is written against. */
export function namedReference(target: RestartTarget, defaultNamespace: string | undefined): ObjectReference {
  const namespace = target.namespace ?? defaultNamespace;
  if (!namespace) {
    throw new Error(`restart target ${target.describe()} needs a namespace: give one, or set the chart's namespace`);
  }
  return { apiVersion: 'apps/v1', kind: target.kind, name: target.name, namespace };
}

/**
 * Adds Secret names to a target's Stakater Reloader annotation, in the app or
 * through the chart's component; several callers add up.
 * @internal
 */
export function addReloaderSecrets(scope: Construct, target: RestartTarget, namespace: string | undefined, names: () => string[]): void {
  if (target.apiObject) {
    const apiObject = target.apiObject;
    reloadOn(apiObject, '', names, produce => apiObject.metadata.addAnnotation(RELOADER_SECRET_ANNOTATION, Lazy.any({ produce })));
  } else {
    const component = KustomizeComponent.of(scope);
    const ref = namedReference(target, namespace);
    reloadOn(component, target.describe(namespace), names, produce => component.addAnnotation(ref, RELOADER_SECRET_ANNOTATION, { produce }));
  }
}

/** Secret names per reloaded workload (keyed by its object or component), so several constructs add up. */
const RELOADED = new WeakMap<object, Map<string, Array<() => string[]>>>();

/**
 * Adds `names` to a workload's Reloader annotation; the first call for the
 * workload sets the annotation, whose value joins every call's names at synth.
 */
function reloadOn(owner: object, workload: string, names: () => string[], annotate: (produce: () => string) => void): void {
  const byWorkload = RELOADED.get(owner) ?? new Map<string, Array<() => string[]>>();
  RELOADED.set(owner, byWorkload);
  const producers = byWorkload.get(workload) ?? [];
  if (!byWorkload.has(workload)) {
    byWorkload.set(workload, producers);
    annotate(() => [...new Set(producers.flatMap(p => p()))].sort().join(','));
  }
  producers.push(names);
}
