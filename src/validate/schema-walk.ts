/**
 * A JSON Schema node as parsed from JSON. Internal: schemas never appear in
 * the public API.
 */
export interface SchemaNode {
  [keyword: string]: any;
}

/** Where a node sits, as far as a transformation needs to know. */
export interface SchemaContext {
  /**
   * True below `allOf`/`anyOf`/`oneOf`/`not`: such a node is a value
   * validation layered on the structural schema around it, not a structure
   * of its own.
   */
  readonly inComposition: boolean;
}

/** Keywords whose value is a single subschema (or a list, for `items`). */
const SINGLE_KEYWORDS = ['items', 'additionalProperties', 'additionalItems', 'not'];
/** Keywords whose value maps names to subschemas. */
const MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions'];
/** Keywords whose value is a list of alternative or combined subschemas. */
const COMPOSITION_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];

/**
 * Rebuilds a schema bottom-up: every subschema is copied and handed to `fn`
 * after its own subschemas were, and `fn` returns the node to keep. Only
 * schema positions are visited, never property names or `enum` values, so a
 * property called `description` is not mistaken for the keyword.
 */
export function mapSchema(
  node: SchemaNode,
  fn: (node: SchemaNode, context: SchemaContext) => SchemaNode,
  context: SchemaContext = { inComposition: false },
): SchemaNode {
  const copy: SchemaNode = { ...node };
  const below = (composition: boolean): SchemaContext => ({ inComposition: context.inComposition || composition });
  const visit = (child: any, composition: boolean): any =>
    isSchema(child) ? mapSchema(child, fn, below(composition)) : child;

  for (const keyword of SINGLE_KEYWORDS) {
    if (!(keyword in copy)) continue;
    const composition = keyword === 'not';
    const value = copy[keyword];
    copy[keyword] = Array.isArray(value) ? value.map(v => visit(v, composition)) : visit(value, composition);
  }
  for (const keyword of MAP_KEYWORDS) {
    if (!isSchema(copy[keyword])) continue;
    const mapped: SchemaNode = {};
    for (const [name, child] of Object.entries(copy[keyword])) {
      // A definition stands on its own wherever it is referenced from.
      mapped[name] = keyword === 'definitions' && isSchema(child) ? mapSchema(child, fn) : visit(child, false);
    }
    copy[keyword] = mapped;
  }
  for (const keyword of COMPOSITION_KEYWORDS) {
    if (Array.isArray(copy[keyword])) {
      copy[keyword] = copy[keyword].map((v: any) => visit(v, true));
    }
  }
  return fn(copy, context);
}

/** The subschemas a node combines with `allOf`/`anyOf`/`oneOf`, recursively. */
export function compositionBranches(node: SchemaNode): SchemaNode[] {
  const branches: SchemaNode[] = [];
  for (const keyword of COMPOSITION_KEYWORDS) {
    for (const branch of Array.isArray(node[keyword]) ? node[keyword] : []) {
      if (isSchema(branch)) {
        branches.push(branch, ...compositionBranches(branch));
      }
    }
  }
  return branches;
}

/** True for a JSON object (a schema node), false for booleans, arrays and scalars. */
export function isSchema(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
