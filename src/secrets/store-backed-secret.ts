import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  checkPolicyPair,
  RemoteSecretReference,
  SecretCreationPolicy,
  SecretDeletionPolicy,
  SecretStoreKind,
  SecretStoreReference,
} from './secret-store';
import { ExternalSecret, ExternalSecretProps } from '../imports/external-secrets.io';
import { PlainApiObject } from '../objects/plain-api-object';
import {
  checkDnsSubdomain,
  checkGoDuration,
  checkLooksLikeReference,
  checkNonEmpty,
  checkNotPlaceholder,
  quote,
} from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/**
 * One key of the target Secret and where its value lives in the store.
 */
export interface SecretKeyMapping {
  /** Key in the target Kubernetes Secret, e.g. `auth0-client-secret`. */
  readonly secretKey: string;
  /** Where the value lives in the store. */
  readonly remote: RemoteSecretReference;
}

/**
 * Props for `StoreBackedSecret`.
 */
export interface StoreBackedSecretProps {
  /** Name of the ExternalSecret and of the Secret it creates. */
  readonly secretName: string;
  /**
   * Namespace of the ExternalSecret.
   * @default - the chart's namespace
   */
  readonly namespace?: string;
  /** The store that holds the values. */
  readonly store: SecretStoreReference;
  /** The keys of the target Secret. */
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

/** The store and ExternalSecret options that several option types share. @internal */
export interface StoreSyncOptions {
  readonly store: SecretStoreReference;
  readonly refreshInterval?: string;
  readonly creationPolicy?: SecretCreationPolicy;
  readonly deletionPolicy?: SecretDeletionPolicy;
}

/** Just the store and sync options of `options`, for `StoreBackedSecretProps`. @internal */
export function storeSyncOptions(options: StoreSyncOptions): StoreSyncOptions {
  return {
    store: options.store,
    refreshInterval: options.refreshInterval,
    creationPolicy: options.creationPolicy,
    deletionPolicy: options.deletionPolicy,
  };
}

/**
 * An External Secrets Operator `ExternalSecret` (external-secrets.io/v1) that
 * fills a Kubernetes Secret from a SecretStore or ClusterSecretStore. Only
 * references reach the manifest, never values.
 */
export class StoreBackedSecret extends Construct {
  /** Problems with the props, each prefixed with `fieldPrefix` (for config-file paths). */
  public static check(props: StoreBackedSecretProps, fieldPrefix = ''): InputProblem[] {
    const problems = new ProblemCollector();
    const field = (name: string) => `${fieldPrefix}${name}`;
    problems.add(field('secretName'), checkDnsSubdomain(props.secretName));
    problems.add(field('store.name'), checkNonEmpty(props.store.name) ?? checkNotPlaceholder(props.store.name)
      ?? checkLooksLikeReference(props.store.name, 'give the name of the SecretStore or ClusterSecretStore here (e.g. pixie-secrets)') ?? checkDnsSubdomain(props.store.name));
    if (props.store.kind !== undefined && !Object.values(SecretStoreKind).includes(props.store.kind)) {
      problems.add(field('store.kind'), `${quote(props.store.kind)} is not a store kind: use SecretStore or ClusterSecretStore`);
    }
    if (props.refreshInterval !== undefined) {
      problems.add(field('refreshInterval'), checkGoDuration(props.refreshInterval));
    }
    problems.add(field('deletionPolicy'), checkPolicyPair(props.creationPolicy, props.deletionPolicy));
    const seen = new Set<string>();
    props.keys.forEach((mapping, i) => {
      if (seen.has(mapping.secretKey)) {
        problems.add(field(`keys[${i}].secretKey`), `${quote(mapping.secretKey)} is listed twice: each key of the Secret may come from one place only`);
      }
      seen.add(mapping.secretKey);
    });
    return problems.problems;
  }

  /** Problems with one remote reference, prefixed with `field`. */
  public static checkRemote(remote: RemoteSecretReference, field: string): InputProblem[] {
    const problems = new ProblemCollector();
    problems.add(`${field}.key`, checkNonEmpty(remote.key) ?? checkNotPlaceholder(remote.key) ?? checkLooksLikeReference(remote.key));
    if (remote.property !== undefined) {
      problems.add(`${field}.property`, checkNonEmpty(remote.property) ?? checkNotPlaceholder(remote.property) ?? checkLooksLikeReference(remote.property));
    }
    if (remote.version !== undefined) {
      // Azure Key Vault versions are 32 hex digits, which would otherwise look random.
      problems.add(`${field}.version`, checkNonEmpty(remote.version)
        ?? (/^[0-9a-f]{32}$/.test(remote.version) ? undefined : checkLooksLikeReference(remote.version, 'give the version as your store names it (e.g. 3), not the value')));
    }
    return problems.problems;
  }

  /** The ExternalSecret object. */
  public readonly externalSecret: ApiObject;
  /** The Secret the operator creates, for `envValue(key)` and volumes. */
  public readonly secret: kplus.ISecret;
  /** Name of the ExternalSecret and of its target Secret. */
  public readonly secretName: string;

  constructor(scope: Construct, id: string, props: StoreBackedSecretProps) {
    super(scope, id);
    const problems = new ProblemCollector();
    problems.addAll(StoreBackedSecret.check(props));
    props.keys.forEach((mapping, i) => problems.addAll(StoreBackedSecret.checkRemote(mapping.remote, `keys[${i}].remote`)));
    problems.throwIfAny(`Invalid ExternalSecret ${quote(props.secretName)}`);

    this.secretName = props.secretName;
    this.externalSecret = new PlainApiObject(this, 'Resource', ExternalSecret.GVK, {
      metadata: { name: props.secretName, namespace: props.namespace },
      spec: {
        refreshInterval: props.refreshInterval ?? '1h',
        secretStoreRef: {
          name: props.store.name,
          kind: (props.store.kind ?? SecretStoreKind.SECRET_STORE) as any,
        },
        target: {
          name: props.secretName,
          creationPolicy: (props.creationPolicy ?? SecretCreationPolicy.OWNER) as any,
          deletionPolicy: (props.deletionPolicy ?? SecretDeletionPolicy.RETAIN) as any,
        },
        data: props.keys.map(mapping => ({
          secretKey: mapping.secretKey,
          remoteRef: {
            key: mapping.remote.key,
            property: mapping.remote.property,
            version: mapping.remote.version,
          },
        })),
      },
    } satisfies ExternalSecretProps);
    this.secret = kplus.Secret.fromSecretName(this, 'Secret', props.secretName);
  }
}
