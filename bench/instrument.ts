import * as configShape from '../src/config/config-shape';
import { ChartRenderer } from '../src/output/chart-manifests';
import { ContentHash } from '../src/restart/content-hash';
import { RestartSource } from '../src/restart/restart-source';
import { ManifestValidator } from '../src/validate/manifest-validator';
import { SchemaRegistry } from '../src/validate/schema-registry';

/** Where the benchmark measures time that is spent inside other phases. */
export interface Timers {
  /** `ManifestValidator.validate` (ajv, every object), including loading or compiling validators. */
  validate: number;
  /** `SchemaRegistry.get` + `validatorFor`: reading schemas, compiling or loading validators. */
  validatorSetup: number;
  /** `checkConfigShape` (ajv against the config file's JSON Schema), inside building. */
  configCheck: number;
  /** `ContentHash.of`: canonical JSON + sha256. */
  contentHash: number;
  /** `RestartSource.hash`: the source object's `toJson()` plus `ContentHash`. */
  restartHash: number;
  /** `ChartRenderer.manifests`: every object's `toJson()` (restart hashes included). */
  manifests: number;
}

/** Zeroed timers. */
export function newTimers(): Timers {
  return { validate: 0, validatorSetup: 0, configCheck: 0, contentHash: 0, restartHash: 0, manifests: 0 };
}

/**
 * Wraps the functions the benchmark times separately, in this process only
 * (src/ is not changed). Nested calls of the same timer count once.
 */
export function instrument(timers: Timers): void {
  wrap(ManifestValidator, 'validate', timers, 'validate');
  wrap(SchemaRegistry, 'get', timers, 'validatorSetup');
  wrap(SchemaRegistry.prototype, 'validatorFor', timers, 'validatorSetup');
  wrap(configShape, 'checkConfigShape', timers, 'configCheck');
  wrap(ContentHash, 'of', timers, 'contentHash');
  wrap(RestartSource.prototype, 'hash', timers, 'restartHash');
  wrap(ChartRenderer.prototype, 'manifests', timers, 'manifests');
}

function wrap(owner: any, method: string, timers: Timers, timer: keyof Timers): void {
  const original = owner[method];
  if (typeof original !== 'function') {
    throw new Error(`bench/instrument: ${method} is not a function; update bench/instrument.ts`);
  }
  let depth = 0;
  owner[method] = function timed(this: unknown, ...args: unknown[]) {
    if (depth > 0) {
      return original.apply(this, args);
    }
    depth++;
    const start = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      timers[timer] += performance.now() - start;
      depth--;
    }
  };
}
