import { OryConfigOverride } from './ory-config-override';
import { copyJson, isPlainObject } from '../objects/plain-data';
import { editDistance } from '../validation/edit-distance';
import { looksLikeSecretValue, quote, redact } from '../validation/field-checks';
import { InputProblem, ProblemCollector } from '../validation/problems';

/**
 * What the escape hatch may touch in one component's config file.
 * @internal
 */
export interface OverrideRules {
  /** `Hydra` or `Kratos`, for messages. */
  readonly component: string;
  /** The config file's known top-level keys. */
  readonly topLevelKeys: readonly string[];
  /** Paths a typed prop sets → the prop's name. */
  readonly typedPaths: Readonly<Record<string, string>>;
  /** Paths Pixie's Deployment sets through the environment (which wins over the file) → the env var. */
  readonly envPaths: Readonly<Record<string, string>>;
  /** Paths that hold credentials → where they come from instead. */
  readonly secretPaths: Readonly<Record<string, string>>;
}

const PATH = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
const CREDENTIAL_KEY = /(^|[_-])(password|passwd|secret|secrets|token|api_?key|private_?key|salt|connection_uri)$/i;

/**
 * Problems with overrides: bad paths, unknown top-level keys, keys a typed
 * prop or the environment sets, and anything that holds a credential.
 * @internal
 */
export function checkConfigOverrides(overrides: readonly OryConfigOverride[], rules: OverrideRules, fieldPrefix: string): InputProblem[] {
  const problems = new ProblemCollector();
  const seen = new Map<string, number>();
  overrides.forEach((override, i) => {
    const field = `${fieldPrefix}[${i}]`;
    if (typeof override.path !== 'string' || !PATH.test(override.path)) {
      problems.add(`${field}.path`, `${quote(override.path)} is not a dotted path such as session.cookie.same_site`);
      return;
    }
    const previous = seen.get(override.path);
    if (previous !== undefined) {
      problems.add(`${field}.path`, `${quote(override.path)} is already set by ${fieldPrefix}[${previous}]; set each path once`);
    }
    seen.set(override.path, i);
    const top = override.path.split('.')[0];
    if (!rules.topLevelKeys.includes(top)) {
      const guess = rules.topLevelKeys.find(k => editDistance(k, top) <= 2);
      problems.add(`${field}.path`, `${quote(top)} is not a ${rules.component} config key${guess ? `; did you mean ${quote(guess)}?` : ''} (known: ${rules.topLevelKeys.join(', ')})`);
      return;
    }
    if (override.value === undefined) {
      problems.add(`${field}.value`, 'is required (use null to remove the key)');
      return;
    }
    const reserved = leafPaths(override.path, override.value).map(leaf => reservedProblem(leaf, override.path, rules)).filter(p => p !== undefined);
    reserved.forEach(message => problems.add(`${field}.path`, message));
    if (reserved.length === 0) {
      problems.addAll(credentialProblems(override.path, override.value, `${field}.value`));
    }
  });
  return dedupe(problems.problems);
}

/**
 * `config` with the overrides applied, in order: a copy, or `config` itself
 * when there are none. Never changes `config`.
 * @internal
 */
export function applyConfigOverrides(config: any, overrides: readonly OryConfigOverride[]): any {
  if (overrides.length === 0) {
    return config;
  }
  const result = copyJson(config);
  for (const override of overrides) {
    const keys = override.path.split('.');
    let parent = result;
    for (const key of keys.slice(0, -1)) {
      if (parent[key] === null || typeof parent[key] !== 'object' || Array.isArray(parent[key])) {
        parent[key] = {};
      }
      parent = parent[key];
    }
    const last = keys[keys.length - 1];
    if (override.value === null) {
      delete parent[last];
    } else if (isPlainObject(override.value) && isPlainObject(parent[last])) {
      parent[last] = deepMerge(parent[last], override.value);
    } else {
      parent[last] = copyJson(override.value);
    }
  }
  return result;
}

/** The paths an override writes: a mapping's leaves, or the path itself. */
function leafPaths(path: string, value: any): string[] {
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, child]) => leafPaths(`${path}.${key}`, child));
  }
  return [path];
}

function reservedProblem(leaf: string, path: string, rules: OverrideRules): string | undefined {
  const hit = (table: Readonly<Record<string, string>>) => Object.keys(table).find(r => overlaps(leaf, r));
  const secret = hit(rules.secretPaths);
  if (secret) {
    return `${quote(path)} would set ${quote(secret)}, a credential; it comes from ${rules.secretPaths[secret]}, never from the config file`;
  }
  const typed = hit(rules.typedPaths);
  if (typed) {
    return `${quote(path)} would set ${quote(typed)}, which the typed prop '${rules.typedPaths[typed]}' controls; set that instead`;
  }
  const env = hit(rules.envPaths);
  if (env) {
    return `${quote(path)} would set ${quote(env)}, which Pixie's ${rules.component} Deployment sets through the environment (${rules.envPaths[env]}), and the environment wins over the file`;
  }
  return undefined;
}

/** True when writing `leaf` touches `reserved`: the same key, one inside it, or one that contains it. */
function overlaps(leaf: string, reserved: string): boolean {
  return leaf === reserved || leaf.startsWith(`${reserved}.`) || reserved.startsWith(`${leaf}.`);
}

function credentialProblems(path: string, value: any, field: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const walk = (at: string, v: any) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(`${at}[${i}]`, item));
    } else if (isPlainObject(v)) {
      Object.entries(v).forEach(([key, child]) => walk(`${at}.${key}`, child));
    } else if (typeof v === 'string' && v !== '') {
      const key = at.replace(/\[\d+\]$/, '').split('.').pop() ?? '';
      if (URL_WITH_PASSWORD.test(v)) {
        problems.push({ field, message: `${at} holds a URL with a password; credentials come from Secrets, never from the config file` });
      } else if (CREDENTIAL_KEY.test(key)) {
        problems.push({ field, message: `${at} looks like a credential (${quote(key)}); credentials come from Secrets, never from the config file` });
      } else if (!/^(base64|file|https?):\/\//.test(v) && looksLikeSecretValue(v)) {
        problems.push({ field, message: `${at} (${quote(redact(v))}) looks like a secret value; credentials come from Secrets, never from the config file` });
      }
    }
  };
  walk(path, value);
  return problems;
}

function deepMerge(target: any, source: any): any {
  const out = { ...target };
  for (const [key, value] of Object.entries(source)) {
    out[key] = isPlainObject(value) && isPlainObject(out[key]) ? deepMerge(out[key], value) : copyJson(value);
  }
  return out;
}

function dedupe(problems: InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter(p => {
    const key = `${p.field}\n${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
