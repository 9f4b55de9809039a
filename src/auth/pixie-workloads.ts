import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AUTH_CONFIG_READERS } from '../restart/pixie-workloads';
import { ownApiObject, RestartTarget, WorkloadKind } from '../restart/restart-target';
import { quote } from '../validation/field-checks';
import { InputProblem, InvalidInputError, ProblemCollector } from '../validation/problems';

/**
 * Whether pl-oauth-config is created by the component or patched into a
 * kustomize base that already has it.
 */
export enum OAuthConfigMode {
  /** The base has no pl-oauth-config (e.g. Pixie's `k8s/cloud/dev`): the component creates it. */
  CREATE = 'create',
  /** The base already has pl-oauth-config (Pixie's public configs define it): the component patches it. */
  PATCH = 'patch',
}

/**
 * Options for Pixie workloads that live outside the app, in a kustomize base.
 */
export interface NamedPixieWorkloadsOptions {
  /** Create pl-oauth-config, or patch the one the base already has. Must be chosen. */
  readonly oauthConfig: OAuthConfigMode;
  /**
   * Namespace of the workloads.
   * @default - the auth construct's namespace
   */
  readonly namespace?: string;
  /**
   * Names of further Deployments that read pl-oauth-config.
   * @default - none beyond auth-server, profile-server and cloud-proxy
   */
  readonly extraOAuthConfigReaders?: string[];
}

/**
 * The Pixie workloads defined or included in this app.
 *
 * Each prop takes the Deployment as a cdk8s user has it: an `ApiObject`
 * (e.g. a `KubeDeployment`, or one of `include.apiObjects`), a cdk8s-plus
 * `Deployment`, or a construct that contains it, such as an `Include` of
 * Pixie's `auth_deployment.yaml`. In a construct holding several
 * Deployments, the one with the expected name is taken, so one `Include` of
 * all of Pixie's Deployments can be passed to every prop.
 */
export interface InAppPixieWorkloadsOptions {
  /**
   * The `auth-server` Deployment, or a construct (e.g. an `Include`) that
   * contains it. It gets the provider's credential env vars.
   */
  readonly authServer: IConstruct;
  /**
   * The `profile-server` Deployment, or a construct (e.g. an `Include`) that
   * contains it.
   * @default - not restarted by this app
   */
  readonly profileServer?: IConstruct;
  /**
   * The `cloud-proxy` Deployment, or a construct (e.g. an `Include`) that
   * contains it.
   * @default - not restarted by this app
   */
  readonly cloudProxy?: IConstruct;
}

/**
 * Where Pixie's auth-server, profile-server and cloud-proxy live: in this app
 * (cdk8s-plus, `ApiObject` or `Include`d), or outside it in a kustomize base,
 * in which case the auth constructs write a kustomize Component.
 */
export class PixieWorkloads {
  /** The workloads live in a kustomize base; restarts and env wiring become component patches. */
  public static named(options: NamedPixieWorkloadsOptions): PixieWorkloads {
    const problems = PixieWorkloads.checkExtraReaders(options.extraOAuthConfigReaders ?? []);
    if (problems.length > 0) {
      throw new InvalidInputError(problems, 'Invalid PixieWorkloads options');
    }
    const names = [...AUTH_CONFIG_READERS, ...(options.extraOAuthConfigReaders ?? [])];
    return new PixieWorkloads(
      names.map(name => RestartTarget.named({ name, namespace: options.namespace, kind: WorkloadKind.DEPLOYMENT })),
      options.oauthConfig,
    );
  }

  /**
   * Problems with `extraOAuthConfigReaders` (unknown or invalid names, names
   * given twice or already restarted), fields prefixed by `fieldPrefix`.
   */
  public static checkExtraReaders(names: string[], fieldPrefix = ''): InputProblem[] {
    const problems = new ProblemCollector();
    names.forEach((name, i) => {
      const field = `${fieldPrefix}extraOAuthConfigReaders[${i}]`;
      const first = names.indexOf(name);
      if (AUTH_CONFIG_READERS.includes(name)) {
        problems.add(field, `${quote(name)} is always restarted on pl-oauth-config changes (as are ${AUTH_CONFIG_READERS.join(', ')}); remove it`);
      } else if (first < i) {
        problems.add(field, `${quote(name)} is listed twice (also at extraOAuthConfigReaders[${first}]); list each deployment once`);
      } else {
        problems.addAll(RestartTarget.checkNamed({ name }, `${field}.`).map(p => ({ ...p, field: p.field.replace(/\.name$/, '') })));
      }
    });
    return problems.problems;
  }

  /**
   * The workloads are in this app; they are annotated and wired in place.
   *
   * Each option takes the Deployment itself (an `ApiObject` or a cdk8s-plus
   * `Deployment`) or a construct containing it, such as an `Include` of
   * Pixie's manifest; see `InAppPixieWorkloadsOptions`.
   *
   * @throws if a construct holds no Deployment of the expected name, or a
   * Deployment is not named `auth-server`, `profile-server` or `cloud-proxy`
   * as its option says
   */
  public static inApp(options: InAppPixieWorkloadsOptions): PixieWorkloads {
    const given: Array<[string, IConstruct | undefined]> = [
      ['authServer', options.authServer],
      ['profileServer', options.profileServer],
      ['cloudProxy', options.cloudProxy],
    ];
    const targets: RestartTarget[] = [];
    given.forEach(([prop, workload], i) => {
      if (workload !== undefined) {
        targets.push(RestartTarget.fromWorkload(PixieWorkloads.deploymentIn(workload, prop, AUTH_CONFIG_READERS[i])));
      }
    });
    return new PixieWorkloads(targets, undefined);
  }

  /**
   * The Deployment `expected` that `workload` is or holds: the object itself
   * (or a cdk8s-plus workload's), else the only Deployment among the
   * construct's ApiObjects, or the one named `expected` among several.
   */
  private static deploymentIn(workload: IConstruct, prop: string, expected: string): ApiObject {
    const field = `workloads.${prop}`;
    const own = ownApiObject(workload);
    if (own !== undefined) {
      if (own.name !== expected) {
        throw new Error(`${field}: expected the '${expected}' Deployment, got '${own.name}'`);
      }
      return own;
    }
    const fix = `pass PixieWorkloads.inApp the '${expected}' Deployment (an ApiObject such as one of include.apiObjects, or a cdk8s-plus Deployment) or a construct that contains it, such as an Include of Pixie's manifest that defines it`;
    const objects = workload.node.findAll().filter(ApiObject.isApiObject);
    const deployments = objects.filter(o => o.kind === WorkloadKind.DEPLOYMENT);
    const where = `'${workload.node.path}' (${workload.constructor.name})`;
    if (deployments.length === 0) {
      const found = objects.length === 0 ? 'no Kubernetes objects' : `no Deployment (only ${objects.map(o => `${o.kind} ${o.name}`).join(', ')})`;
      throw new Error(`${field}: ${where} holds ${found}; ${fix}`);
    }
    const named = deployments.filter(o => o.name === expected);
    if (named.length === 1) {
      return named[0];
    }
    const names = deployments.map(o => `'${o.name}'`).join(', ');
    if (named.length > 1) {
      throw new Error(`${field}: ${where} holds ${named.length} Deployments named '${expected}'; ${fix}`);
    }
    if (deployments.length === 1) {
      throw new Error(`${field}: expected the '${expected}' Deployment, got '${deployments[0].name}' from ${where}; ${fix}`);
    }
    throw new Error(`${field}: ${where} holds the Deployments ${names}, none named '${expected}'; ${fix}`);
  }

  /** The workloads that read pl-oauth-config; the first is auth-server. */
  public readonly oauthConfigReaders: RestartTarget[];
  /**
   * How pl-oauth-config reaches a kustomize base.
   * @default - not applicable: the workloads are in the app
   */
  public readonly oauthConfigMode?: OAuthConfigMode;

  private constructor(readers: RestartTarget[], mode: OAuthConfigMode | undefined) {
    this.oauthConfigReaders = readers;
    this.oauthConfigMode = mode;
  }

  /** auth-server, which reads the provider's client credentials. */
  public get authServer(): RestartTarget {
    return this.oauthConfigReaders[0];
  }

  /** True when the workloads live outside the app. */
  public get areNamed(): boolean {
    return this.oauthConfigMode !== undefined;
  }
}
