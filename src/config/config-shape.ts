import type { ErrorObject, ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA } from './config-schema';
import { ValidatorCache, newCachingAjv } from '../validate/validator-cache';
import { editDistance } from '../validation/edit-distance';
import { looksLikeSecretValue, quote, redact } from '../validation/field-checks';
import { InputProblem } from '../validation/problems';

let compiled: ValidateFunction | undefined;

/**
 * Checks a parsed config file against the config JSON Schema and turns
 * ajv's errors into `field: message` problems, all of them at once.
 * @internal
 */
export function checkConfigShape(config: unknown): InputProblem[] {
  compiled ??= compileConfigSchema();
  if (compiled(config)) {
    return [];
  }
  const problems = (compiled.errors ?? []).map(toProblem);
  // A misspelt key (`clientID`) already says "did you mean clientId?": its "clientId: is required" is noise.
  const suggested = new Set(problems.map(p => /did you mean "([^"]+)"/.exec(p.message)).filter(m => m).map(m => m![1]));
  const seen = new Set<string>();
  return problems.filter(p => {
    const key = `${p.field}\n${p.message}`;
    const parent = p.field.includes('.') ? p.field.slice(0, p.field.lastIndexOf('.') + 1) : '';
    const missingButSuggested = p.message.startsWith('is required') && suggested.has(p.field.slice(parent.length))
      && problems.some(o => o.field.startsWith(parent) && o.message.includes(`did you mean "${p.field.slice(parent.length)}"`));
    return seen.has(key) || missingButSuggested ? false : (seen.add(key), true);
  });
}

/** The config schema's validator, from the validator cache when it is there (compiling takes ~60 ms). */
function compileConfigSchema(): ValidateFunction {
  const options = { allErrors: true, strict: true, verbose: true };
  return ValidatorCache.default().compile({
    identity: { schema: CONFIG_SCHEMA, options },
    ajv: () => newCachingAjv(options),
    compile: ajv => ajv.compile(CONFIG_SCHEMA),
  });
}

/** `/auth0/credentials/0/key` → `auth0.credentials[0].key` */
export function pointerToField(pointer: string): string {
  return pointer.split('/').slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

function toProblem(error: ErrorObject): InputProblem {
  const field = pointerToField(error.instancePath);
  const join = (child: string) => (field ? `${field}.${child}` : child);
  const schemaAt = error.parentSchema as any;
  switch (error.keyword) {
    case 'additionalProperties': {
      const known = Object.keys(schemaAt?.properties ?? {});
      const key: string = error.params.additionalProperty;
      const allowed = `The keys allowed here are: ${known.join(', ')}`;
      const nested = nestedKeys(schemaAt, key);
      const guess = known.find(k => sameKey(k, key)) ?? (nested.length > 0 ? undefined : known.find(k => editDistance(k, key) <= 2));
      if (guess) {
        return { field: join(key), message: `is not a known key; did you mean ${quote(guess)}? ${allowed}` };
      }
      if (nested.length === 1) {
        return { field: join(key), message: `is not a known key here. ${belongsAt(nested[0], join, (error.data as any)?.[key])}. ${allowed}` };
      }
      if (nested.length > 1) {
        return { field: join(key), message: `is not a known key here. It belongs at one of: ${nested.map(n => join(n.path.join('.'))).join(', ')}. ${allowed}` };
      }
      return { field: join(key), message: `is not a known key. ${allowed}` };
    }
    case 'required': {
      const missing: string = error.params.missingProperty;
      const hint = describeValue(schemaAt?.properties?.[missing]);
      return { field: join(missing), message: `is required${hint ? `: ${hint}` : ''}` };
    }
    case 'type':
      return { field: field || '(top level)', message: `must be ${shapeHint(error.params.type, schemaAt, error.data) || article(error.params.type)}${scalarHint(error.params.type, error.data)}` };
    case 'enum':
      return { field, message: `must be one of: ${(error.params.allowedValues as unknown[]).map(v => quote(v)).join(', ')}` };
    default:
      return { field: field || '(top level)', message: error.message ?? 'is invalid' };
  }
}

/** `clientSecret`, `client_secret` and `ClientSecret` name the same key. */
function sameKey(a: string, b: string): boolean {
  const norm = (k: string) => k.toLowerCase().replace(/[-_]/g, '');
  return norm(a) === norm(b);
}

/** A key one or two mappings further down, e.g. `clientSecret` under auth0 → credentials.fromStore.clientSecret, with the schemas on the way. */
interface NestedKey {
  readonly path: string[];
  readonly schemas: any[];
}

/** The places `key` is known one or two mappings further down, the shallowest ones. */
function nestedKeys(schema: any, key: string): NestedKey[] {
  let level: NestedKey[] = [{ path: [], schemas: [schema] }];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    const next: NestedKey[] = [];
    for (const at of level) {
      for (const [name, child] of Object.entries<any>(at.schemas[at.schemas.length - 1]?.properties ?? {})) {
        next.push({ path: [...at.path, name], schemas: [...at.schemas, child] });
      }
    }
    const found = depth > 0 ? next.filter(n => sameKey(n.path[n.path.length - 1], key)) : [];
    if (found.length > 0) {
      return found;
    }
    level = next;
  }
  return [];
}

/** `it belongs at auth0.credentials.fromStore.clientSecret (…), or give auth0.credentials.existingSecret (…)` */
function belongsAt(nested: NestedKey, join: (child: string) => string, value: unknown): string {
  const target = nested.schemas[nested.schemas.length - 1];
  const hint = describeValue(target);
  let text = `It belongs at ${join(nested.path.join('.'))}${hint ? `: ${hint}` : ''}`;
  // A credential read from a store can instead come from an existing Secret.
  for (let i = nested.path.length - 1; i >= 0; i--) {
    const alternative = nested.schemas[i]?.properties?.existingSecret;
    if (alternative && nested.path[i] !== 'existingSecret') {
      text += `. Or give ${join([...nested.path.slice(0, i), 'existingSecret'].join('.'))}: ${describeValue(alternative)}`;
      break;
    }
  }
  if (typeof value === 'string' && target?.type === 'object') {
    text += '. A secret value itself never goes in this file';
  }
  return text;
}

/** What a key's value is: its schema's description, or for a mapping its keys. */
function describeValue(schema: any): string | undefined {
  if (schema?.description) {
    return lowerFirst(schema.description);
  }
  if (schema?.type === 'object' && schema.properties) {
    return `a mapping ${mappingShape(schema)}`;
  }
  return undefined;
}

/** `{ key: ..., property: ... }`: the required keys, else all of them. */
function mappingShape(schema: any): string {
  const keys: string[] = schema.required?.length ? schema.required : Object.keys(schema.properties);
  return `{ ${keys.map(k => `${k}: ...`).join(', ')} }`;
}

/** For a mapping given as something else: which mapping belongs here. */
function shapeHint(expected: string, schema: any, data: unknown): string {
  if (expected !== 'object' || !schema?.properties) {
    return '';
  }
  const hint = schema.description ? `: ${lowerFirst(schema.description)}` : ` ${mappingShape(schema)} (keys allowed: ${Object.keys(schema.properties).join(', ')})`;
  const pasted = typeof data === 'string' && looksLikeSecretValue(data)
    ? '. The value given looks like a secret itself: keep it in your secret store and reference it here'
    : '';
  return `a mapping${hint}${pasted}`;
}

function lowerFirst(text: string): string {
  return /^[A-Z](?![A-Z])/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Why YAML gave a non-string where a string belongs, and the fix. */
function scalarHint(expected: string, data: unknown): string {
  if (expected !== 'string') {
    return '';
  }
  if (data === null) {
    return ', but the value is empty: give one or remove the key';
  }
  if (typeof data === 'number' || typeof data === 'boolean') {
    return `, but YAML read ${typeof data === 'number' ? 'a number' : 'true or false'} here (${redact(String(data))}): put the value in quotes`;
  }
  return '';
}

function article(type: string): string {
  const names: Record<string, string> = { object: 'a mapping (key: value)', array: 'a list', string: 'a string', boolean: 'true or false', number: 'a number', integer: 'a whole number' };
  return names[type] ?? type;
}
