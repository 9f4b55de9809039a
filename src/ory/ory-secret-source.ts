import { SecretCreationPolicy, SecretDeletionPolicy, SecretStoreReference } from '../secrets/secret-store';
import { SecretKeyMapping } from '../secrets/store-backed-secret';

/**
 * Options for secrets generated in the cluster.
 */
export interface GeneratedOrySecretsOptions {
  /**
   * The target Secret's creation policy. With `Owner`, deleting the
   * ExternalSecret deletes the Secret, and a new one gets new values.
   * @default SecretCreationPolicy.OWNER
   */
  readonly creationPolicy?: SecretCreationPolicy;
  /**
   * The target Secret's deletion policy.
   * @default SecretDeletionPolicy.RETAIN
   */
  readonly deletionPolicy?: SecretDeletionPolicy;
}

/**
 * Options for secrets read from an External Secrets store.
 */
export interface OrySecretsFromStoreOptions {
  /** The store that holds the values. */
  readonly store: SecretStoreReference;
  /** Every key of the Secret and where its value lives in the store. */
  readonly keys: SecretKeyMapping[];
  /**
   * How often the operator re-reads the store (a Go duration).
   * @default '1h'
   */
  readonly refreshInterval?: string;
  /**
   * The target Secret's creation policy.
   * @default SecretCreationPolicy.OWNER
   */
  readonly creationPolicy?: SecretCreationPolicy;
  /**
   * The target Secret's deletion policy.
   * @default SecretDeletionPolicy.RETAIN
   */
  readonly deletionPolicy?: SecretDeletionPolicy;
}

/**
 * Where the values of one of Hydra's or Kratos's Secrets come from.
 */
export enum OrySecretSourceKind {
  /** Generated once in the cluster by the External Secrets `Password` generator. */
  GENERATED = 'generated',
  /** Read from an External Secrets store. */
  STORE = 'fromStore',
  /** A Secret that already exists in the namespace. */
  EXISTING = 'existingSecret',
}

/**
 * Where the values of one of Hydra's or Kratos's Secrets come from: generated
 * in the cluster, read from an External Secrets store, or an existing Secret.
 * Never the values themselves.
 */
export class OrySecretSource {
  /** Random values generated once in the cluster (External Secrets `Password` generator). */
  public static generated(options: GeneratedOrySecretsOptions = {}): OrySecretSource {
    return new OrySecretSource(OrySecretSourceKind.GENERATED, options, undefined, undefined);
  }

  /** Values read from an External Secrets store; `keys` must map every key of the Secret. */
  public static fromStore(options: OrySecretsFromStoreOptions): OrySecretSource {
    return new OrySecretSource(OrySecretSourceKind.STORE, undefined, options, undefined);
  }

  /** A Secret that already exists in the namespace and holds every key. No ExternalSecret is emitted. */
  public static fromExistingSecret(secretName: string): OrySecretSource {
    return new OrySecretSource(OrySecretSourceKind.EXISTING, undefined, undefined, secretName);
  }

  /** Where the values come from. */
  public readonly kind: OrySecretSourceKind;
  /**
   * Options for generated values.
   * @default - not generated
   */
  public readonly generatedOptions?: GeneratedOrySecretsOptions;
  /**
   * Options for values from a store.
   * @default - not from a store
   */
  public readonly storeOptions?: OrySecretsFromStoreOptions;
  /**
   * Name of the existing Secret.
   * @default - not an existing Secret
   */
  public readonly existingSecretName?: string;

  private constructor(kind: OrySecretSourceKind, generated?: GeneratedOrySecretsOptions, store?: OrySecretsFromStoreOptions, existing?: string) {
    this.kind = kind;
    this.generatedOptions = generated;
    this.storeOptions = store;
    this.existingSecretName = existing;
  }
}
