import { GVK_KEYWORD, OBJECT_META_REF } from './schema-files';
import { SchemaContext, SchemaNode, compositionBranches, isSchema, mapSchema } from './schema-walk';

/**
 * Turns a definition as shipped in `schemas/` into the schema ajv enforces,
 * strict the way `kubeconform -strict` is:
 *
 * - every object schema with `properties`, no `additionalProperties` and no
 *   `x-kubernetes-preserve-unknown-fields: true` gets
 *   `additionalProperties: false`, so unknown fields are errors. Subschemas
 *   under `allOf`/`anyOf`/`oneOf`/`not` are value validations layered on the
 *   structural schema (the Kubernetes structural-schema rule), so they stay
 *   open, and the fields they name are allowed on the object around them;
 * - IntOrString (`format: int-or-string`, `x-kubernetes-int-or-string`, or a
 *   `oneOf` of bare types such as `string`/`integer`) becomes a type union,
 *   which accepts both and fails with one message instead of three;
 * - a top-level kind whose `metadata` is a bare `type: object` (every CRD)
 *   gets the Kubernetes ObjectMeta instead, so metadata is strict too.
 */
export function toEnforcedSchema(definition: SchemaNode): SchemaNode {
  const enforced = mapSchema(definition, (node, context) => closeObject(typeUnion(node), context));
  const metadata = enforced.properties?.metadata;
  if (enforced[GVK_KEYWORD] && isSchema(metadata) && !metadata.$ref && !metadata.properties) {
    enforced.properties = { ...enforced.properties, metadata: { $ref: OBJECT_META_REF } };
  }
  return enforced;
}

function typeUnion(node: SchemaNode): SchemaNode {
  if (node.format === 'int-or-string' || node['x-kubernetes-int-or-string'] === true) {
    const union = withoutKeywords(node, ['format', 'anyOf', 'oneOf', 'x-kubernetes-int-or-string']);
    return { ...union, type: ['integer', 'string'] };
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const branches = node[keyword];
    if (node.type !== undefined || !Array.isArray(branches) || branches.length < 2) continue;
    const types = branches.map((b: any) => isSchema(b) && Object.keys(b).length === 1 && typeof b.type === 'string' ? b.type : undefined);
    // Only when no value can match two branches (integer is also a number), so oneOf == anyOf == union.
    const disjoint = types.every((t: any) => t !== undefined) && new Set(types).size === types.length
      && !(types.includes('integer') && types.includes('number'));
    if (disjoint) {
      return { ...withoutKeywords(node, [keyword]), type: [...types].sort() };
    }
  }
  return node;
}

function closeObject(node: SchemaNode, context: SchemaContext): SchemaNode {
  if (context.inComposition || !isSchema(node.properties) || node.additionalProperties !== undefined
    || node.patternProperties !== undefined || node['x-kubernetes-preserve-unknown-fields'] === true) {
    return node;
  }
  const properties = { ...node.properties };
  for (const branch of compositionBranches(node)) {
    for (const name of Object.keys(isSchema(branch.properties) ? branch.properties : {})) {
      properties[name] = properties[name] ?? {};
    }
  }
  return { ...node, properties, additionalProperties: false };
}

function withoutKeywords(node: SchemaNode, keywords: string[]): SchemaNode {
  const copy = { ...node };
  for (const keyword of keywords) delete copy[keyword];
  return copy;
}
