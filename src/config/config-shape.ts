import type { ErrorObject, ValidateFunction } from 'ajv';
import { CONFIG_SCHEMA } from './config-schema';
import { ValidatorCache, newCachingAjv } from '../validate/validator-cache';
import { editDistance } from '../validation/edit-distance';
import { quote, redact } from '../validation/field-checks';
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
    const missingButSuggested = p.message === 'is required' && suggested.has(p.field.slice(parent.length))
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
      const guess = known.find(k => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2);
      return { field: join(key), message: `is not a known key${guess ? `; did you mean ${quote(guess)}?` : '.'} The keys allowed here are: ${known.join(', ')}` };
    }
    case 'required':
      return { field: join(error.params.missingProperty), message: 'is required' };
    case 'type':
      return { field: field || '(top level)', message: `must be ${article(error.params.type)}${scalarHint(error.params.type, error.data)}` };
    case 'enum':
      return { field, message: `must be one of: ${(error.params.allowedValues as unknown[]).map(v => quote(v)).join(', ')}` };
    default:
      return { field: field || '(top level)', message: error.message ?? 'is invalid' };
  }
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
