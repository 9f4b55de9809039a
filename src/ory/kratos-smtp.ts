import { RemoteSecretReference, SecretCreationPolicy, SecretDeletionPolicy, SecretStoreReference } from '../secrets/secret-store';

/**
 * Options for an SMTP connection URI read from an External Secrets store.
 */
export interface SmtpFromStoreOptions {
  /** The store that holds the URI. */
  readonly store: SecretStoreReference;
  /** Where the whole URI (`smtps://user:password@host:port/`) lives in the store. */
  readonly connectionUri: RemoteSecretReference;
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
 * Where Kratos's courier gets its SMTP connection URI (which carries the
 * SMTP credentials): always a Secret, read through the
 * `COURIER_SMTP_CONNECTION_URI` env var, never the ConfigMap.
 */
export class KratosSmtp {
  /** The key of the SMTP Secret Kratos reads its courier URI from, unless told otherwise. */
  public static readonly URI_KEY = 'COURIER_SMTP_CONNECTION_URI';

  /**
   * Pixie's dev mail catcher, `smtps://test:<password>@mailslurper:1025/?skip_ssl_verify=true`,
   * with the password generated in the cluster instead of Pixie's `test`.
   * Dev only: refused in production.
   */
  public static devMailslurper(): KratosSmtp {
    return new KratosSmtp(true, undefined, undefined, undefined);
  }

  /** The URI lives in an External Secrets store. */
  public static fromStore(options: SmtpFromStoreOptions): KratosSmtp {
    return new KratosSmtp(false, options, undefined, undefined);
  }

  /** A Secret that already exists and holds the URI under `key`. */
  public static fromExistingSecret(secretName: string, key: string = KratosSmtp.URI_KEY): KratosSmtp {
    return new KratosSmtp(false, undefined, secretName, key);
  }

  /** True for Pixie's dev mail catcher. */
  public readonly isDevMailslurper: boolean;
  /**
   * Options for a URI from a store.
   * @default - not from a store
   */
  public readonly storeOptions?: SmtpFromStoreOptions;
  /**
   * Name of the existing Secret.
   * @default - not an existing Secret
   */
  public readonly existingSecretName?: string;
  /**
   * Key of the URI in the existing Secret.
   * @default - not an existing Secret
   */
  public readonly existingSecretKey?: string;

  private constructor(dev: boolean, store?: SmtpFromStoreOptions, existing?: string, key?: string) {
    this.isDevMailslurper = dev;
    this.storeOptions = store;
    this.existingSecretName = existing;
    this.existingSecretKey = key;
  }
}
