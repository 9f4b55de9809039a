import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { closestKnownDeployment, KNOWN_PIXIE_DEPLOYMENTS } from './pixie-workloads';
import { checkDnsLabel, checkDnsSubdomain, quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/**
 * Workload kinds whose pod template can carry restart annotations.
 */
export enum WorkloadKind {
  /** apps/v1 Deployment. */
  DEPLOYMENT = 'Deployment',
  /** apps/v1 StatefulSet. */
  STATEFUL_SET = 'StatefulSet',
  /** apps/v1 DaemonSet. */
  DAEMON_SET = 'DaemonSet',
}

/**
 * A workload that lives outside this app (e.g. in Pixie's kustomize base),
 * named by kind, name and namespace.
 */
export interface NamedWorkload {
  /** Name of the workload. */
  readonly name: string;
  /**
   * Namespace of the workload.
   * @default - the namespace of the construct that restarts it
   */
  readonly namespace?: string;
  /**
   * Kind of the workload.
   * @default WorkloadKind.DEPLOYMENT
   */
  readonly kind?: WorkloadKind;
  /**
   * Accept a Deployment name that is not one of Pixie's. Without it, an
   * unknown name is refused as a likely typo.
   * @default false
   */
  readonly allowUnknownName?: boolean;
}

/**
 * A workload whose pods must roll when a source changes: either an object in
 * this app (cdk8s-plus workload, `ApiObject`, or an object pulled in with
 * `Include`), or one named by kind, name and namespace that lives elsewhere.
 */
export class RestartTarget {
  /**
   * A Deployment, StatefulSet or DaemonSet defined or included in this app:
   * the `ApiObject`, a cdk8s-plus workload, or a construct (such as an
   * `Include`) that holds exactly one workload.
   */
  public static fromWorkload(workload: IConstruct): RestartTarget {
    const apiObject = RestartTarget.workloadObject(workload);
    const kind = Object.values(WorkloadKind).find(k => k === apiObject.kind);
    if (!kind) {
      throw new Error(`restart target '${apiObject.node.path}' is a ${apiObject.kind}; use a Deployment, StatefulSet or DaemonSet`);
    }
    return new RestartTarget(kind, apiObject.name, apiObject.metadata.namespace, apiObject);
  }

  /** A workload that lives outside this app; it is restarted through a kustomize patch. */
  public static named(workload: NamedWorkload): RestartTarget {
    const problems = RestartTarget.checkNamed(workload);
    if (problems.length > 0) {
      throw new Error(problems.map(p => `${p.field}: ${p.message}`).join('\n'));
    }
    return new RestartTarget(workload.kind ?? WorkloadKind.DEPLOYMENT, workload.name, workload.namespace, undefined);
  }

  /** Problems with a named workload, with fields prefixed by `fieldPrefix`. */
  public static checkNamed(workload: NamedWorkload, fieldPrefix = ''): InputProblem[] {
    const problems = new ProblemCollector();
    const nameProblem = checkDnsSubdomain(workload.name);
    problems.add(`${fieldPrefix}name`, nameProblem);
    const kind = workload.kind ?? WorkloadKind.DEPLOYMENT;
    if (!nameProblem && kind === WorkloadKind.DEPLOYMENT && !workload.allowUnknownName && !KNOWN_PIXIE_DEPLOYMENTS.includes(workload.name)) {
      const guess = closestKnownDeployment(workload.name);
      problems.add(`${fieldPrefix}name`, `${quote(workload.name)} is not a Pixie Cloud deployment${guess ? `; did you mean ${quote(guess)}?` : ''} (set allowUnknownName to restart a deployment of your own)`);
    }
    if (workload.namespace !== undefined) {
      problems.add(`${fieldPrefix}namespace`, checkDnsLabel(workload.namespace));
    }
    return problems.problems;
  }

  /** `workload` itself (or its default child's object), else the one workload among the ApiObjects it holds. */
  private static workloadObject(workload: IConstruct): ApiObject {
    const own = ownApiObject(workload);
    if (own !== undefined) {
      return own;
    }
    const kinds: string[] = Object.values(WorkloadKind);
    const workloads = workload.node.findAll().filter(ApiObject.isApiObject).filter(o => kinds.includes(o.kind));
    if (workloads.length === 1) {
      return workloads[0];
    }
    const held = workloads.length === 0 ? 'no Deployment, StatefulSet or DaemonSet' : `${workloads.length} workloads (${workloads.map(o => `${o.kind} ${o.name}`).join(', ')})`;
    throw new Error(`restart target '${workload.node.path}' holds ${held}; pass the one workload to restart (an ApiObject such as one of include.apiObjects, a cdk8s-plus workload, or a construct holding just that one)`);
  }

  /** The workload's kind. */
  public readonly kind: WorkloadKind;
  /** The workload's name. */
  public readonly name: string;
  /**
   * The workload's namespace, when known.
   * @default - the restarting construct's namespace
   */
  public readonly namespace?: string;
  /**
   * The workload object, when it is in this app.
   * @default - none: the workload is named and lives outside the app
   */
  public readonly apiObject?: ApiObject;

  private constructor(kind: WorkloadKind, name: string, namespace: string | undefined, apiObject: ApiObject | undefined) {
    this.kind = kind;
    this.name = name;
    this.namespace = namespace;
    this.apiObject = apiObject;
  }

  /** True when the workload lives outside the app. */
  public get isNamed(): boolean {
    return this.apiObject === undefined;
  }

  /** `Kind namespace/name`, for messages and keys. */
  public describe(defaultNamespace?: string): string {
    return `${this.kind} ${this.namespace ?? defaultNamespace ?? ''}/${this.name}`;
  }
}

/**
 * `construct` if it is an ApiObject, else the ApiObject its default children
 * lead to (a cdk8s-plus workload's), as `ApiObject.of` finds it, but
 * undefined instead of an error when there is none (an `Include`, say).
 * @internal
 */
export function ownApiObject(construct: IConstruct): ApiObject | undefined {
  for (let current: IConstruct | undefined = construct; current !== undefined; current = current.node.defaultChild) {
    if (ApiObject.isApiObject(current)) {
      return current;
    }
  }
  return undefined;
}
