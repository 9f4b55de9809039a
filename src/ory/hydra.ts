import { ApiObject } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { ResolvedOryImages } from './image-checks';
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
import { HYDRA_PORTS } from './service-config';
import { hydraClientCommand } from './sidecar-commands';
import { PlainApiObject } from '../objects/plain-api-object';

/** Where the Hydra Deployment mounts hydra-config. */
const CONFIG_DIR = '/etc/config/hydra';

/**
 * Props for `OryHydra`.
 * @internal
 */
export interface OryHydraProps {
  readonly namespace: string;
  readonly images: ResolvedOryImages;
  /** The text of `hydra.yml`. */
  readonly configYaml: string;
  /** The Secret with SECRETS_SYSTEM, OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT and CLIENT_SECRET. */
  readonly secretName: string;
  /** The OAuth client the sidecar registers. */
  readonly clientId: string;
  /** Sets PL_DOMAIN_NAME instead of reading it from pl-domain-config. */
  readonly domain?: string;
}

/**
 * Pixie's Hydra: the `hydra-config` ConfigMap, the `hydra` Deployment (migrate
 * init container, server, OAuth client sidecar) and Service, as in
 * pixie-io/pixie `k8s/cloud/base/ory_auth/hydra`, plus health probes.
 * @internal
 */
export class OryHydra extends Construct {
  public readonly configMap: ApiObject;
  public readonly deployment: ApiObject;
  public readonly service: ApiObject;

  constructor(scope: Construct, id: string, props: OryHydraProps) {
    super(scope, id);
    const labels = oryLabels('hydra');
    const hydraSecrets = [
      secretEnv('OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT', props.secretName, 'OIDC_SUBJECT_IDENTIFIERS_PAIRWISE_SALT'),
      secretEnv('SECRETS_SYSTEM', props.secretName, 'SECRETS_SYSTEM'),
    ];
    const configMount = { name: 'config', mountPath: CONFIG_DIR };

    this.configMap = new PlainApiObject(this, 'Config', k8s.KubeConfigMap.GVK, {
      metadata: { name: 'hydra-config', namespace: props.namespace, labels: { ...PIXIE_CLOUD_LABELS } },
      data: { 'hydra.yml': props.configYaml },
    } satisfies k8s.KubeConfigMapProps);

    const migrate: k8s.Container = {
      name: 'migrate',
      args: ['migrate', '-c', `${CONFIG_DIR}/hydra.yml`, 'sql', '-e', '--yes'],
      envFrom: configMapEnvFrom('pl-db-config'),
      env: [...dbCredentialEnv(), ...hydraSecrets, valueEnv('HYDRA_DATABASE', 'hydra'), valueEnv('DSN', POSTGRES_DSN)],
      imagePullPolicy: 'IfNotPresent',
      image: props.images.hydra,
      volumeMounts: [configMount],
      securityContext: containerSecurityContext(),
    };
    const server: k8s.Container = {
      name: 'server',
      imagePullPolicy: 'IfNotPresent',
      image: props.images.hydra,
      args: ['serve', '-c', `${CONFIG_DIR}/hydra.yml`, 'all'],
      envFrom: configMapEnvFrom('pl-db-config', 'pl-domain-config'),
      env: [
        ...domainEnv(props.domain),
        ...dbCredentialEnv(),
        ...hydraSecrets,
        valueEnv('DSN', POSTGRES_DSN),
        valueEnv('SERVE_TLS_CERT_PATH', '/certs/server.crt'),
        valueEnv('SERVE_TLS_KEY_PATH', '/certs/server.key'),
        valueEnv('PL_WORK_DOMAIN', 'work.$(PL_DOMAIN_NAME)'),
        valueEnv('PL_OAUTH_DOMAIN', '$(PL_WORK_DOMAIN)/oauth'),
        valueEnv('HYDRA_URL', 'https://$(PL_OAUTH_DOMAIN)/hydra'),
        valueEnv('URLS_CONSENT', 'https://$(PL_OAUTH_DOMAIN)/auth/hydra/consent'),
        valueEnv('URLS_LOGIN', 'https://$(PL_WORK_DOMAIN)/api/auth/oauth/login'),
        valueEnv('URLS_LOGOUT', 'https://$(PL_OAUTH_DOMAIN)/logout'),
        valueEnv('URLS_SELF_PUBLIC', '$(HYDRA_URL)'),
        valueEnv('URLS_SELF_ISSUER', '$(HYDRA_URL)'),
      ],
      ports: [{ containerPort: HYDRA_PORTS.public }, { containerPort: HYDRA_PORTS.admin }, { containerPort: 5555 }],
      volumeMounts: [configMount, { name: 'certs', mountPath: '/certs' }],
      resources: {},
      securityContext: containerSecurityContext(),
      ...healthProbes(HYDRA_PORTS.public),
    };
    const clientSidecar: k8s.Container = {
      name: 'client-create-or-update',
      imagePullPolicy: 'IfNotPresent',
      image: props.images.hydraClient,
      // Never Pixie's `set -x`: it logs the client secret.
      command: hydraClientCommand(props.clientId, false),
      envFrom: configMapEnvFrom('pl-domain-config'),
      env: [...domainEnv(props.domain), secretEnv('HYDRA_CLIENT_SECRET', props.secretName, 'CLIENT_SECRET')],
      securityContext: containerSecurityContext(),
    };

    this.deployment = new PlainApiObject(this, 'Resource', k8s.KubeDeployment.GVK, {
      metadata: { name: 'hydra', namespace: props.namespace, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        strategy: { type: 'Recreate' },
        template: {
          metadata: { labels },
          spec: {
            securityContext: podSecurityContext(),
            initContainers: [migrate],
            containers: [server, clientSidecar],
            restartPolicy: 'Always',
            volumes: [
              { name: 'config', configMap: { name: 'hydra-config', items: [{ key: 'hydra.yml', path: 'hydra.yml' }] } },
              certsVolume(),
            ],
          },
        },
      },
    } satisfies k8s.KubeDeploymentProps);

    this.service = new PlainApiObject(this, 'Service', k8s.KubeService.GVK, {
      metadata: { name: 'hydra', namespace: props.namespace, labels },
      spec: oryServiceSpec('hydra', HYDRA_PORTS.public, HYDRA_PORTS.admin),
    } satisfies k8s.KubeServiceProps);
  }
}
