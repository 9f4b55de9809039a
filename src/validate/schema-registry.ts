import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { default as Ajv, Options, ValidateFunction } from 'ajv';
import { addKubernetesFormats } from './formats';
import { GVK_KEYWORD, GroupVersionKind, KUBERNETES_EXTENSIONS, SchemaFile, apiVersionOf, readSchemaFiles } from './schema-files';
import { toEnforcedSchema } from './schema-transform';
import { ValidatorCache, newCachingAjv } from './validator-cache';

/**
 * The known kinds and their compiled validators. One per process, created on
 * first use: the schema files are read, parsed and made strict once, and each
 * kind's validator is compiled the first time an object of that kind is
 * validated, then reused. The process-wide registry keeps compiled
 * validators on disk (`ValidatorCache`), so most processes compile nothing.
 */
export class SchemaRegistry {
  /** The process-wide registry over `schemas/`, created on first call. */
  public static get(): SchemaRegistry {
    SchemaRegistry.instance ??= new SchemaRegistry(readSchemaFiles(), false, ValidatorCache.default());
    return SchemaRegistry.instance;
  }

  private static instance?: SchemaRegistry;

  private readonly options: Options;
  private readonly files: SchemaFile[];
  /** `apiVersion kind` to the ref of its definition, e.g. `file.json#/definitions/name`. */
  private readonly refs = new Map<string, string>();
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly cache: ValidatorCache;
  /** Created on the first compile, which a cache hit never needs. */
  private ajvInstance?: Ajv;
  private identity?: { schemas: string; code: string };

  /**
   * @param files the parsed schema files
   * @param checkSchemas also validate the schemas themselves against the
   * JSON Schema meta-schema: the copy script and the tests do; at runtime
   * it costs ~80 ms for files they already checked.
   * @param cache where compiled validators are kept between processes;
   * `SchemaRegistry.get()` uses `ValidatorCache.default()`
   * @default - none: each validator is compiled
   */
  public constructor(files: SchemaFile[], checkSchemas: boolean = false, cache: ValidatorCache = new ValidatorCache(undefined)) {
    this.cache = cache;
    this.files = files;
    this.options = {
      allErrors: true,
      // IntOrString and Quantity become `type: [integer, string]` / `[number, string]`.
      allowUnionTypes: true,
      // Value validations under allOf/anyOf may omit `type` (the structural schema around them has it).
      strictTypes: false,
      validateSchema: checkSchemas,
      // Compiles ~30% faster (the first Pod-bearing kind is the big one, ~200 ms); validation speed is the same.
      code: { optimize: false },
    };

    for (const file of files) {
      for (const [name, definition] of Object.entries(file.definitions)) {
        for (const gvk of (definition[GVK_KEYWORD] ?? []) as GroupVersionKind[]) {
          const key = keyOf(apiVersionOf(gvk), gvk.kind);
          const ref = `${file.name}#/definitions/${name}`;
          if (this.refs.has(key)) throw new Error(`${key} is defined twice: ${this.refs.get(key)} and ${ref}`);
          this.refs.set(key, ref);
        }
      }
    }
    if (checkSchemas) {
      this.ajv(); // adding the schemas checks them
    }
  }

  /** The validator for one apiVersion/kind, or undefined when the kind is not known. */
  public validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
    const key = keyOf(apiVersion, kind);
    let validator = this.validators.get(key);
    if (!validator) {
      const ref = this.refs.get(key);
      if (!ref) return undefined;
      validator = this.cache.compile({
        identity: {
          ...this.identityOfSchemas(), ref, options: this.options, vocabulary: KUBERNETES_EXTENSIONS, formats: Object.keys(KUBERNETES_FORMATS),
        },
        ajv: () => this.ajv(),
        compile: ajv => ajv.compile({ $ref: ref }),
        formats: KUBERNETES_FORMATS,
      });
      this.validators.set(key, validator);
    }
    return validator;
  }

  /** Every known `apiVersion kind`, sorted. */
  public knownKinds(): string[] {
    return [...this.refs.keys()].sort();
  }

  /** The apiVersions a kind is known at (empty for an unknown kind), sorted. */
  public apiVersionsOf(kind: string): string[] {
    return [...this.refs.keys()]
      .map(key => key.split(' '))
      .filter(([, k]) => k === kind)
      .map(([apiVersion]) => apiVersion)
      .sort();
  }

  private ajv(): Ajv {
    if (!this.ajvInstance) {
      const ajv = newCachingAjv(this.options);
      ajv.addVocabulary([...KUBERNETES_EXTENSIONS]);
      addKubernetesFormats(ajv);
      for (const file of this.files) {
        const definitions: { [name: string]: unknown } = {};
        for (const [name, definition] of Object.entries(file.definitions)) {
          definitions[name] = toEnforcedSchema(definition);
        }
        ajv.addSchema({ $id: file.name, definitions }, file.name);
      }
      this.ajvInstance = ajv;
    }
    return this.ajvInstance;
  }

  /**
   * What the strict schemas are made of, cheaper than making them: the files
   * as read, and the code that makes them strict (this directory's sources).
   */
  private identityOfSchemas(): { schemas: string; code: string } {
    if (!this.identity) {
      const code = createHash('sha256');
      for (const name of fs.readdirSync(__dirname).filter(n => /\.(ts|js)$/.test(n)).sort()) {
        code.update(name).update(fs.readFileSync(path.join(__dirname, name)));
      }
      this.identity = {
        schemas: createHash('sha256').update(JSON.stringify(this.files)).digest('hex'),
        code: code.digest('hex'),
      };
    }
    return this.identity;
  }
}

/** The Kubernetes formats by name, exactly as `addKubernetesFormats` gives them to ajv. */
const KUBERNETES_FORMATS: { [name: string]: unknown } = (() => {
  const formats: { [name: string]: unknown } = {};
  addKubernetesFormats({ addFormat: (name: string, format: unknown) => { formats[name] = format; } } as unknown as Ajv);
  return formats;
})();

function keyOf(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}
