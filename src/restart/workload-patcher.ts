import { ApiObject, JsonPatch, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { DeferredJson } from './deferred-json';
import { PlainApiObject } from '../objects/plain-api-object';

/**
 * Edits an in-app workload object (cdk8s-plus, `ApiObject` or `Include`d).
 * A cdk8s-plus workload is edited through its own API (pod metadata with a
 * lazy value, container env), since it renders only at synth and may still
 * gain containers, annotations and env vars; any other object through JSON
 * patches whose values are produced at synth time. One patcher per object,
 * so that parents are created once and keys never collide.
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
  /** The object's pod template has metadata.annotations (or patches that add them). */
  private podAnnotationsExist = false;

  /** The cdk8s-plus workload that renders `apiObject`, if any. */
  private readonly workload?: kplus.Workload;

  private constructor(private readonly apiObject: ApiObject) {
    const scope = apiObject.node.scope;
    if (scope instanceof kplus.Workload && ApiObject.of(scope) === apiObject) {
      this.workload = scope;
    }
  }

  /**
   * Sets a pod-template annotation, produced at synth. Throws if `owner`
   * differs from the one that set the key before.
   */
  public setPodAnnotation(key: string, owner: string, produce: () => string): void {
    const previous = this.podAnnotations.get(key);
    if (previous !== undefined) {
      throw new Error(`${this.describe()}: pod annotation '${key}' is already set by ${previous}; each source may restart a workload once`);
    }
    if (this.workload) {
      this.podAnnotations.set(key, owner);
      this.workload.podMetadata.addAnnotation(key, Lazy.any({ produce }));
      return;
    }
    // toJson() resolves the whole object: once per object, not per annotation.
    if (!this.podAnnotationsExist) {
      const object = this.apiObject;
      const template: any = PlainApiObject.isPlainApiObject(object) ? object.valueAt('spec', 'template') : object.toJson().spec?.template;
      if (!template) {
        throw new Error(`${this.describe()} has no spec.template to annotate`);
      }
      if (!template.metadata) {
        this.apiObject.addJsonPatch(JsonPatch.add('/spec/template/metadata', {}));
      }
      if (!template.metadata?.annotations) {
        this.apiObject.addJsonPatch(JsonPatch.add('/spec/template/metadata/annotations', {}));
      }
      this.podAnnotationsExist = true;
    }
    this.podAnnotations.set(key, owner);
    this.apiObject.addJsonPatch(JsonPatch.add(`/spec/template/metadata/annotations/${escapePointer(key)}`, new DeferredJson(produce)));
  }

  /**
   * Sets an env var on a container (by container name), replacing one of the
   * same name that the object already has.
   */
  public setContainerEnv(containerName: string, env: { name: string; [key: string]: any }): void {
    if (this.workload) {
      this.setPlusContainerEnv(this.workload, containerName, env);
      return;
    }
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

  private setPlusContainerEnv(workload: kplus.Workload, containerName: string, env: { name: string; [key: string]: any }): void {
    const container = workload.containers.find(c => c.name === containerName);
    if (!container) {
      throw new Error(`${this.describe()} has no container named '${containerName}' (it has: ${workload.containers.map(c => c.name).join(', ') || 'none'}); add the container before wiring env to it`);
    }
    const added = this.envByContainer.get(containerName) ?? new Set<string>();
    this.envByContainer.set(containerName, added);
    if (added.has(env.name)) {
      throw new Error(`${this.describe()}: env '${env.name}' on container '${containerName}' is already set`);
    }
    const value = toEnvValue(workload, `${containerName}-${env.name}`, env);
    added.add(env.name);
    container.env.addVariable(env.name, value);
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

/** A Kubernetes EnvVar as a cdk8s-plus EnvValue: a literal, a Secret key or a ConfigMap key. */
function toEnvValue(scope: Construct, id: string, env: { name: string; [key: string]: any }): kplus.EnvValue {
  const from = env.valueFrom;
  if (from === undefined) {
    return kplus.EnvValue.fromValue(env.value ?? '');
  }
  const sources = Object.keys(from);
  if (sources.length === 1 && from.secretKeyRef) {
    const secret = kplus.Secret.fromSecretName(scope, `EnvSecret-${id}`, from.secretKeyRef.name);
    return kplus.EnvValue.fromSecretValue({ secret, key: from.secretKeyRef.key }, { optional: from.secretKeyRef.optional });
  }
  if (sources.length === 1 && from.configMapKeyRef) {
    const configMap = kplus.ConfigMap.fromConfigMapName(scope, `EnvConfigMap-${id}`, from.configMapKeyRef.name);
    return kplus.EnvValue.fromConfigMap(configMap, from.configMapKeyRef.key, { optional: from.configMapKeyRef.optional });
  }
  throw new Error(`env '${env.name}': a cdk8s-plus container takes a value, a secretKeyRef or a configMapKeyRef (got valueFrom: ${sources.join(', ') || 'empty'})`);
}
