import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { checkOssSettings, OssSettings, resolveOssSettings } from './oss-checks';
import { HydraOptions, KratosOptions } from './oss-options';
import { adminIdentitySecret, hydraSecret, kratosSecret, OrySecret, smtpSecret } from './oss-secrets';
import { PixieAuthBase, PixieAuthOptions } from './pixie-auth-base';
import { PlainApiObject } from '../objects/plain-api-object';
import { OryHydra } from '../ory/hydra';
import { OryImages } from '../ory/images';
import { OryKratos } from '../ory/kratos';
import { renderIdentitySchema } from '../ory/kratos-config';
import { PIXIE_CLOUD_LABELS } from '../ory/ory-pod-parts';
import { renderOryConfigYaml } from '../ory/ory-yaml';
import { ORY_SERVICE_CONFIG_NAME, oryServiceConfigData } from '../ory/service-config';
import { PIXIE_HYDRA_CLIENT_ID } from '../ory/sidecar-commands';
import { KustomizeComponent } from '../restart/kustomize-component';
import { addReloaderSecrets, RestartOnChange } from '../restart/restart-on-change';
import { RestartSource } from '../restart/restart-source';
import { RestartTarget } from '../restart/restart-target';
import { InputProblem } from '../validation/problems';

/** The path under Pixie's cloud proxy where the UI finds Hydra. */
const HYDRA_AUTH_URI = '/oauth/hydra';

/**
 * Props for `OssAuth`.
 */
export interface OssAuthProps extends PixieAuthOptions {
  /**
   * Refuse Pixie's dev-only settings (Kratos `--dev`, trace logging, the
   * mailslurper SMTP host, the admin@default.com seed) with an error, and
   * default to production settings instead of Pixie's dev ones.
   * @default false
   */
  readonly production?: boolean;
  /**
   * The OAuth client id: registered in Hydra by the client sidecar and
   * written to pl-oauth-config, so the two always match.
   * @default 'auth-code-client'
   */
  readonly clientId?: string;
  /**
   * Pixie Cloud's public domain (e.g. `dev.withpixie.dev`), set on Hydra and
   * Kratos as `PL_DOMAIN_NAME`.
   * @default - read from Pixie's pl-domain-config, as Pixie does
   */
  readonly domain?: string;
  /**
   * Image references.
   * @default - the digests Pixie pins (PixieOryImages)
   */
  readonly images?: OryImages;
  /**
   * Hydra's settings.
   * @default - Pixie's, with generated secrets
   */
  readonly hydra?: HydraOptions;
  /**
   * Kratos's settings.
   * @default - Pixie's, with generated secrets, a generated admin password and the dev mail catcher
   */
  readonly kratos?: KratosOptions;
}

/**
 * Pixie Cloud's open-source authentication: Ory Hydra (OAuth2) and Kratos
 * (identities) as Pixie deploys them, `pl-oauth-config` for provider
 * `hydra`, `pl-ory-service-config` for the namespace, every secret through
 * an ExternalSecret (generated once in the cluster, or from a store), and
 * restart hashes on every workload that reads them.
 */
export class OssAuth extends PixieAuthBase {
  /** Problems with the props, with fields prefixed by `fieldPrefix` (for config-file paths). */
  public static check(props: OssAuthProps, fieldPrefix = ''): InputProblem[] {
    return checkOssSettings(props, fieldPrefix);
  }

  /** Whether production guardrails are on. */
  public readonly production: boolean;
  /** The OAuth client id in Hydra and pl-oauth-config. */
  public readonly clientId: string;
  /** The `pl-ory-service-config` ConfigMap (a patch when Pixie's workloads are named). */
  public readonly oryServiceConfig: ApiObject;
  /** The `hydra-config` ConfigMap. */
  public readonly hydraConfigMap: ApiObject;
  /** The `hydra` Deployment. */
  public readonly hydraDeployment: ApiObject;
  /** The `hydra` Service. */
  public readonly hydraService: ApiObject;
  /** The `kratos-config` ConfigMap. */
  public readonly kratosConfigMap: ApiObject;
  /** The `kratos` Deployment. */
  public readonly kratosDeployment: ApiObject;
  /** The `kratos` Service. */
  public readonly kratosService: ApiObject;
  /** Every ExternalSecret this construct emits. */
  public readonly externalSecrets: ApiObject[];
  /** Names of the Secrets Hydra reads (pl-hydra-secrets or the existing one). */
  public readonly hydraSecretName: string;
  /** Names of the Secret with Kratos's cookie and cipher secrets. */
  public readonly kratosSecretName: string;

  constructor(scope: Construct, id: string, props: OssAuthProps) {
    super(scope, id, props, {
      PL_OAUTH_PROVIDER: 'hydra',
      PL_AUTH_URI: HYDRA_AUTH_URI,
      PL_AUTH_CLIENT_ID: props.clientId ?? PIXIE_HYDRA_CLIENT_ID,
      PL_AUTH_EMAIL_PASSWORD_CONN: '',
    }, OssAuth.check(props));

    const settings = resolveOssSettings(props);
    this.production = settings.production;
    this.clientId = settings.clientId;

    const hydraSecrets = hydraSecret(this, settings.hydraSecrets, this.namespace);
    const kratosSecrets = kratosSecret(this, settings.kratosSecrets, this.namespace);
    const admin = adminIdentitySecret(this, settings.adminIdentity, this.namespace);
    const smtp = smtpSecret(this, settings.smtp!, this.namespace);
    this.hydraSecretName = hydraSecrets.secretName;
    this.kratosSecretName = kratosSecrets.secretName;

    const hydra = this.addHydra(settings, hydraSecrets);
    const kratos = this.addKratos(settings, kratosSecrets, smtp, admin);
    this.hydraConfigMap = hydra.configMap;
    this.hydraDeployment = hydra.deployment;
    this.hydraService = hydra.service;
    this.kratosConfigMap = kratos.configMap;
    this.kratosDeployment = kratos.deployment;
    this.kratosService = kratos.service;

    const hydraOwn = [hydraSecrets];
    const kratosOwn = [kratosSecrets, smtp, ...(admin ? [admin] : [])];
    this.externalSecrets = [...hydraOwn, ...kratosOwn].flatMap(s => (s.externalSecret ? [s.externalSecret] : []));
    this.restartOn(this.hydraDeployment, hydra.configMap, hydraOwn);
    this.restartOn(this.kratosDeployment, kratos.configMap, kratosOwn);

    this.oryServiceConfig = new PlainApiObject(this, 'OryServiceConfig', k8s.KubeConfigMap.GVK, {
      metadata: { name: ORY_SERVICE_CONFIG_NAME, namespace: this.namespace, labels: { ...PIXIE_CLOUD_LABELS } },
      data: oryServiceConfigData(this.namespace),
    } satisfies k8s.KubeConfigMapProps);
    if (this.workloads.areNamed) {
      // Pixie's cloud base always defines pl-ory-service-config; the component patches it.
      KustomizeComponent.of(this).renderAsPatch(this.oryServiceConfig);
    }
    new RestartOnChange(this, 'RestartOnOryServiceConfig', {
      sources: [RestartSource.fromConfigMap(this.oryServiceConfig)],
      targets: [this.workloads.authServer],
      namespace: this.namespace,
    });
    this.restartReaders([]);
  }

  private addHydra(settings: OssSettings, secret: OrySecret): OryHydra {
    return new OryHydra(this, 'Hydra', {
      namespace: this.namespace,
      images: settings.images,
      configYaml: renderOryConfigYaml(settings.hydraConfig),
      secretName: secret.secretName,
      clientId: settings.clientId,
      domain: settings.domain,
    });
  }

  private addKratos(settings: OssSettings, secret: OrySecret, smtp: OrySecret, admin: OrySecret | undefined): OryKratos {
    return new OryKratos(this, 'Kratos', {
      namespace: this.namespace,
      images: settings.images,
      configYaml: renderOryConfigYaml(settings.kratosConfig),
      identitySchema: renderIdentitySchema(),
      dev: settings.kratosDev,
      logLevel: settings.kratosLogLevel,
      secretName: secret.secretName,
      smtp: { secretName: smtp.secretName, key: smtp.key! },
      adminIdentity: admin ? { secretName: admin.secretName, key: admin.key! } : undefined,
      domain: settings.domain,
    });
  }

  /** Rolls `deployment` when its config or one of its ExternalSecrets changes; with Reloader, also on rotated Secrets. */
  private restartOn(deployment: ApiObject, configMap: ApiObject, secrets: OrySecret[]): void {
    const target = RestartTarget.fromWorkload(deployment);
    new RestartOnChange(this, `Restart-${deployment.name}`, {
      sources: [
        RestartSource.fromConfigMap(configMap),
        ...secrets.flatMap(s => (s.externalSecret ? [RestartSource.fromExternalSecret(s.externalSecret)] : [])),
      ],
      targets: [target],
      namespace: this.namespace,
    });
    if (this.reloader) {
      addReloaderSecrets(this, target, this.namespace, () => secrets.map(s => s.secretName));
    }
  }
}
