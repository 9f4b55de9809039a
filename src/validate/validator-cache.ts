import { createHash } from 'crypto';
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import * as vm from 'vm';
import type { default as Ajv, Options, ValidateFunction } from 'ajv';

/** The id the generated code requires the formats by; answered from memory, never from disk. */
const FORMATS_MODULE = 'cdk8s-pixie-auth:formats';
/** Part of every key: bump it when the way code is generated or loaded here changes. */
const CACHE_FORMAT = 1;
/** The environment variable that moves the cache (`off` turns it off). */
export const CACHE_DIR_VARIABLE = 'PIXIE_AUTH_CACHE_DIR';
/** The package root: this file runs as `src/validate/*.ts` or `lib/validate/*.js`. */
const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

// ajv is loaded only when something has to be compiled: on a cache hit it costs ~30 ms for nothing.
const requireHere = createRequire(__filename);

/**
 * One validator to compile, and everything its compiled code depends on.
 * @internal
 */
export interface CompileRequest {
  /**
   * Everything besides ajv's version that decides the generated code, as
   * JSON: the schema (or a hash of the schema files, and the ref), the ajv
   * options, the vocabulary and format names. Equal identities must
   * compile to the same code.
   */
  readonly identity: unknown;
  /** The Ajv to compile with, made by `newCachingAjv`; called only on a miss. */
  readonly ajv: () => Ajv;
  /** Compiles the validator with that Ajv; called only on a miss. */
  readonly compile: (ajv: Ajv) => ValidateFunction;
  /**
   * The formats the schema uses, by name, as given to `ajv.addFormat`: the
   * generated code calls them.
   * @default - none
   */
  readonly formats?: { readonly [name: string]: unknown };
}

/**
 * Compiled ajv validators kept on disk, so a process loads in ~20 ms what
 * takes ajv ~250 ms to compile (the first Kubernetes kind and the config
 * schema), and does not load ajv at all. The files are ajv's own
 * "standalone" code for a validator, one file per identity, named by its
 * sha256 (a changed schema, option or ajv version gets a new file), each
 * with V8's code cache for it beside it (`.js.v8`, written at exit). A file
 * that cannot be read or run is compiled again; a code cache V8 rejects is
 * replaced; a cache that cannot be written is no cache.
 * @internal
 */
export class ValidatorCache {
  /**
   * The cache the package uses: `$PIXIE_AUTH_CACHE_DIR` when set (`off`
   * turns caching off), else `node_modules/.cache/cdk8s-pixie-auth` in the
   * package root when that has a `node_modules`, else none.
   */
  public static default(): ValidatorCache {
    const configured = process.env[CACHE_DIR_VARIABLE];
    if (configured !== undefined) {
      return new ValidatorCache(configured === '' || configured === 'off' ? undefined : path.resolve(configured));
    }
    const nodeModules = path.join(PACKAGE_ROOT, 'node_modules');
    return new ValidatorCache(fs.existsSync(nodeModules) ? path.join(nodeModules, '.cache', 'cdk8s-pixie-auth') : undefined);
  }

  /** @param dir where the files go; undefined compiles every time */
  public constructor(public readonly dir: string | undefined) {}

  /** The validator from the cache, or compiled (and stored) when the cache has none. */
  public compile(request: CompileRequest): ValidateFunction {
    if (!this.dir) {
      return request.compile(request.ajv());
    }
    const file = path.join(this.dir, `${cacheKey(request.identity)}.js`);
    const cached = load(file, request.formats ?? {});
    if (cached) {
      return cached;
    }
    const ajv = request.ajv();
    const validate = request.compile(ajv);
    const standaloneCode = (requireHere('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
    store(file, standaloneCode(ajv, validate));
    return validate;
  }
}

/**
 * A new Ajv whose validators can be cached: it keeps their source, and the
 * code it generates requires formats from memory (see `CompileRequest.formats`).
 * @internal
 */
export function newCachingAjv(options: Options): Ajv {
  const ajv = requireHere('ajv') as typeof import('ajv');
  return new ajv.default({
    ...options,
    code: { ...options.code, source: true, formats: ajv._`require(${FORMATS_MODULE})` },
  });
}

function cacheKey(identity: unknown): string {
  const ajvVersion: string = requireHere('ajv/package.json').version;
  return createHash('sha256').update(JSON.stringify({ format: CACHE_FORMAT, ajvVersion, identity })).digest('hex');
}

function load(file: string, formats: { readonly [name: string]: unknown }): ValidateFunction | undefined {
  let code: string;
  try {
    code = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const codeCacheFile = `${file}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(codeCacheFile);
  } catch {
    cachedData = undefined;
  }
  try {
    // V8's code cache for the file, when there is one, saves parsing and compiling it: ~20 ms for a Deployment.
    const script = new vm.Script(`(function (module, exports, require) {${code}\n})`, { filename: file, cachedData });
    const module = { exports: {} as unknown };
    script.runInThisContext()(module, module.exports, (id: string) => (id === FORMATS_MODULE ? formats : requireHere(id)));
    if (typeof module.exports !== 'function') {
      return undefined;
    }
    if (cachedData === undefined || script.cachedDataRejected) {
      storeCodeCacheAtExit(codeCacheFile, script);
    }
    return module.exports as ValidateFunction;
  } catch {
    return undefined;
  }
}

const pendingCodeCaches = new Map<string, vm.Script>();

/** Taken at exit, the code cache also holds the validator functions V8 compiled on their first call. */
function storeCodeCacheAtExit(file: string, script: vm.Script): void {
  if (pendingCodeCaches.size === 0) {
    // Only beside a validator file that is still there: the cache may have been removed meanwhile.
    process.once('exit', () => pendingCodeCaches.forEach((s, f) => fs.existsSync(f.slice(0, -'.v8'.length)) && store(f, s.createCachedData())));
  }
  pendingCodeCaches.set(file, script);
}

function store(file: string, code: string | Buffer): void {
  const staging = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(staging, code);
    fs.renameSync(staging, file);
  } catch {
    try {
      fs.rmSync(staging, { force: true });
    } catch {
      // nothing more to do: the next run compiles again
    }
  }
}
