import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { ContentHash } from './content-hash';
import { memoizedHash, renderedManifest } from './synthesis-pass';

/**
 * The kinds of object a restart hash can be taken of.
 */
export enum RestartSourceKind {
  /** A ConfigMap: hashes `data` and `binaryData`. */
  CONFIG_MAP = 'ConfigMap',
  /** A Secret defined in the app: hashes `data`, `stringData` and `type`. */
  SECRET = 'Secret',
  /** An External Secrets Operator ExternalSecret: hashes its `spec`. */
  EXTERNAL_SECRET = 'ExternalSecret',
}

/**
 * A config object whose content, when it changes, must roll the pods that
 * read it. Wraps a cdk8s-plus object, an `ApiObject` or an object pulled in
 * with `Include`; the hash is taken when the target is synthesized, so data
 * added later still counts.
 */
export class RestartSource {
  /** A ConfigMap (cdk8s-plus `ConfigMap`, `KubeConfigMap`, or an included ApiObject). */
  public static fromConfigMap(configMap: IConstruct): RestartSource {
    return RestartSource.expecting(configMap, RestartSourceKind.CONFIG_MAP);
  }

  /** A Secret defined in the app. Its hash never reveals a value. */
  public static fromSecret(secret: IConstruct): RestartSource {
    return RestartSource.expecting(secret, RestartSourceKind.SECRET);
  }

  /** An ExternalSecret; its spec is hashed. */
  public static fromExternalSecret(externalSecret: IConstruct): RestartSource {
    return RestartSource.expecting(externalSecret, RestartSourceKind.EXTERNAL_SECRET);
  }

  /** Any supported object, by its kind. */
  public static fromApiObject(object: IConstruct): RestartSource {
    const apiObject = ApiObject.of(object);
    const kind = Object.values(RestartSourceKind).find(k => k === apiObject.kind);
    if (!kind) {
      throw new Error(`restart source '${apiObject.node.path}' is a ${apiObject.kind}; use a ConfigMap, Secret or ExternalSecret`);
    }
    return new RestartSource(apiObject, kind);
  }

  private static expecting(object: IConstruct, kind: RestartSourceKind): RestartSource {
    const source = RestartSource.fromApiObject(object);
    if (source.kind !== kind) {
      throw new Error(`restart source '${source.apiObject.node.path}' is a ${source.kind}; expected kind ${kind}`);
    }
    return source;
  }

  /** The object whose content is hashed. */
  public readonly apiObject: ApiObject;
  /** Its kind. */
  public readonly kind: RestartSourceKind;
  /** Its name. */
  public readonly name: string;

  private constructor(apiObject: ApiObject, kind: RestartSourceKind) {
    this.apiObject = apiObject;
    this.kind = kind;
    this.name = apiObject.name;
    if (this.name.length > 54) {
      throw new Error(`restart source '${apiObject.node.path}': the name '${this.name}' is longer than 54 characters, so 'checksum/${this.name}' is not a valid annotation key; use a shorter name`);
    }
  }

  /** The pod-template annotation that carries this source's hash, e.g. `checksum/pl-oauth-config`. */
  public get annotationKey(): string {
    return `checksum/${this.name}`;
  }

  /**
   * Name of the Kubernetes Secret the pods read, for Secret and ExternalSecret
   * sources (for Stakater Reloader).
   * @default - none for a ConfigMap
   */
  public get secretName(): string | undefined {
    if (this.kind === RestartSourceKind.SECRET) {
      return this.name;
    }
    if (this.kind === RestartSourceKind.EXTERNAL_SECRET) {
      return this.apiObject.toJson().spec?.target?.name ?? this.name;
    }
    return undefined;
  }

  /** The content hash of the object as it is now (computed once per synthesis pass). */
  public hash(): string {
    return memoizedHash(this.apiObject, () => {
      const manifest = renderedManifest(this.apiObject);
      switch (this.kind) {
        case RestartSourceKind.CONFIG_MAP: return ContentHash.ofConfigMap(manifest);
        case RestartSourceKind.SECRET: return ContentHash.ofSecret(manifest);
        default: return ContentHash.ofExternalSecret(manifest);
      }
    });
  }
}
