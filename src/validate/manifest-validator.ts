import { Problem, describeErrors } from './problem-messages';
import { SchemaRegistry } from './schema-registry';

/** One problem found in one synthesized object. */
export interface ManifestProblem {
  /**
   * The object, as `<kind> <namespace>/<name>`, or `<kind> <name>` when it
   * has no namespace, e.g. `Deployment plc-dev/hydra`.
   */
  readonly object: string;

  /**
   * JSON pointer to the problem inside the object, e.g.
   * `/spec/template/spec/containers/0/imagePullPolicyy`; for an unknown or a
   * missing field, the path of that field.
   */
  readonly path: string;

  /** What is wrong, e.g. `unknown field "imagePullPolicyy"` or `must be integer`. */
  readonly message: string;
}

/**
 * Validates synthesized Kubernetes objects against the Kubernetes 1.27 and
 * External Secrets schemas shipped in this package's `schemas/`, strictly
 * (like `kubeconform -strict`): unknown fields are errors, in `metadata`
 * too, and a kind the validator does not know is a problem in itself.
 *
 * Known kinds: ConfigMap, Secret, Service, ServiceAccount, Namespace
 * (`v1`), Deployment, StatefulSet, DaemonSet (`apps/v1`), Job (`batch/v1`),
 * ExternalSecret (`external-secrets.io/v1`) and Password
 * (`generators.external-secrets.io/v1alpha1`).
 *
 * The schemas are loaded once per process and each kind's validator is
 * compiled the first time it is needed, then reused.
 */
export class ManifestValidator {
  /**
   * Problems with these objects (empty when all are valid): every problem in
   * every object, objects in the order given, problems within one object
   * sorted by path.
   *
   * @param manifests plain objects as synthesized, e.g. `Testing.synth(chart)` or `chart.toJson()`
   */
  public static validate(manifests: any[]): ManifestProblem[] {
    const registry = SchemaRegistry.get();
    const problems: ManifestProblem[] = [];
    manifests.forEach((manifest, index) => {
      const object = describeObject(manifest, index);
      for (const problem of problemsOf(registry, manifest)) {
        problems.push({ object, path: problem.path, message: problem.message });
      }
    });
    return problems;
  }

  /**
   * Throws one Error listing every problem, one per line, formatted
   * `<object> <path>: <message>`, when any object is invalid.
   *
   * @param manifests plain objects as synthesized, e.g. `Testing.synth(chart)` or `chart.toJson()`
   */
  public static assertValid(manifests: any[]): void {
    const problems = ManifestValidator.validate(manifests);
    if (problems.length > 0) {
      throw new Error(problems.map(p => `${p.object} ${p.path}: ${p.message}`).join('\n'));
    }
  }

  private constructor() {}
}

function problemsOf(registry: SchemaRegistry, manifest: any): Problem[] {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return [{ path: '', message: 'must be an object' }];
  }
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return [
      ...typeof apiVersion === 'string' ? [] : [{ path: '/apiVersion', message: 'missing required field "apiVersion"' }],
      ...typeof kind === 'string' ? [] : [{ path: '/kind', message: 'missing required field "kind"' }],
    ];
  }
  const validator = registry.validatorFor(apiVersion, kind);
  if (!validator) {
    const known = registry.apiVersionsOf(kind);
    return known.length > 0
      ? [{ path: '/apiVersion', message: `apiVersion "${apiVersion}" of kind "${kind}" is not known to the validator (known: ${known.join(', ')})` }]
      : [{ path: '/kind', message: `kind "${kind}" (apiVersion "${apiVersion}") is not known to the validator` }];
  }
  return validator(manifest) ? [] : describeErrors(validator.errors ?? []);
}

/** `Kind namespace/name`, `Kind name`, with placeholders for what is missing. */
function describeObject(manifest: any, index: number): string {
  const kind = typeof manifest?.kind === 'string' ? manifest.kind : `object #${index}`;
  const name = typeof manifest?.metadata?.name === 'string' ? manifest.metadata.name : '(no name)';
  const namespace = manifest?.metadata?.namespace;
  return typeof namespace === 'string' ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}
