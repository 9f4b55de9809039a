import { ApiObject } from 'cdk8s';

/**
 * Rendered objects and content hashes remembered for the length of one
 * synthesis pass.
 *
 * Every workload that restarts on a source hashes that source when it is
 * rendered, and each hash renders the source (`toJson()`), so one source
 * read by three workloads, and written to the output, is rendered four
 * times. Inside `withSynthesisPass` nothing changes the constructs, so each
 * source is hashed once, and the output of every chart but an app's first
 * (which cdk8s's own `chart.toJson()` renders, see `ChartRenderer`) reuses
 * the rendering its hashes made; outside it, every call renders and hashes
 * afresh, since the object may still change.
 * @internal
 */
interface PassMemo {
  readonly hashes: WeakMap<object, string>;
  readonly manifests: WeakMap<ApiObject, any>;
}

let current: PassMemo | undefined;

/**
 * Runs a synthesis pass (rendering, validating, writing patches) in which
 * each object is rendered once and each source hashed once. The manifests
 * it hands out are shared: read them, do not change them.
 * @internal
 */
export function withSynthesisPass<T>(pass: () => T): T {
  const outer = current;
  current ??= { hashes: new WeakMap(), manifests: new WeakMap() };
  try {
    return pass();
  } finally {
    current = outer;
  }
}

/**
 * The hash of `source`, remembered for the current pass if there is one.
 * @internal
 */
export function memoizedHash(source: object, compute: () => string): string {
  let hash = current?.hashes.get(source);
  if (hash === undefined) {
    hash = compute();
    current?.hashes.set(source, hash);
  }
  return hash;
}

/**
 * `apiObject.toJson()`, rendered once for the current pass if there is one.
 * @internal
 */
export function renderedManifest(apiObject: ApiObject): any {
  let manifest = current?.manifests.get(apiObject);
  if (manifest === undefined) {
    manifest = apiObject.toJson();
    current?.manifests.set(apiObject, manifest);
  }
  return manifest;
}
