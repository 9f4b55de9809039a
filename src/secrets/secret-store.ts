/**
 * The kind of External Secrets Operator store that holds the values.
 */
export enum SecretStoreKind {
  /** A namespaced `SecretStore` in the same namespace as the ExternalSecret. */
  SECRET_STORE = 'SecretStore',
  /** A cluster-wide `ClusterSecretStore`. */
  CLUSTER_SECRET_STORE = 'ClusterSecretStore',
}

/**
 * Names the External Secrets Operator store that holds the values.
 */
export interface SecretStoreReference {
  /** Name of the SecretStore or ClusterSecretStore. */
  readonly name: string;
  /**
   * Kind of the store.
   * @default SecretStoreKind.SECRET_STORE
   */
  readonly kind?: SecretStoreKind;
}

/**
 * Where one value lives in the external store. Never the value itself.
 */
export interface RemoteSecretReference {
  /** Key of the secret in the store, e.g. `pixie/auth0`. */
  readonly key: string;
  /**
   * Property inside the secret, for stores that keep several values under one key.
   * @default - the whole value stored at `key`
   */
  readonly property?: string;
  /**
   * Pinned version of the secret. Bumping it changes the restart hash, so
   * pods roll when a rotated value is published under a new version.
   * @default - the store's latest version
   */
  readonly version?: string;
}

/**
 * What the operator does with the target Secret it creates
 * (ExternalSecret `spec.target.creationPolicy`).
 */
export enum SecretCreationPolicy {
  /** The ExternalSecret owns the Secret; deleting it deletes the Secret. */
  OWNER = 'Owner',
  /** Creates the Secret without an owner reference. */
  ORPHAN = 'Orphan',
  /** Merges into a Secret that must already exist. */
  MERGE = 'Merge',
  /** Does not create the Secret. */
  NONE = 'None',
}

/**
 * What the operator does with the target Secret when the values disappear
 * from the store (ExternalSecret `spec.target.deletionPolicy`).
 */
export enum SecretDeletionPolicy {
  /** Keeps the Secret as it is. */
  RETAIN = 'Retain',
  /** Deletes the Secret. ESO refuses it together with creationPolicy Merge. */
  DELETE = 'Delete',
  /** Removes only the keys that came from the store. */
  MERGE = 'Merge',
}

/**
 * The one pair of policies External Secrets refuses: creationPolicy Merge
 * with deletionPolicy Delete. The problem's message, or undefined.
 * @internal
 */
export function checkPolicyPair(
  creationPolicy: SecretCreationPolicy | undefined,
  deletionPolicy: SecretDeletionPolicy | undefined,
): string | undefined {
  return creationPolicy === SecretCreationPolicy.MERGE && deletionPolicy === SecretDeletionPolicy.DELETE
    ? 'Delete cannot be combined with creationPolicy Merge (External Secrets refuses the pair): use Retain or Merge'
    : undefined;
}
