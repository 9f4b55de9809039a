import { ApiObject, Chart, IAnyProducer } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { renderedManifest } from './synthesis-pass';
import { toYamlStream } from '../output/yaml';
import { checkDnsSubdomain } from '../validation/field-checks';

/**
 * One file of a rendered kustomize Component.
 */
export interface ComponentFile {
  /** Path relative to the component's directory, e.g. `patches/deployment-auth-server.yaml`. */
  readonly path: string;
  /** The file's content. */
  readonly content: string;
}

/**
 * Identifies an object that lives outside the app.
 */
export interface ObjectReference {
  /** apiVersion of the object, e.g. `apps/v1`. */
  readonly apiVersion: string;
  /** Kind of the object, e.g. `Deployment`. */
  readonly kind: string;
  /** Name of the object. */
  readonly name: string;
  /** Namespace of the object. */
  readonly namespace: string;
}

/**
 * Props for `KustomizeComponent`.
 */
export interface KustomizeComponentProps {
  /**
   * Directory of the component, relative to the synth output directory.
   * @default 'pixie-auth'
   */
  readonly directory?: string;
}

interface PendingPatch {
  readonly ref: ObjectReference;
  readonly podAnnotations: Map<string, IAnyProducer>;
  readonly annotations: Map<string, IAnyProducer>;
  readonly env: Map<string, Map<string, any>>;
}

/**
 * A kustomize `kind: Component` made of this chart's objects (as resources)
 * and strategic-merge patches for objects that live outside the app, such
 * as Pixie's own Deployments. An overlay uses it as `components: [dir]` on
 * top of Pixie's base. One per chart.
 */
export class KustomizeComponent extends Construct {
  /** The chart's component, created with default props on first use. */
  public static of(scope: IConstruct): KustomizeComponent {
    const chart = Chart.of(scope);
    const existing = chart.node.tryFindChild(COMPONENT_ID);
    return existing instanceof KustomizeComponent ? existing : new KustomizeComponent(chart, COMPONENT_ID);
  }

  /** The chart's component if it has one. */
  public static tryOf(scope: IConstruct): KustomizeComponent | undefined {
    const existing = Chart.of(scope).node.tryFindChild(COMPONENT_ID);
    return existing instanceof KustomizeComponent ? existing : undefined;
  }

  /** Directory of the component, relative to the synth output directory. */
  public readonly directory: string;
  private readonly patches = new Map<string, PendingPatch>();
  private readonly patchObjects: ApiObject[] = [];

  /**
   * Creates the chart's component. Use `KustomizeComponent.of(chart)` to get it.
   * The id must be 'KustomizeComponent'.
   */
  constructor(scope: Chart, id: string, props: KustomizeComponentProps = {}) {
    super(scope, id);
    if (id !== COMPONENT_ID) {
      throw new Error(`a chart's KustomizeComponent must have the id '${COMPONENT_ID}' (got '${id}')`);
    }
    this.directory = props.directory ?? 'pixie-auth';
    const problem = this.directory.split('/').map(part => checkDnsSubdomain(part)).find(p => p);
    if (problem) {
      throw new Error(`directory: ${problem}`);
    }
  }

  /** Sets a pod-template annotation on an outside object; `value` is produced when the files are rendered. */
  public addPodTemplateAnnotation(ref: ObjectReference, key: string, value: IAnyProducer): void {
    setOnce(this.patchFor(ref).podAnnotations, key, value, `${describe(ref)}: pod annotation '${key}'`);
  }

  /** Sets an annotation on an outside object's own metadata. */
  public addAnnotation(ref: ObjectReference, key: string, value: IAnyProducer): void {
    setOnce(this.patchFor(ref).annotations, key, value, `${describe(ref)}: annotation '${key}'`);
  }

  /** Sets an env var on a container of an outside workload (merged by name). */
  public addContainerEnv(ref: ObjectReference, containerName: string, env: any): void {
    const patch = this.patchFor(ref);
    const vars = patch.env.get(containerName) ?? new Map<string, any>();
    patch.env.set(containerName, vars);
    setOnce(vars, env.name, env, `${describe(ref)}: env '${env.name}' on container '${containerName}'`);
  }

  /**
   * Renders `object` as a patch of an object that already exists in the base,
   * instead of as a resource that creates it.
   */
  public renderAsPatch(object: ApiObject): void {
    if (!this.patchObjects.includes(object)) {
      this.patchObjects.push(object);
    }
  }

  /**
   * The component's files: kustomization.yaml, resources.yaml and patches/.
   *
   * @param manifests the chart's manifests when the caller already has them
   * from `chart.toJson()` (which costs a pass over the whole app each call)
   * @default - `chart.toJson()`
   */
  public renderFiles(manifests?: any[]): ComponentFile[] {
    const chart = Chart.of(this);
    const patchNames = new Set(this.patchObjects.map(o => `${o.kind}/${o.name}`));
    const resources = (manifests ?? chart.toJson()).filter((o: any) => !patchNames.has(`${o.kind}/${o.metadata?.name}`));
    const patchFiles: ComponentFile[] = toPatchFiles([
      ...this.patchObjects.map(o => renderedManifest(o)),
      ...[...this.patches.values()].map(p => renderPatch(p)),
    ]).sort((a, b) => a.path.localeCompare(b.path));

    const kustomization: any = {
      apiVersion: 'kustomize.config.k8s.io/v1alpha1',
      kind: 'Component',
    };
    const files: ComponentFile[] = [];
    if (resources.length > 0) {
      kustomization.resources = ['resources.yaml'];
      files.push({ path: 'resources.yaml', content: toYamlStream(resources) });
    }
    if (patchFiles.length > 0) {
      kustomization.patches = patchFiles.map(f => ({ path: f.path }));
    }
    files.unshift({ path: 'kustomization.yaml', content: toYamlStream([kustomization]) });
    files.push(...patchFiles);
    return files;
  }

  private patchFor(ref: ObjectReference): PendingPatch {
    const key = describe(ref);
    let patch = this.patches.get(key);
    if (!patch) {
      patch = { ref, podAnnotations: new Map(), annotations: new Map(), env: new Map() };
      this.patches.set(key, patch);
    }
    return patch;
  }
}

const COMPONENT_ID = 'KustomizeComponent';

function renderPatch(patch: PendingPatch): any {
  const { ref } = patch;
  const metadata: any = { name: ref.name, namespace: ref.namespace };
  if (patch.annotations.size > 0) {
    metadata.annotations = produceAll(patch.annotations);
  }
  const out: any = { apiVersion: ref.apiVersion, kind: ref.kind, metadata };
  const template: any = {};
  if (patch.podAnnotations.size > 0) {
    template.metadata = { annotations: produceAll(patch.podAnnotations) };
  }
  if (patch.env.size > 0) {
    template.spec = {
      containers: [...patch.env.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, vars]) => ({
        name,
        env: [...vars.values()],
      })),
    };
  }
  if (Object.keys(template).length > 0) {
    out.spec = { template };
  }
  return out;
}

function produceAll(values: Map<string, IAnyProducer>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...values.keys()].sort()) {
    out[key] = String(values.get(key)!.produce());
  }
  return out;
}

/**
 * One file per patch, `patches/<kind>-<name>.yaml`; patches whose names
 * clash (same kind and name in several namespaces) add the namespace, and
 * any clash left a counter, so no patch overwrites another.
 */
function toPatchFiles(objects: any[]): ComponentFile[] {
  const plain = (o: any) => `${o.kind.toLowerCase()}-${o.metadata.name}`;
  const clashes = new Set(objects.map(plain).filter((stem, i, all) => all.indexOf(stem) !== i));
  const used = new Set<string>();
  return objects.map(object => {
    const stem = clashes.has(plain(object)) ? `${object.kind.toLowerCase()}-${object.metadata.namespace}-${object.metadata.name}` : plain(object);
    let unique = stem;
    for (let n = 2; used.has(unique); n++) {
      unique = `${stem}-${n}`;
    }
    used.add(unique);
    return { path: `patches/${unique}.yaml`, content: toYamlStream([object]) };
  });
}

function setOnce<T>(map: Map<string, T>, key: string, value: T, what: string): void {
  if (map.has(key)) {
    throw new Error(`${what} is already set; each source may restart a workload once`);
  }
  map.set(key, value);
}

function describe(ref: ObjectReference): string {
  return `${ref.kind} ${ref.namespace}/${ref.name}`;
}
