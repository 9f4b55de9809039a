import { k8s } from 'cdk8s-plus-27';

/**
 * The pieces Pixie's Hydra and Kratos Deployments share, as Pixie writes
 * them (pixie-io/pixie `k8s/cloud/base/ory_auth`).
 * @internal
 */

/** The label Pixie's cloud kustomization adds to everything (`commonLabels`). */
export const PIXIE_CLOUD_LABELS: Readonly<Record<string, string>> = { app: 'pl-cloud' };

/** Pixie's labels for one Ory component: `app: pl-cloud` plus `name: <component>`. */
export function oryLabels(name: string): Record<string, string> {
  return { ...PIXIE_CLOUD_LABELS, name };
}

/** Pixie's pod security context: non-root uid 10100, RuntimeDefault seccomp. */
export function podSecurityContext(): k8s.PodSecurityContext {
  return { runAsNonRoot: true, runAsUser: 10100, seccompProfile: { type: 'RuntimeDefault' } };
}

/** Pixie's container security context, which meets Pod Security Standards `restricted`. */
export function containerSecurityContext(): k8s.SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    runAsUser: 10100,
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** The Postgres DSN Pixie builds from pl-db-config and pl-db-secrets. */
export const POSTGRES_DSN = 'postgres://$(PL_POSTGRES_USERNAME):$(PL_POSTGRES_PASSWORD)@$(PL_POSTGRES_HOSTNAME):$(PL_POSTGRES_PORT)/$(PL_POSTGRES_DB)?sslmode=disable&max_conns=20&max_idle_conns=4';

/** An env var read from a key of a Secret. */
export function secretEnv(name: string, secretName: string, key: string): k8s.EnvVar {
  return { name, valueFrom: { secretKeyRef: { name: secretName, key } } };
}

/** An env var with a plain value. */
export function valueEnv(name: string, value: string): k8s.EnvVar {
  return { name, value };
}

/** The database user and password, from Pixie's pl-db-secrets. */
export function dbCredentialEnv(): k8s.EnvVar[] {
  return [
    secretEnv('PL_POSTGRES_USERNAME', 'pl-db-secrets', 'PL_POSTGRES_USERNAME'),
    secretEnv('PL_POSTGRES_PASSWORD', 'pl-db-secrets', 'PL_POSTGRES_PASSWORD'),
  ];
}

/** `envFrom` ConfigMaps. */
export function configMapEnvFrom(...names: string[]): k8s.EnvFromSource[] {
  return names.map(name => ({ configMapRef: { name } }));
}

/** `PL_DOMAIN_NAME` first, when the domain is set, so it wins over pl-domain-config for every `$(PL_DOMAIN_NAME)` after it. */
export function domainEnv(domain: string | undefined): k8s.EnvVar[] {
  return domain === undefined ? [] : [valueEnv('PL_DOMAIN_NAME', domain)];
}

/**
 * Readiness and startup probes on an Ory server's health endpoints. They are
 * HTTPS because the servers serve TLS with service-tls-certs; the kubelet
 * does not verify probe certificates.
 */
export function healthProbes(port: number): Pick<k8s.Container, 'readinessProbe' | 'startupProbe'> {
  const probe = (path: string) => ({ httpGet: { scheme: 'HTTPS', path, port: k8s.IntOrString.fromNumber(port) } });
  return {
    readinessProbe: { ...probe('/health/ready'), periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
    startupProbe: { ...probe('/health/alive'), periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 60 },
  };
}

/** The `certs` volume: Pixie's service-tls-certs. */
export function certsVolume(): k8s.Volume {
  return { name: 'certs', secret: { secretName: 'service-tls-certs' } };
}

/** A Service with Pixie's `public` and `admin` ports. */
export function oryServiceSpec(name: string, publicPort: number, adminPort: number): k8s.ServiceSpec {
  return {
    selector: oryLabels(name),
    ports: [
      { name: 'public', port: publicPort, targetPort: k8s.IntOrString.fromNumber(publicPort) },
      { name: 'admin', port: adminPort, targetPort: k8s.IntOrString.fromNumber(adminPort) },
    ],
  };
}
