import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { AUTH_CONFIG_READERS } from '../restart/pixie-workloads';
import { RestartTarget, WorkloadKind } from '../restart/restart-target';
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
 */
export interface InAppPixieWorkloadsOptions {
  /** The `auth-server` Deployment. It gets the provider's credential env vars. */
  readonly authServer: IConstruct;
  /**
   * The `profile-server` Deployment.
   * @default - not restarted by this app
   */
  readonly profileServer?: IConstruct;
  /**
   * The `cloud-proxy` Deployment.
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

  /** The workloads are in this app; they are annotated and wired in place. */
  public static inApp(options: InAppPixieWorkloadsOptions): PixieWorkloads {
    const objects = [options.authServer, options.profileServer, options.cloudProxy].filter((o): o is IConstruct => o !== undefined);
    const targets = objects.map(o => RestartTarget.fromWorkload(o));
    if (ApiObject.of(options.authServer).name !== 'auth-server') {
      throw new Error(`workloads.authServer: expected the 'auth-server' Deployment, got '${ApiObject.of(options.authServer).name}'`);
    }
    return new PixieWorkloads(targets, undefined);
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
