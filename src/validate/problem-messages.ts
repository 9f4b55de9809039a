import type { ErrorObject } from 'ajv';

/** One problem inside one object, before the object's name is attached. */
export interface Problem {
  /** JSON pointer to the offending value (for a missing or unknown field: that field). */
  readonly path: string;
  readonly message: string;
}

const COMPOSITIONS = new Set(['anyOf', 'oneOf']);
/** Keywords whose message names the field, so a summary need not repeat its path. */
const NAMING_KEYWORDS = new Set(['additionalProperties', 'required']);

/**
 * Collapses ajv's errors (with `allErrors: true`) into one clear problem
 * each, sorted by path: an unknown property is reported at its own path as
 * `unknown field "x"`, a missing one at its own path as
 * `missing required field "x"`, and a failed `anyOf`/`oneOf` as one problem
 * summing up its branches instead of one error per branch. Messages never
 * quote the offending value, only the schema, so nothing secret leaks.
 */
export function describeErrors(errors: readonly ErrorObject[]): Problem[] {
  const problems = new Map<string, Problem>();
  for (const error of errors) {
    if (errors.some(outer => encloses(outer, error))) continue;
    const problem = COMPOSITIONS.has(error.keyword)
      ? describeComposition(error, errors.filter(inner => encloses(error, inner)))
      : describeOne(error);
    problems.set(`${problem.path}\n${problem.message}`, problem);
  }
  return [...problems.values()].sort((a, b) => compare(a.path, b.path) || compare(a.message, b.message));
}

function describeOne(error: ErrorObject): Problem {
  const params: any = error.params;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: childPath(error.instancePath, params.additionalProperty), message: `unknown field "${params.additionalProperty}"` };
    case 'required':
      return { path: childPath(error.instancePath, params.missingProperty), message: `missing required field "${params.missingProperty}"` };
    case 'type':
      return { path: error.instancePath, message: `must be ${String(params.type).split(',').join(' or ')}` };
    case 'enum':
      return { path: error.instancePath, message: `must be one of ${params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(', ')}` };
    default:
      return { path: error.instancePath, message: error.message ?? `fails "${error.keyword}"` };
  }
}

/** `must match one of: (1) ...; (2) ...`, each branch summed up from its own errors. */
function describeComposition(composition: ErrorObject, inner: ErrorObject[]): Problem {
  const byBranch = new Map<string, ErrorObject[]>();
  for (const error of inner) {
    const branch = error.schemaPath.slice(composition.schemaPath.length + 1).split('/')[0];
    byBranch.set(branch, [...byBranch.get(branch) ?? [], error]);
  }
  if (byBranch.size === 0) {
    // oneOf that matched more than one branch: ajv's own message says so.
    return { path: composition.instancePath, message: composition.message ?? 'must match exactly one schema in oneOf' };
  }
  const summaries = [...byBranch.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([branch, errors]) => `(${Number(branch) + 1}) ${describeErrors(errors).map(p => relative(composition, p, errors)).join(', ')}`);
  const quantifier = composition.keyword === 'oneOf' ? 'exactly one' : 'at least one';
  return { path: composition.instancePath, message: `must match ${quantifier} of: ${summaries.join('; ')}` };
}

function relative(composition: ErrorObject, problem: Problem, errors: ErrorObject[]): string {
  const named = errors.some(e => NAMING_KEYWORDS.has(e.keyword) && describeOne(e).path === problem.path);
  const suffix = problem.path.slice(composition.instancePath.length);
  return named || suffix === '' ? problem.message : `${suffix} ${problem.message}`;
}

/** True when `inner` is an error from inside one of `outer`'s anyOf/oneOf branches. */
function encloses(outer: ErrorObject, inner: ErrorObject): boolean {
  return outer !== inner && COMPOSITIONS.has(outer.keyword)
    && inner.schemaPath.startsWith(`${outer.schemaPath}/`)
    && inner.instancePath.startsWith(outer.instancePath);
}

function childPath(parent: string, name: string): string {
  return `${parent}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
