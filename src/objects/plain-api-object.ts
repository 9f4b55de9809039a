import { ApiObject, Chart, GroupVersionKind, JsonPatch } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { copyJson, isPlainObject } from './plain-data';
import { PlainMetadata } from './plain-metadata';

/**
 * An `ApiObject` whose props are plain data fixed when it is made: the props
 * of a generated (L1) class (`k8s.KubeDeploymentProps`, an imported CRD's
 * props), without `Lazy` or other tokens.
 *
 * cdk8s renders an L1 object by resolving tokens and sorting keys at every
 * value of its props, and then converting the whole result to Kubernetes
 * JSON, on every `toJson()`; for the large Hydra and Kratos Deployments that
 * is most of a synth, and a synth renders each object more than once. Here
 * the props are checked, converted and key-sorted once, when the object is
 * made, and `toJson()` copies it; the metadata, which may still change and
 * hold tokens, is rendered by cdk8s once it has changed (`PlainMetadata`).
 *
 * The result is what the generated class renders for the same props: the
 * same content, keys sorted as its conversion orders them, `IntOrString`
 * and `Quantity` as their values. JSON patches (`addJsonPatch`) are applied
 * as cdk8s applies them, and keys sorted again after them.
 * @internal
 */
export class PlainApiObject extends ApiObject {
  /**
   * True if `o` is a `PlainApiObject`. (`instanceof PlainApiObject` is true of
   * every ApiObject: it inherits cdk8s's `ApiObject[Symbol.hasInstance]`.)
   */
  public static isPlainApiObject(o: unknown): o is PlainApiObject {
    return o instanceof Object && PlainApiObject.prototype.isPrototypeOf(o);
  }

  /** Everything but apiVersion, kind and metadata: keys sorted, no null or undefined members. */
  private readonly body: Record<string, unknown>;
  private readonly jsonPatches: JsonPatch[] = [];
  private readonly plainMetadata: PlainMetadata;

  /**
   * @param gvk the generated class's `GVK`, e.g. `k8s.KubeDeployment.GVK`
   * @param props the generated class's props (use `satisfies` to type-check them)
   */
  constructor(scope: Construct, id: string, gvk: GroupVersionKind, props: object) {
    const { metadata, ...body } = props as Record<string, any>;
    super(scope, id, { ...gvk, metadata });
    this.plainMetadata = new PlainMetadata(this.metadata, Chart.of(this), metadata);
    try {
      this.body = plainJson(body) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`${this.kind} '${this.name}': ${e instanceof PathError ? e.describe() : e}`);
    }
  }

  public addJsonPatch(...ops: JsonPatch[]): void {
    super.addJsonPatch(...ops);
    this.jsonPatches.push(...ops);
  }

  /**
   * The value at `path` (object keys) of what `toJson()` renders now; the
   * manifest is only rendered when JSON patches may have changed it.
   */
  public valueAt(...path: string[]): unknown {
    let value: any = this.jsonPatches.length === 0 && path[0] !== 'metadata' ? this.body : this.toJson();
    for (const key of path) {
      value = value !== null && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
    }
    return value;
  }

  public toJson(): any {
    const rendered = {
      apiVersion: this.apiVersion,
      kind: this.kind,
      metadata: this.plainMetadata.toJson(),
      ...copyJson(this.body),
    };
    if (this.jsonPatches.length === 0) {
      return rendered;
    }
    try {
      const { apiVersion, kind, metadata, ...rest } = sortKeys(JsonPatch.apply(rendered, ...this.jsonPatches));
      return { apiVersion, kind, metadata, ...rest };
    } catch (e) {
      throw new Error(`Failed serializing construct at path '${this.node.path}' with name '${this.name}': ${e}`);
    }
  }
}

/** A value that is not plain data, and where it is. */
class PathError extends Error {
  public readonly path: string[] = [];

  public describe(): string {
    return `${this.path.length > 0 ? this.path.join('.') : '(props)'} ${this.message}; the props must be plain data (no Lazy or other tokens)`;
  }
}

/**
 * `value` as Kubernetes JSON: the keys of every object sorted, null and
 * undefined members left out (as cdk8s renders them), `IntOrString` and
 * `Quantity` as their values (as the generated classes convert them).
 * Throws a `PathError` on anything else that is not plain data.
 */
function plainJson(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new PathError(`is ${value}, which JSON cannot hold`);
      }
      return value;
    case 'object':
      break;
    default:
      throw new PathError(`is a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    const items = new Array(value.length);
    let i = 0;
    try {
      for (; i < value.length; i++) {
        if (value[i] === null || value[i] === undefined) {
          throw new PathError(`is ${value[i]}; lists hold values only`);
        }
        items[i] = plainJson(value[i]);
      }
    } catch (e) {
      throw atPath(e, String(i));
    }
    return items;
  }
  if (value instanceof k8s.IntOrString || value instanceof k8s.Quantity) {
    return value.value;
  }
  if (!isPlainObject(value)) {
    throw new PathError(`is a ${(value as object | null)?.constructor?.name ?? 'null'}`);
  }
  const sorted: Record<string, unknown> = {};
  let key = '';
  try {
    for (key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== null && member !== undefined) {
        sorted[key] = plainJson(member);
      }
    }
  } catch (e) {
    throw atPath(e, key);
  }
  return sorted;
}

/** Adds `segment` in front of a `PathError`'s path; any other error passes through. */
function atPath(error: unknown, segment: string): unknown {
  if (error instanceof PathError) {
    error.path.unshift(segment);
  }
  return error;
}

/**
 * `value` with the keys of every plain object sorted: objects whose keys are
 * in order are kept, and changed in place when something inside them is
 * re-sorted (the patched manifest is this object's own copy).
 */
function sortKeys(value: any): any {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      value[i] = sortKeys(value[i]);
    }
    return value;
  }
  if (!isPlainObject(value)) {
    return value;
  }
  const keys = Object.keys(value);
  let inOrder = true;
  for (let i = 0; i < keys.length; i++) {
    value[keys[i]] = sortKeys(value[keys[i]]);
    inOrder &&= i === 0 || keys[i - 1] < keys[i];
  }
  if (inOrder) {
    return value;
  }
  const sorted: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    sorted[key] = value[key];
  }
  return sorted;
}
