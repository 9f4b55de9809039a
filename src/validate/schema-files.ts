import * as fs from 'fs';
import * as path from 'path';
import { SchemaNode } from './schema-walk';

/**
 * `schemas/` at the package root. This file runs as `src/validate/*.ts`
 * (ts-node, jest) or `lib/validate/*.js` (compiled, installed from npm):
 * both sit two levels below the root.
 */
export const SCHEMAS_DIR = path.resolve(__dirname, '..', '..', 'schemas');

/** The Kubernetes definitions file in `schemas/`. */
export const KUBERNETES_SCHEMA_FILE = 'k8s-v1.27.0-definitions.json';

/** The definition every object's `metadata` must match, CRDs included. */
export const OBJECT_META_REF = `${KUBERNETES_SCHEMA_FILE}#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`;

/** The extension keyword naming the apiVersion/kind a top-level definition validates. */
export const GVK_KEYWORD = 'x-kubernetes-group-version-kind';

/**
 * The Kubernetes extension keywords the shipped files keep, because they
 * change what is valid; the copy script drops the other `x-kubernetes-*`
 * annotations.
 */
export const KUBERNETES_EXTENSIONS: readonly string[] = [
  GVK_KEYWORD,
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
];

/** One apiVersion/kind pair as `x-kubernetes-group-version-kind` lists it. */
export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** One parsed file from `schemas/`: `{ "definitions": { name: schema } }`. */
export interface SchemaFile {
  /** The file name, also the schema's `$id` so `file#/definitions/x` refs resolve. */
  readonly name: string;
  readonly definitions: { [name: string]: SchemaNode };
}

/** The `schemas/` file name for one served version of a CRD. */
export function crdSchemaFileName(gvk: GroupVersionKind): string {
  return `${gvk.group}_${gvk.version}_${gvk.kind}.json`;
}

/** `group/version`, or just `version` for the core group. */
export function apiVersionOf(gvk: GroupVersionKind): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}

/** Reads and parses every `*.json` in `dir`, in name order. */
export function readSchemaFiles(dir: string = SCHEMAS_DIR): SchemaFile[] {
  const names = fs.readdirSync(dir).filter(name => name.endsWith('.json')).sort();
  if (names.length === 0) {
    throw new Error(`no schema files in ${dir}: run 'npx projen copy-schemas'`);
  }
  return names.map(name => {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    return { name, definitions: parsed.definitions ?? {} };
  });
}
