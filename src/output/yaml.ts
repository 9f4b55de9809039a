import { Document, parseDocument, visit } from 'yaml';
import { fastYamlDocument } from './fast-yaml';

/** First characters of every plain scalar that YAML 1.1 or 1.2 can read as something other than a string. */
const MAY_NOT_BE_A_STRING = /^[-+.~0-9=<nNtTfFyYoO]/;

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * A multi-line string with a line of only spaces or tabs: in a block scalar
 * (`|`) such a line reads back empty, so the `yaml` library's block style
 * would lose those characters (`" \n"` came back as `"\n"`). Written quoted.
 */
const BLANK_LINE_WITH_SPACES = /(^|\n)[ \t]+(\n|$)/;

/** Parsing is slow and the same strings recur in every synth. */
const readsAsNonStringCache = new Map<string, boolean>();

/**
 * Renders objects as a multi-document YAML stream that YAML 1.1 readers
 * (kubectl, many GitOps tools) and YAML 1.2 readers (kustomize) read back
 * unchanged: strings such as `yes`, `on`, `0123`, `0o17` or `=` are quoted.
 * Same input, same bytes.
 */
export function toYamlStream(objects: readonly any[]): string {
  // The fast path writes the same bytes as renderYamlDocument, ~20x faster (see fast-yaml.ts).
  return objects.map(o => fastYamlDocument(o, renderYamlDocument) ?? renderYamlDocument(o)).join('---\n');
}

/**
 * One document as the `yaml` library renders it, with the quoting above.
 * @internal
 */
export function renderYamlDocument(o: unknown): string {
  // Without the merge tag, `<<` is a plain string the visitor can quote.
  const doc = new Document(o, { version: '1.1', aliasDuplicateObjects: false, customTags: tags => tags.filter(t => (typeof t === 'string' ? t !== 'merge' : t.tag !== MERGE_TAG)) });
  visit(doc, {
    Scalar: (_key, node) => {
      if (typeof node.value === 'string' && (readsAsNonString(node.value) || BLANK_LINE_WITH_SPACES.test(node.value))) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * True when a plain (unquoted) `value` would not read back as this string in
 * YAML 1.1 or 1.2. The `yaml` library quotes by its own (1.1) schema only, so
 * it leaves `0o17` (a 1.2 octal) plain, and `=` (PyYAML's 1.1 "value" type,
 * which it refuses to load) and `<<` (a merge key) as well.
 */
function readsAsNonString(value: string): boolean {
  if (value.includes('\n') || !MAY_NOT_BE_A_STRING.test(value)) {
    return false;
  }
  if (value === '=' || value === '<<') {
    return true;
  }
  let known = readsAsNonStringCache.get(value);
  if (known === undefined) {
    known = (['1.1', '1.2'] as const).some(version => {
      try {
        const doc = parseDocument(value, { version });
        return doc.errors.length > 0 || doc.toJS() !== value;
      } catch {
        return true;
      }
    });
    if (readsAsNonStringCache.size >= 10_000) {
      readsAsNonStringCache.clear();
    }
    readsAsNonStringCache.set(value, known);
  }
  return known;
}
