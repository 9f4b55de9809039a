import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ResolvedOryImages } from './image-checks';
import { KRATOS_CONFIG_DIR } from './kratos-config';
import {
  certsVolume,
  configMapEnvFrom,
  containerSecurityContext,
  dbCredentialEnv,
  domainEnv,
  healthProbes,
  oryLabels,
  oryServiceSpec,
  PIXIE_CLOUD_LABELS,
  podSecurityContext,
  POSTGRES_DSN,
  secretEnv,
  valueEnv,
} from './ory-pod-parts';
import { KRATOS_PORTS } from './service-config';
import { kratosAdminCommand } from './sidecar-commands';
import { PlainApiObject } from '../objects/plain-api-object';

/** A Secret key that one env var reads. @internal */
export interface SecretKeyRef {
  readonly secretName: string;
  readonly key: string;
}

/**
 * Props for `OryKratos`.
 * @internal
 */
export interface OryKratosProps {
  readonly namespace: string;
  readonly images: ResolvedOryImages;
  /** The text of `kratos.yml`. */
  readonly configYaml: string;
  /** The text of `identity.schema.json`. */
  readonly identitySchema: string;
  /** Kratos's `--dev` flag. */
  readonly dev: boolean;
  /** The LOG_LEVEL env var (the same as the config file's `log.level`). */
  readonly logLevel: string;
  /** The Secret with SECRETS_COOKIE and SECRETS_CIPHER. */
  readonly secretName: string;
  /** Where COURIER_SMTP_CONNECTION_URI comes from. */
  readonly smtp: SecretKeyRef;
  /** Where the admin sidecar's ADMIN_IDENTITY comes from; no sidecar when undefined. */
  readonly adminIdentity?: SecretKeyRef;
  /** Sets PL_DOMAIN_NAME instead of reading it from pl-domain-config. */
  readonly domain?: string;
}

/**
 * Pixie's Kratos: the `kratos-config` ConfigMap, the `kratos` Deployment
 * (migrate init container, server, admin bootstrap sidecar) and Service, as
 * in pixie-io/pixie `k8s/cloud/base/ory_auth/kratos`, with its secrets and
 * SMTP URI from Secrets, and health probes.
 * @internal
 */
export class OryKratos extends Construct {
  public readonly configMap: ApiObject;
  public readonly deployment: ApiObject;
  public readonly service: ApiObject;

  constructor(scope: Construct, id: string, props: OryKratosProps) {
    super(scope, id);
    const labels = oryLabels('kratos');
    const configMount = { mountPath: KRATOS_CONFIG_DIR, name: 'config' };
    const certsMount = { name: 'certs', mountPath: '/certs' };

    this.configMap = new PlainApiObject(this, 'Config', k8s.KubeConfigMap.GVK, {
      metadata: { name: 'kratos-config', namespace: props.namespace, labels: { ...PIXIE_CLOUD_LABELS } },
      data: { 'kratos.yml': props.configYaml, 'identity.schema.json': props.identitySchema },
    } satisfies k8s.KubeConfigMapProps);

    const migrate: k8s.Container = {
      name: 'migrate',
      args: ['-c', `${KRATOS_CONFIG_DIR}/kratos.yml`, 'migrate', 'sql', '-e', '--yes'],
      envFrom: configMapEnvFrom('pl-db-config'),
      env: [...dbCredentialEnv(), valueEnv('DSN', POSTGRES_DSN)],
      imagePullPolicy: 'IfNotPresent',
      image: props.images.kratos,
      resources: {},
      securityContext: containerSecurityContext(),
      volumeMounts: [configMount],
    };
    const server: k8s.Container = {
      name: 'server',
      args: ['serve', '-c', `${KRATOS_CONFIG_DIR}/kratos.yml`, ...(props.dev ? ['--dev'] : [])],
      envFrom: configMapEnvFrom('pl-db-config', 'pl-domain-config'),
      env: [
        ...domainEnv(props.domain),
        ...dbCredentialEnv(),
        valueEnv('DSN', POSTGRES_DSN),
        valueEnv('SERVE_PUBLIC_TLS_CERT_PATH', '/certs/server.crt'),
        valueEnv('SERVE_PUBLIC_TLS_KEY_PATH', '/certs/server.key'),
        valueEnv('SERVE_ADMIN_TLS_CERT_PATH', '/certs/server.crt'),
        valueEnv('SERVE_ADMIN_TLS_KEY_PATH', '/certs/server.key'),
        valueEnv('LOG_LEVEL', props.logLevel),
        valueEnv('PL_WORK_DOMAIN', 'work.$(PL_DOMAIN_NAME)'),
        valueEnv('PL_OAUTH_DOMAIN', '$(PL_WORK_DOMAIN)/oauth'),
        valueEnv('FRONTEND_URL', 'https://$(PL_WORK_DOMAIN)/auth/ossauth'),
        valueEnv('ADMIN_URL', `https://kratos:${KRATOS_PORTS.admin}`),
        valueEnv('AUTH_LOGIN_URL', 'https://$(PL_WORK_DOMAIN)/auth/password-login'),
        valueEnv('SERVE_PUBLIC_BASE_URL', 'https://$(PL_OAUTH_DOMAIN)/kratos/'),
        valueEnv('SERVE_ADMIN_BASE_URL', '$(ADMIN_URL)/'),
        valueEnv('SELFSERVICE_DEFAULT_BROWSER_RETURN_URL', '$(AUTH_LOGIN_URL)/'),
        valueEnv('HYDRA_LOGIN_URL', 'https://$(PL_WORK_DOMAIN)/api/auth/oauth/login'),
        valueEnv('SELFSERVICE_ALLOWED_RETURN_URLS', '$(FRONTEND_URL)/,$(HYDRA_LOGIN_URL)'),
        valueEnv('SELFSERVICE_FLOWS_SETTINGS_UI_URL', 'https://$(PL_WORK_DOMAIN)/auth/password/recovery'),
        valueEnv('SELFSERVICE_FLOWS_SETTINGS_AFTER_PASSWORD_DEFAULT_BROWSER_RETURN_URL', 'https://$(PL_WORK_DOMAIN)/'),
        valueEnv('SELFSERVICE_FLOWS_RECOVERY_UI_URL', 'https://$(PL_WORK_DOMAIN)/auth/password/recovery'),
        valueEnv('SELFSERVICE_FLOWS_LOGOUT_AFTER_DEFAULT_BROWSER_RETURN_URL', '$(AUTH_LOGIN_URL)'),
        valueEnv('SELFSERVICE_FLOWS_LOGIN_UI_URL', '$(AUTH_LOGIN_URL)'),
        valueEnv('SELFSERVICE_FLOWS_ERROR_UI_URL', 'https://$(PL_WORK_DOMAIN)/auth/password/error'),
        secretEnv('SECRETS_COOKIE', props.secretName, 'SECRETS_COOKIE'),
        secretEnv('SECRETS_CIPHER', props.secretName, 'SECRETS_CIPHER'),
        secretEnv('COURIER_SMTP_CONNECTION_URI', props.smtp.secretName, props.smtp.key),
      ],
      imagePullPolicy: 'IfNotPresent',
      image: props.images.kratos,
      ports: [{ containerPort: KRATOS_PORTS.public }, { containerPort: KRATOS_PORTS.admin }],
      resources: {},
      volumeMounts: [configMount, certsMount],
      securityContext: containerSecurityContext(),
      ...healthProbes(KRATOS_PORTS.public),
    };
    const containers = [server];
    if (props.adminIdentity) {
      containers.push({
        name: 'admin-create-if-not-exists',
        imagePullPolicy: 'IfNotPresent',
        image: props.images.curl,
        // Never Pixie's `set -x`: it logs the admin password.
        command: kratosAdminCommand(false),
        env: [
          valueEnv('ADMIN_URL', `https://kratos:${KRATOS_PORTS.admin}`),
          secretEnv('ADMIN_IDENTITY', props.adminIdentity.secretName, props.adminIdentity.key),
        ],
        volumeMounts: [configMount, certsMount],
        securityContext: containerSecurityContext(),
      });
    }

    this.deployment = new PlainApiObject(this, 'Resource', k8s.KubeDeployment.GVK, {
      metadata: { name: 'kratos', namespace: props.namespace, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels },
          spec: {
            securityContext: podSecurityContext(),
            initContainers: [migrate],
            containers,
            restartPolicy: 'Always',
            serviceAccountName: '',
            volumes: [
              {
                name: 'config',
                configMap: {
                  name: 'kratos-config',
                  items: [{ key: 'kratos.yml', path: 'kratos.yml' }, { key: 'identity.schema.json', path: 'identity.schema.json' }],
                },
              },
              certsVolume(),
            ],
          },
        },
      },
    } satisfies k8s.KubeDeploymentProps);

    this.service = new PlainApiObject(this, 'Service', k8s.KubeService.GVK, {
      metadata: { name: 'kratos', namespace: props.namespace, labels },
      spec: oryServiceSpec('kratos', KRATOS_PORTS.public, KRATOS_PORTS.admin),
    } satisfies k8s.KubeServiceProps);
  }
}
