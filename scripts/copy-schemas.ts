/**
 * Copies the schemas the manifest validator needs from ../shared/schemas into
 * schemas/ (committed, shipped in the npm package; the runtime never reads
 * ../shared). Run from the repo root: `npx projen copy-schemas`.
 *
 * - Kubernetes: only the definitions reachable from the kinds this library
 *   emits, so the file stays small.
 * - CRDs: the served version's `openAPIV3Schema`, stamped with
 *   `x-kubernetes-group-version-kind` like a Kubernetes kind.
 * - Both: descriptions and annotations that do not change what is valid are
 *   dropped; keys are sorted; files end in a newline. A keyword this script
 *   does not know fails the copy instead of slipping through.
 *
 * The strict-mode changes (closing objects, IntOrString, CRD metadata) are
 * not made here: the validator makes them when it loads the files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { KUBERNETES_FORMATS } from '../src/validate/formats';
import {
  GVK_KEYWORD, GroupVersionKind, KUBERNETES_EXTENSIONS, KUBERNETES_SCHEMA_FILE, SCHEMAS_DIR,
  apiVersionOf, crdSchemaFileName, readSchemaFiles,
} from '../src/validate/schema-files';
import { SchemaRegistry } from '../src/validate/schema-registry';
import { SchemaNode, mapSchema } from '../src/validate/schema-walk';

const SHARED = path.resolve('..', 'shared', 'schemas');

/** The Kubernetes kinds this library synthesizes. */
const KINDS: readonly string[] = [
  'v1/ConfigMap', 'v1/Namespace', 'v1/Secret', 'v1/Service', 'v1/ServiceAccount',
  'apps/v1/DaemonSet', 'apps/v1/Deployment', 'apps/v1/StatefulSet', 'batch/v1/Job',
];

/** The CRDs, and the one version of each that the cluster serves. */
const CRDS = [
  { file: 'external-secrets.io_externalsecrets.yaml', version: 'v1' },
  { file: 'generators.external-secrets.io_passwords.yaml', version: 'v1alpha1' },
];

/** Keywords that decide what is valid: kept. */
const VALIDATION_KEYWORDS = new Set([
  '$ref', 'additionalProperties', 'allOf', 'anyOf', 'enum', 'exclusiveMaximum', 'exclusiveMinimum', 'format',
  'items', 'maxItems', 'maxLength', 'maxProperties', 'maximum', 'minItems', 'minLength', 'minProperties',
  'minimum', 'multipleOf', 'not', 'nullable', 'oneOf', 'pattern', 'properties', 'required', 'type',
  'uniqueItems', ...KUBERNETES_EXTENSIONS,
]);
/**
 * Keywords that only describe: dropped. `x-kubernetes-validations` (CEL
 * rules) is here because ajv cannot evaluate CEL.
 */
const ANNOTATION_KEYWORDS = new Set([
  'default', 'description', 'example', 'title', 'x-kubernetes-list-map-keys', 'x-kubernetes-list-type',
  'x-kubernetes-map-type', 'x-kubernetes-patch-merge-key', 'x-kubernetes-patch-strategy',
  'x-kubernetes-unions', 'x-kubernetes-validations',
]);

/** Drops annotations, refuses unknown keywords and formats. */
function stripAnnotations(schema: SchemaNode, where: string): SchemaNode {
  return mapSchema(schema, node => {
    const kept: SchemaNode = {};
    for (const [keyword, value] of Object.entries(node)) {
      if (VALIDATION_KEYWORDS.has(keyword)) {
        kept[keyword] = value;
      } else if (!ANNOTATION_KEYWORDS.has(keyword)) {
        throw new Error(`${where}: unknown schema keyword '${keyword}': decide whether it validates or describes`);
      }
    }
    if (typeof kept.format === 'string' && kept.format !== 'int-or-string' && !KUBERNETES_FORMATS.includes(kept.format)) {
      throw new Error(`${where}: format '${kept.format}' is not registered in src/validate/formats.ts`);
    }
    return kept;
  });
}

/** The names every `$ref: #/definitions/<name>` in `schema` points at. */
function localRefs(schema: SchemaNode): string[] {
  const refs: string[] = [];
  mapSchema(schema, node => {
    if (typeof node.$ref === 'string') {
      const match = /^#\/definitions\/(.+)$/.exec(node.$ref);
      if (!match) throw new Error(`unsupported $ref '${node.$ref}'`);
      refs.push(match[1]);
    }
    return node;
  });
  return refs;
}

function kubernetesDefinitions(): { [name: string]: SchemaNode } {
  const all: { [name: string]: SchemaNode } = JSON.parse(
    fs.readFileSync(path.join(SHARED, 'k8s-v1.27.0-definitions.json'), 'utf8')).definitions;
  const gvkKey = (gvk: GroupVersionKind) => `${apiVersionOf(gvk)}/${gvk.kind}`;

  const roots = new Map<string, string>();
  for (const [name, definition] of Object.entries(all)) {
    for (const gvk of definition[GVK_KEYWORD] ?? []) {
      if (KINDS.includes(gvkKey(gvk))) roots.set(gvkKey(gvk), name);
    }
  }
  const missing = KINDS.filter(kind => !roots.has(kind));
  if (missing.length > 0) throw new Error(`kinds not found in the Kubernetes definitions: ${missing.join(', ')}`);

  const reachable = new Set<string>();
  const queue = [...roots.values()];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (reachable.has(name)) continue;
    if (!all[name]) throw new Error(`dangling $ref to '${name}'`);
    reachable.add(name);
    queue.push(...localRefs(all[name]));
  }

  const rootNames = new Set(roots.values());
  const trimmed: { [name: string]: SchemaNode } = {};
  for (const name of reachable) {
    const definition = stripAnnotations(all[name], name);
    if (rootNames.has(name)) {
      // Only the kinds we emit are known kinds; a reachable helper type keeps no GVK.
      definition[GVK_KEYWORD] = all[name][GVK_KEYWORD].filter((gvk: GroupVersionKind) => KINDS.includes(gvkKey(gvk)));
    } else {
      delete definition[GVK_KEYWORD];
    }
    trimmed[name] = definition;
  }
  return trimmed;
}

function crdDefinition(file: string, version: string): { gvk: GroupVersionKind; name: string; schema: SchemaNode } {
  const crd = parse(fs.readFileSync(path.join(SHARED, 'crds', file), 'utf8'));
  const served = crd.spec.versions.find((v: any) => v.name === version);
  if (!served?.served) throw new Error(`${file}: version '${version}' is not served`);
  const gvk: GroupVersionKind = { group: crd.spec.group, version, kind: crd.spec.names.kind };
  const schema = stripAnnotations(served.schema.openAPIV3Schema, `${file} ${version}`);
  schema[GVK_KEYWORD] = [gvk];
  // Named the way Kubernetes names its definitions: reversed group, version, kind.
  const name = [...gvk.group.split('.').reverse(), version, gvk.kind].join('.');
  return { gvk, name, schema };
}

/** JSON with object keys sorted at every level (arrays keep their order), ending in a newline. */
function stableJson(value: unknown): string {
  const sortKeys = (v: any): any => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(Object.keys(v).sort().map(k => [k, sortKeys(v[k])]));
  };
  return JSON.stringify(sortKeys(value), undefined, 2) + '\n';
}

const README = `# schemas/

Generated by \`scripts/copy-schemas.ts\` (\`npx projen copy-schemas\`) from
\`../shared/schemas\`; do not edit by hand. \`src/validate/\` reads every
\`*.json\` here at runtime (the files ship in the npm package).

| file | origin (Apache-2.0) |
| --- | --- |
| \`${KUBERNETES_SCHEMA_FILE}\` | cdk8s-team/cdk8s \`kubernetes-schemas/v1.27.0/_definitions.json\` at 71f8cba7ecc809d861e837e842217202d5e5a16c: Kubernetes 1.27 OpenAPI definitions as JSON Schema, trimmed to what ${KINDS.join(', ')} reach |
| \`external-secrets.io_v1_ExternalSecret.json\` | external-secrets/external-secrets \`config/crds/bases/external-secrets.io_externalsecrets.yaml\` at cc5bfbc2234ace9cb0caff4ea89c435cf517b27b: the served version \`v1\` only (\`v1beta1\` is not served) |
| \`generators.external-secrets.io_v1alpha1_Password.json\` | same commit, \`config/crds/bases/generators.external-secrets.io_passwords.yaml\`, version \`v1alpha1\` |

Changes from the originals: descriptions, defaults and annotations that do
not affect validity (\`x-kubernetes-list-type\`, \`x-kubernetes-patch-*\`,
...) are dropped, keys are sorted, and each CRD schema carries
\`x-kubernetes-group-version-kind\`. The validator makes the schemas strict
when it loads them (see \`src/validate/schema-transform.ts\`).
`;

function main(): void {
  const outputs = new Map<string, string>();
  outputs.set(KUBERNETES_SCHEMA_FILE, stableJson({ definitions: kubernetesDefinitions() }));
  for (const { file, version } of CRDS) {
    const { gvk, name, schema } = crdDefinition(file, version);
    outputs.set(crdSchemaFileName(gvk), stableJson({ definitions: { [name]: schema } }));
  }
  outputs.set('README.md', README);

  fs.mkdirSync(SCHEMAS_DIR, { recursive: true });
  // The validator reads every *.json here, so nothing stale may stay behind.
  for (const existing of fs.readdirSync(SCHEMAS_DIR)) {
    if (!outputs.has(existing)) fs.rmSync(path.join(SCHEMAS_DIR, existing), { recursive: true });
  }
  for (const [name, content] of outputs) {
    fs.writeFileSync(path.join(SCHEMAS_DIR, name), content);
    console.log(`schemas/${name} (${content.length} bytes)`);
  }
  checkOutput();
}

/** Every known kind's schema passes the meta-schema and compiles, and the known kinds are exactly ours. */
function checkOutput(): void {
  const registry = new SchemaRegistry(readSchemaFiles(SCHEMAS_DIR), true);
  const expected = [...KINDS.map(k => k.replace(/\/(?=[^/]+$)/, ' ')), ...CRDS.map(crd => {
    const { gvk } = crdDefinition(crd.file, crd.version);
    return `${apiVersionOf(gvk)} ${gvk.kind}`;
  })].sort();
  const known = registry.knownKinds();
  if (JSON.stringify(known) !== JSON.stringify(expected)) {
    throw new Error(`known kinds ${known.join(', ')} differ from the expected ${expected.join(', ')}`);
  }
  for (const key of known) {
    const [apiVersion, kind] = key.split(' ');
    registry.validatorFor(apiVersion, kind);
  }
  console.log(`compiled ${known.length} kinds: ${known.join(', ')}`);
}

main();
