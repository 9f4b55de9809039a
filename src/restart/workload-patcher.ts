import { ApiObject, JsonPatch } from 'cdk8s';
import { DeferredJson } from './deferred-json';

/**
 * Edits an in-app workload object (cdk8s-plus, `ApiObject` or `Include`d)
 * through JSON patches whose values are produced at synth time. One patcher
 * per object, so that parents are created once and keys never collide.
 * @internal
 */
export class WorkloadPatcher {
  public static of(apiObject: ApiObject): WorkloadPatcher {
    let patcher = PATCHERS.get(apiObject);
    if (!patcher) {
      patcher = new WorkloadPatcher(apiObject);
      PATCHERS.set(apiObject, patcher);
    }
    return patcher;
  }

  private readonly podAnnotations = new Map<string, string>();
  private readonly envByContainer = new Map<string, Set<string>>();

  private constructor(private readonly apiObject: ApiObject) {}

  /**
   * Sets a pod-template annotation, produced at synth. Throws if `owner`
   * differs from the one that set the key before.
   */
  public setPodAnnotation(key: string, owner: string, produce: () => string): void {
    const previous = this.podAnnotations.get(key);
    if (previous !== undefined) {
      throw new Error(`${this.describe()}: pod annotation '${key}' is already set by ${previous}; each source may restart a workload once`);
    }
    const current = this.apiObject.toJson();
    const template = current.spec?.template;
    if (!template) {
      throw new Error(`${this.describe()} has no spec.template to annotate`);
    }
    // toJson() reflects earlier patches, so parents are added once.
    if (!template.metadata) {
      this.apiObject.addJsonPatch(JsonPatch.add('/spec/template/metadata', {}));
    }
    if (!template.metadata?.annotations) {
      this.apiObject.addJsonPatch(JsonPatch.add('/spec/template/metadata/annotations', {}));
    }
    this.podAnnotations.set(key, owner);
    this.apiObject.addJsonPatch(JsonPatch.add(`/spec/template/metadata/annotations/${escapePointer(key)}`, new DeferredJson(produce)));
  }

  /**
   * Sets an env var on a container (by container name), replacing one of the
   * same name that the object already has.
   */
  public setContainerEnv(containerName: string, env: { name: string; [key: string]: any }): void {
    const current = this.apiObject.toJson();
    const containers: any[] = current.spec?.template?.spec?.containers ?? [];
    const index = containers.findIndex(c => c.name === containerName);
    if (index < 0) {
      throw new Error(`${this.describe()} has no container named '${containerName}' (it has: ${containers.map(c => c.name).join(', ') || 'none'})`);
    }
    const added = this.envByContainer.get(containerName) ?? new Set<string>();
    this.envByContainer.set(containerName, added);
    const base = `/spec/template/spec/containers/${index}/env`;
    const envList: any[] | undefined = containers[index].env;
    const existing = envList?.findIndex(e => e.name === env.name) ?? -1;
    if (added.has(env.name)) {
      throw new Error(`${this.describe()}: env '${env.name}' on container '${containerName}' is already set`);
    }
    added.add(env.name);
    if (envList === undefined) {
      this.apiObject.addJsonPatch(JsonPatch.add(base, []));
    }
    this.apiObject.addJsonPatch(existing >= 0 ? JsonPatch.replace(`${base}/${existing}`, env) : JsonPatch.add(`${base}/-`, env));
  }

  private describe(): string {
    return `${this.apiObject.kind} '${this.apiObject.name}'`;
  }
}

const PATCHERS = new WeakMap<ApiObject, WorkloadPatcher>();

/** Escapes a key for use in a JSON pointer (RFC 6901). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
