import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { OAuthConfigMode, PixieWorkloads } from './pixie-workloads';
import { KustomizeComponent } from '../restart/kustomize-component';
import { addReloaderSecrets, namedReference, RestartOnChange } from '../restart/restart-on-change';
import { RestartSource } from '../restart/restart-source';
import { WorkloadPatcher } from '../restart/workload-patcher';
import { ClientCredentials } from '../secrets/client-credentials';
import { StoreBackedSecret, storeSyncOptions } from '../secrets/store-backed-secret';
import { duplicateObjects } from '../validate/duplicate-objects';
import { checkDnsLabel } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/** The namespace Pixie's dev overlay deploys the cloud into. */
export const DEFAULT_NAMESPACE = 'plc-dev';

/** The ConfigMap that Pixie's auth-server and cloud-proxy read the provider from. */
export const OAUTH_CONFIG_NAME = 'pl-oauth-config';

/**
 * Props shared by every provider construct.
 */
export interface PixieAuthOptions {
  /**
   * Namespace of Pixie Cloud.
   * @default - the chart's namespace, or 'plc-dev' if the chart has none
   */
  readonly namespace?: string;
  /** Where auth-server, profile-server and cloud-proxy live: in the app, or named in a kustomize base. */
  readonly workloads: PixieWorkloads;
  /**
   * Also annotate the workloads for Stakater Reloader, so secrets rotated in
   * the external store roll the pods that read them.
   * @default false
   */
  readonly reloader?: boolean;
}

/** An env var that auth-server reads from the provider's credentials Secret. */
export interface CredentialEnv {
  /** Env var name, e.g. `PL_AUTH0_CLIENT_SECRET`. */
  readonly envName: string;
  /** Key in the Secret, e.g. `auth0-client-secret`. */
  readonly secretKey: string;
}

/** The Secret keys and auth-server env vars of a provider's OAuth client credentials. */
export interface ClientCredentialKeys {
  /** Secret key of the client id, e.g. `auth0-client-id`. */
  readonly clientIdKey: string;
  /** Secret key of the client secret, e.g. `auth0-client-secret`. */
  readonly clientSecretKey: string;
  /** Env var auth-server reads the client id from, e.g. `PL_AUTH0_CLIENT_ID`. */
  readonly clientIdEnv: string;
  /** Env var auth-server reads the client secret from, e.g. `PL_AUTH0_CLIENT_SECRET`. */
  readonly clientSecretEnv: string;
}

/**
 * What every provider construct shares: the namespace, pl-oauth-config, the
 * credential env vars on auth-server, and the restart wiring.
 */
export abstract class PixieAuthBase extends Construct {
  /** Namespace of Pixie Cloud. */
  public readonly namespace: string;
  /** Where Pixie's workloads live. */
  public readonly workloads: PixieWorkloads;
  /** The `pl-oauth-config` ConfigMap. */
  public readonly oauthConfig: kplus.ConfigMap;
  /** Whether restarts also annotate for Stakater Reloader (`reloader` in the options). */
  protected readonly reloader: boolean;

  protected constructor(
    scope: Construct,
    id: string,
    options: PixieAuthOptions,
    oauthData: { [key: string]: string },
    propProblems: InputProblem[],
  ) {
    super(scope, id);
    this.namespace = options.namespace ?? Chart.of(this).namespace ?? DEFAULT_NAMESPACE;
    const problems = new ProblemCollector();
    problems.addAll(propProblems);
    problems.add('namespace', checkDnsLabel(this.namespace));
    const other = Chart.of(this).node.findAll().find(c => c !== this && c instanceof PixieAuthBase && c.namespace === this.namespace);
    if (other) {
      problems.add('', `${other.constructor.name} '${other.node.path}' already configures authentication for namespace ${this.namespace} in this chart; Pixie Cloud reads one provider from pl-oauth-config, so keep only one provider construct per namespace`);
    }
    problems.throwIfAny(`Invalid ${this.constructor.name} props`);

    this.workloads = options.workloads;
    this.reloader = options.reloader ?? false;
    // At synth (App.synth(), npm run synth), once everything is in the chart.
    this.node.addValidation({ validate: () => duplicateObjects(Chart.of(this)) });
    this.oauthConfig = new kplus.ConfigMap(this, 'OAuthConfig', {
      metadata: { name: OAUTH_CONFIG_NAME, namespace: this.namespace },
      data: oauthData,
    });
    // cdk8s-plus always writes `immutable: false`; Pixie's ConfigMap has no such field.
    ApiObject.of(this.oauthConfig).addJsonPatch(JsonPatch.remove('/immutable'));
    if (this.workloads.oauthConfigMode === OAuthConfigMode.PATCH) {
      KustomizeComponent.of(this).renderAsPatch(ApiObject.of(this.oauthConfig));
    }
  }

  /**
   * Rolls every pl-oauth-config reader on the ConfigMap, and auth-server on
   * the credential sources as well.
   */
  protected restartReaders(credentialSources: RestartSource[], credentialSecretName?: string): void {
    new RestartOnChange(this, 'RestartOnOAuthConfig', {
      sources: [RestartSource.fromConfigMap(this.oauthConfig)],
      targets: this.workloads.oauthConfigReaders,
      namespace: this.namespace,
    });
    if (credentialSources.length > 0) {
      new RestartOnChange(this, 'RestartOnCredentials', {
        sources: credentialSources,
        targets: [this.workloads.authServer],
        namespace: this.namespace,
        reloader: this.reloader,
      });
    } else if (this.reloader && credentialSecretName) {
      this.annotateForReloader(credentialSecretName);
    }
  }

  /**
   * Delivers a provider's client credentials: an ExternalSecret named
   * `secretName` filled from the store (or the existing Secret), the env vars
   * auth-server reads them through, and the restarts of every reader.
   * Returns the ExternalSecret, if one is emitted.
   */
  protected wireClientCredentials(credentials: ClientCredentials, secretName: string, keys: ClientCredentialKeys): StoreBackedSecret | undefined {
    const store = credentials.storeOptions;
    const externalSecret = store
      ? new StoreBackedSecret(this, 'Credentials', {
        secretName,
        namespace: this.namespace,
        ...storeSyncOptions(store),
        keys: [
          { secretKey: keys.clientIdKey, remote: store.clientId },
          { secretKey: keys.clientSecretKey, remote: store.clientSecret },
        ],
      })
      : undefined;
    const readFrom = externalSecret?.secretName ?? credentials.existingSecretName!;
    this.wireCredentialEnv(readFrom, [
      { envName: keys.clientIdEnv, secretKey: keys.clientIdKey },
      { envName: keys.clientSecretEnv, secretKey: keys.clientSecretKey },
    ]);
    this.restartReaders(externalSecret ? [RestartSource.fromExternalSecret(externalSecret.externalSecret)] : [], readFrom);
    return externalSecret;
  }

  /**
   * Adds env vars to auth-server's `auth-server` container that read
   * `secretName`. They are required (`optional: false`): Pixie's overlays
   * mark the provider's credentials optional, and a kustomize merge would
   * keep that, so auth-server would start without credentials, and fail
   * every login, if the Secret were missing (e.g. an ExternalSecret that has
   * not synced). Required, the pod waits for the Secret instead, and
   * `kubectl describe pod` names it.
   */
  protected wireCredentialEnv(secretName: string, envs: CredentialEnv[]): void {
    for (const env of envs) {
      this.setAuthServerEnv({ name: env.envName, valueFrom: { secretKeyRef: { name: secretName, key: env.secretKey, optional: false } } });
    }
  }

  /** Adds plain-value env vars (name → value, in insertion order) to auth-server's `auth-server` container. */
  protected wireAuthServerEnv(values: { [key: string]: string }): void {
    for (const [name, value] of Object.entries(values)) {
      this.setAuthServerEnv({ name, value });
    }
  }

  private annotateForReloader(secretName: string): void {
    addReloaderSecrets(this, this.workloads.authServer, this.namespace, () => [secretName]);
  }

  /** Sets one env var on auth-server's `auth-server` container, in the app or through the component. */
  private setAuthServerEnv(envVar: { name: string; [key: string]: any }): void {
    const authServer = this.workloads.authServer;
    if (authServer.apiObject) {
      WorkloadPatcher.of(authServer.apiObject).setContainerEnv('auth-server', envVar);
    } else {
      KustomizeComponent.of(this).addContainerEnv(namedReference(authServer, this.namespace), 'auth-server', envVar);
    }
  }
}
