/**
 * Content hashes remembered for the length of one synthesis pass.
 *
 * Every workload that restarts on a source hashes that source when it is
 * rendered, and each hash renders the source (`toJson()`), so one source
 * read by three workloads is rendered three more times. Inside
 * `withHashMemo`, nothing changes the constructs, so each source is hashed
 * once; outside it, every hash is computed afresh, since the source may
 * still change.
 * @internal
 */
let current: WeakMap<object, string> | undefined;

/**
 * Runs a synthesis pass (rendering, validating, writing patches) in which
 * each source's hash is computed once.
 * @internal
 */
export function withHashMemo<T>(pass: () => T): T {
  const outer = current;
  current ??= new WeakMap();
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
  let hash = current?.get(source);
  if (hash === undefined) {
    hash = compute();
    current?.set(source, hash);
  }
  return hash;
}
