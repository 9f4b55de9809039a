import { RemoteSecretReference, SecretCreationPolicy, SecretDeletionPolicy, SecretStoreReference } from './secret-store';
import { StoreBackedSecret } from './store-backed-secret';
import { checkExistingSecretName, quote } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/**
 * Options for client credentials read from an External Secrets store.
 */
export interface ClientCredentialsFromStoreOptions {
  /** The store that holds the values. */
  readonly store: SecretStoreReference;
  /** Where the OAuth client id lives in the store. */
  readonly clientId: RemoteSecretReference;
  /** Where the OAuth client secret lives in the store. */
  readonly clientSecret: RemoteSecretReference;
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
 * Where an OAuth client's id and secret come from: an ExternalSecret that
 * reads them from a store, or a Secret that already exists in the cluster.
 * Never the values themselves.
 */
export class ClientCredentials {
  /** Read both values from an External Secrets Operator store. */
  public static fromStore(options: ClientCredentialsFromStoreOptions): ClientCredentials {
    return new ClientCredentials(undefined, options);
  }

  /**
   * Use a Secret that already exists in the namespace. No ExternalSecret is
   * emitted; the Secret must hold the provider's two keys.
   */
  public static fromExistingSecret(secretName: string): ClientCredentials {
    return new ClientCredentials(secretName, undefined);
  }

  /** Problems with the credentials, with fields prefixed by `fieldPrefix`. */
  public static check(credentials: ClientCredentials, fieldPrefix = ''): InputProblem[] {
    const problems = new ProblemCollector();
    const store = credentials.storeOptions;
    if (store) {
      const prefix = `${fieldPrefix}fromStore.`;
      problems.addAll(StoreBackedSecret.check({ ...store, secretName: 'unused', keys: [] }, prefix));
      const remoteProblems = [
        ...StoreBackedSecret.checkRemote(store.clientId, `${prefix}clientId`),
        ...StoreBackedSecret.checkRemote(store.clientSecret, `${prefix}clientSecret`),
      ];
      problems.addAll(remoteProblems);
      if (remoteProblems.length === 0 && sameRemote(store.clientId, store.clientSecret)) {
        problems.add(`${prefix}clientSecret`, `points at the same value as clientId (key ${quote(store.clientId.key)}${store.clientId.property === undefined ? '' : `, property ${quote(store.clientId.property)}`}); the client secret is a different value: give its own key or property`);
      }
    } else {
      const name = credentials.existingSecretName;
      problems.add(`${fieldPrefix}existingSecret`, checkExistingSecretName(name));
    }
    return problems.problems;
  }

  /** Name of an existing Secret, when the credentials are not from a store. */
  public readonly existingSecretName?: string;
  /** Store options, when the credentials come from a store. */
  public readonly storeOptions?: ClientCredentialsFromStoreOptions;

  private constructor(existingSecretName?: string, storeOptions?: ClientCredentialsFromStoreOptions) {
    this.existingSecretName = existingSecretName;
    this.storeOptions = storeOptions;
  }
}

/** True when two references name the same value in the store. */
function sameRemote(a: RemoteSecretReference, b: RemoteSecretReference): boolean {
  return a.key === b.key && a.property === b.property && a.version === b.version;
}
