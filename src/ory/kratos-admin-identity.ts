import { SecretCreationPolicy, SecretDeletionPolicy, RemoteSecretReference, SecretStoreReference } from '../secrets/secret-store';

/**
 * Options for an admin identity whose password is generated in the cluster.
 */
export interface GeneratedAdminIdentityOptions {
  /**
   * The admin's email, the login name. Pixie's dev seed is refused in production.
   * @default 'admin@default.com'
   */
  readonly email?: string;
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
 * Options for an admin identity whose password lives in an External Secrets store.
 */
export interface AdminIdentityFromStoreOptions {
  /** The store that holds the password. */
  readonly store: SecretStoreReference;
  /** Where the admin's password lives in the store. */
  readonly password: RemoteSecretReference;
  /**
   * The admin's email, the login name. Pixie's dev seed is refused in production.
   * @default 'admin@default.com'
   */
  readonly email?: string;
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
 * How Kratos's first admin is created: Pixie's `admin-create-if-not-exists`
 * sidecar posts an identity document to Kratos's admin API. The document,
 * with its password, always comes from a Secret (`ADMIN_IDENTITY`), or the
 * sidecar is left out.
 */
export class KratosAdminIdentity {
  /** The admin Pixie's dev setup seeds (with the password `admin`, which this library never writes). */
  public static readonly PIXIE_DEV_EMAIL = 'admin@default.com';

  /** No admin bootstrap: the sidecar is left out. */
  public static disabled(): KratosAdminIdentity {
    return new KratosAdminIdentity(false, undefined, undefined, undefined, undefined);
  }

  /**
   * An admin whose password is generated once in the cluster. Read it with
   * `kubectl get secret pl-kratos-admin-identity -o jsonpath='{.data.password}' | base64 -d`.
   */
  public static generated(options: GeneratedAdminIdentityOptions = {}): KratosAdminIdentity {
    return new KratosAdminIdentity(true, options.email ?? KratosAdminIdentity.PIXIE_DEV_EMAIL, options, undefined, undefined);
  }

  /** An admin whose password lives in an External Secrets store. */
  public static fromStore(options: AdminIdentityFromStoreOptions): KratosAdminIdentity {
    return new KratosAdminIdentity(true, options.email ?? KratosAdminIdentity.PIXIE_DEV_EMAIL, undefined, options, undefined);
  }

  /**
   * A Secret that already exists and holds the whole identity document (the
   * JSON Kratos's `POST /admin/identities` takes) under the key `ADMIN_IDENTITY`.
   */
  public static fromExistingSecret(secretName: string): KratosAdminIdentity {
    return new KratosAdminIdentity(true, undefined, undefined, undefined, secretName);
  }

  /** Whether the admin bootstrap sidecar runs. */
  public readonly enabled: boolean;
  /**
   * The admin's email.
   * @default - unknown: inside an existing Secret, or no admin
   */
  public readonly email?: string;
  /**
   * Options for a generated password.
   * @default - not generated
   */
  public readonly generatedOptions?: GeneratedAdminIdentityOptions;
  /**
   * Options for a password from a store.
   * @default - not from a store
   */
  public readonly storeOptions?: AdminIdentityFromStoreOptions;
  /**
   * Name of the existing Secret.
   * @default - not an existing Secret
   */
  public readonly existingSecretName?: string;

  private constructor(
    enabled: boolean,
    email?: string,
    generated?: GeneratedAdminIdentityOptions,
    store?: AdminIdentityFromStoreOptions,
    existing?: string,
  ) {
    this.enabled = enabled;
    this.email = email;
    this.generatedOptions = generated;
    this.storeOptions = store;
    this.existingSecretName = existing;
  }
}
