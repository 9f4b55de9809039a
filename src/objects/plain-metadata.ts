import { ApiObjectMetadataDefinition, Chart } from 'cdk8s';
import { isPlainObject } from './plain-data';

/**
 * Every method of cdk8s's `ApiObjectMetadataDefinition` that changes it. A
 * test fails when cdk8s adds one, so that this list is kept whole.
 * @internal
 */
export const METADATA_MUTATORS = ['addLabel', 'addAnnotation', 'addFinalizers', 'addOwnerReference', 'add'] as const;

/** The metadata keys a plain object's props may give for the fast path: strings and maps of strings. */
const FAST_KEYS = new Set(['name', 'namespace', 'labels', 'annotations']);

/**
 * The metadata of a `PlainApiObject` as cdk8s renders it, worked out once
 * from what the object was made with (its name, namespace and labels, the
 * chart's namespace and labels), and rendered by cdk8s itself as soon as
 * anything changes it through one of its methods. cdk8s resolves every
 * value of the metadata on each render, ~20 µs per object, a tenth of a
 * 1,000-stack synth. Tests compare the two renderings for any such
 * metadata, and keep `METADATA_MUTATORS` whole.
 * @internal
 */
export class PlainMetadata {
  /** The rendered metadata while nothing has changed it; undefined once something has (cdk8s renders it). */
  private rendered?: Record<string, unknown>;

  constructor(private readonly definition: ApiObjectMetadataDefinition, chart: Chart, metadataProps: any) {
    this.rendered = initialMetadata(definition, chart, metadataProps ?? {});
    for (const method of METADATA_MUTATORS) {
      const original: (...args: unknown[]) => unknown = (definition as any)[method];
      (definition as any)[method] = (...args: unknown[]) => {
        this.rendered = undefined;
        return original.apply(definition, args);
      };
    }
  }

  /** What `definition.toJson()` returns: a fresh object. */
  public toJson(): any {
    if (this.rendered === undefined) {
      return this.definition.toJson();
    }
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(this.rendered)) {
      copy[key] = typeof value === 'object' ? { ...(value as object) } : value;
    }
    return copy;
  }
}

/**
 * What cdk8s renders for metadata made of a name, a namespace, labels and
 * annotations (`ApiObject`'s constructor adds the chart's namespace and
 * labels; `toJson()` sorts keys and leaves out what is empty), or undefined
 * when the props hold anything else.
 */
function initialMetadata(definition: ApiObjectMetadataDefinition, chart: Chart, props: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!Object.keys(props).every(key => FAST_KEYS.has(key))) {
    return undefined;
  }
  const labels = stringMap({ ...chart.labels, ...(props.labels as object | undefined) });
  const annotations = stringMap(props.annotations ?? {});
  const name = definition.name;
  const namespace = definition.namespace;
  if (!labels || !annotations || typeof name !== 'string' || !(namespace === undefined || typeof namespace === 'string')) {
    return undefined;
  }
  const rendered: Record<string, unknown> = {};
  if (Object.keys(annotations).length > 0) {
    rendered.annotations = annotations;
  }
  if (Object.keys(labels).length > 0) {
    rendered.labels = labels;
  }
  rendered.name = name;
  if (namespace !== undefined) {
    rendered.namespace = namespace;
  }
  return rendered;
}

/** A copy of a map of strings, keys sorted, or undefined when it is not one. */
function stringMap(value: unknown): Record<string, string> | undefined {
  if (!isPlainObject(value)) {
    return undefined;
  }
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (typeof member !== 'string') {
      return undefined;
    }
    sorted[key] = member;
  }
  return sorted;
}
