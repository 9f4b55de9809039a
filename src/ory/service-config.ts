/** The ConfigMap that tells Pixie's services where Hydra and Kratos are. */
export const ORY_SERVICE_CONFIG_NAME = 'pl-ory-service-config';

/** Hydra's public and admin ports. @internal */
export const HYDRA_PORTS = { public: 4444, admin: 4445 } as const;
/** Kratos's public and admin ports. @internal */
export const KRATOS_PORTS = { public: 4433, admin: 4434 } as const;

/**
 * `pl-ory-service-config`'s data for Hydra and Kratos in `namespace`, as
 * Pixie's dev overlay writes it for plc-dev.
 * @internal
 */
export function oryServiceConfigData(namespace: string): Record<string, string> {
  const hydra = `hydra.${namespace}.svc.cluster.local`;
  const kratos = `kratos.${namespace}.svc.cluster.local`;
  return {
    PL_HYDRA_SERVICE: `${hydra}:${HYDRA_PORTS.public}`,
    PL_KRATOS_SERVICE: `${kratos}:${KRATOS_PORTS.public}`,
    PL_HYDRA_PUBLIC_HOST: `https://${hydra}:${HYDRA_PORTS.public}`,
    PL_HYDRA_ADMIN_HOST: `https://${hydra}:${HYDRA_PORTS.admin}`,
    PL_KRATOS_PUBLIC_HOST: `https://${kratos}:${KRATOS_PORTS.public}`,
    PL_KRATOS_ADMIN_HOST: `https://${kratos}:${KRATOS_PORTS.admin}`,
  };
}
