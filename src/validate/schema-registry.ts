import Ajv, { ValidateFunction } from 'ajv';
import { addKubernetesFormats } from './formats';
import { GVK_KEYWORD, GroupVersionKind, KUBERNETES_EXTENSIONS, SchemaFile, apiVersionOf, readSchemaFiles } from './schema-files';
import { toEnforcedSchema } from './schema-transform';

/**
 * The known kinds and their compiled validators. One per process, created on
 * first use: the schema files are read, parsed and made strict once, and each
 * kind's validator is compiled the first time an object of that kind is
 * validated, then reused.
 */
export class SchemaRegistry {
  /** The process-wide registry over `schemas/`, created on first call. */
  public static get(): SchemaRegistry {
    SchemaRegistry.instance ??= new SchemaRegistry(readSchemaFiles());
    return SchemaRegistry.instance;
  }

  private static instance?: SchemaRegistry;

  private readonly ajv: Ajv;
  /** `apiVersion kind` to the ref of its definition, e.g. `file.json#/definitions/name`. */
  private readonly refs = new Map<string, string>();
  private readonly validators = new Map<string, ValidateFunction>();

  /**
   * @param files the parsed schema files
   * @param checkSchemas also validate the schemas themselves against the
   * JSON Schema meta-schema: the copy script and the tests do; at runtime
   * it costs ~80 ms for files they already checked.
   */
  public constructor(files: SchemaFile[], checkSchemas: boolean = false) {
    this.ajv = new Ajv({
      allErrors: true,
      // IntOrString and Quantity become `type: [integer, string]` / `[number, string]`.
      allowUnionTypes: true,
      // Value validations under allOf/anyOf may omit `type` (the structural schema around them has it).
      strictTypes: false,
      validateSchema: checkSchemas,
      // Compiles ~30% faster (the first Pod-bearing kind is the big one, ~200 ms); validation speed is the same.
      code: { optimize: false },
    });
    this.ajv.addVocabulary([...KUBERNETES_EXTENSIONS]);
    addKubernetesFormats(this.ajv);

    for (const file of files) {
      const definitions: { [name: string]: unknown } = {};
      for (const [name, definition] of Object.entries(file.definitions)) {
        definitions[name] = toEnforcedSchema(definition);
        for (const gvk of (definition[GVK_KEYWORD] ?? []) as GroupVersionKind[]) {
          const key = keyOf(apiVersionOf(gvk), gvk.kind);
          const ref = `${file.name}#/definitions/${name}`;
          if (this.refs.has(key)) throw new Error(`${key} is defined twice: ${this.refs.get(key)} and ${ref}`);
          this.refs.set(key, ref);
        }
      }
      this.ajv.addSchema({ $id: file.name, definitions }, file.name);
    }
  }

  /** The validator for one apiVersion/kind, or undefined when the kind is not known. */
  public validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
    const key = keyOf(apiVersion, kind);
    let validator = this.validators.get(key);
    if (!validator) {
      const ref = this.refs.get(key);
      if (!ref) return undefined;
      validator = this.ajv.compile({ $ref: ref });
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
}

function keyOf(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}
