/**
 * The image references Pixie pins for its Hydra and Kratos stack
 * (pixie-io/pixie `k8s/cloud/base/ory_auth`), tag and digest.
 */
export class PixieOryImages {
  /** Hydra server and its migrate init container. */
  public static readonly HYDRA = 'oryd/hydra:v1.9.2-sqlite@sha256:61771c706934e1ffd66f86700a28a294ce4ed150fbf30cc131710924271a5871';
  /** The Hydra CLI that registers Pixie's OAuth client (alpine, it has `sh` and `wget`). */
  public static readonly HYDRA_CLIENT = 'oryd/hydra:v1.9.2-alpine@sha256:faa6ca02e77e0a08f66bfa7470a5e06d80e6e68c9c35410c65a4ea7b501aea61';
  /** Kratos server and its migrate init container. */
  public static readonly KRATOS = 'oryd/kratos:v0.10.1@sha256:fdcfac3da3b64e619af553451607e1ab00160e59860bb19ec145cdc6f6f9c41d';
  /** The curl image that creates the Kratos admin identity. */
  public static readonly CURL = 'ghcr.io/pixie-io/pixie-oss-pixie-dev-public-curl:8.15.0@sha256:4026b29997dc7c823b51c164b71e2b51e0fd95cce4601f78202c513d97da2922';

  private constructor() {}
}

/**
 * Image references for the Hydra and Kratos stack. Each defaults to the
 * digest Pixie pins (see `PixieOryImages`).
 */
export interface OryImages {
  /**
   * Hydra server and migrate image.
   * @default PixieOryImages.HYDRA
   */
  readonly hydra?: string;
  /**
   * Image of the sidecar that creates or updates Pixie's OAuth client. It
   * needs `sh`, `wget`, `awk` and the `hydra` CLI.
   * @default PixieOryImages.HYDRA_CLIENT
   */
  readonly hydraClient?: string;
  /**
   * Kratos server and migrate image.
   * @default PixieOryImages.KRATOS
   */
  readonly kratos?: string;
  /**
   * Image of the sidecar that creates the Kratos admin identity. It needs
   * `sh` and `curl`.
   * @default PixieOryImages.CURL
   */
  readonly curl?: string;
}
