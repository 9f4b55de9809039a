import { isPlainObject } from '../objects/plain-data';

/**
 * A fast path for rendering one YAML document that writes the bytes the
 * `yaml` library writes (block style, 2-space indent, sequences indented
 * under their key, no line folding), ~20 times faster. It writes the
 * structure, and the scalars whose rendering is certain: integers,
 * booleans, null, hashes, and single-line strings and keys that cannot be
 * read as anything but a string (`PLAIN_STRING`, `PLAIN_KEY`). Every other
 * scalar (numbers with fractions, most strings starting with a digit, quotes,
 * multi-line text, ...) is rendered
 * by `slow`, the full renderer, in a one-entry document, and spliced in at
 * the right indentation; those renderings are remembered (per `slow`, so
 * pass the same function every time). Anything that is
 * not plain JSON data, or a string with a line starting `---`, `...` or `%`
 * (rendered by indentation), makes it give up (undefined), and the caller
 * renders the whole document with `slow`.
 *
 * @param value the document: a non-empty plain object
 * @param slow renders any value as a whole document, ending in a newline
 * @param options how `slow` treats undefined members and shared objects
 * @internal
 */
export function fastYamlDocument(value: unknown, slow: Render, options: FastYamlOptions = {}): string | undefined {
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    return undefined;
  }
  const out: Output = { text: '', seen: options.likeCdk8s ? new Set() : undefined };
  try {
    writeMap(value, '', out, slow, 0);
  } catch (e) {
    if (e === GIVE_UP) {
      return undefined;
    }
    throw e;
  }
  return out.text;
}

/** How the full renderer differs from this project's `renderYamlDocument`. */
export interface FastYamlOptions {
  /**
   * `slow` is cdk8s's `Yaml.stringify`, which writes an undefined member as
   * `null` (`keepUndefined`) and an object or array that occurs twice as an
   * anchor and alias (`&a1` ... `*a1`): give up on both.
   * @default false - undefined members are left out, shared objects written in full
   */
  readonly likeCdk8s?: boolean;
}

/** The document written so far (V8 joins appended strings lazily). */
interface Output {
  text: string;
  /** The objects and arrays written so far, where one met twice gives up. */
  readonly seen?: Set<object>;
}

/** Renders a value as a whole YAML document. */
type Render = (value: unknown) => string;

const GIVE_UP = new Error('not plain JSON data');
const MAX_DEPTH = 100;
/** Long keys become explicit (`? key`) keys: leave those to the full renderer. */
const MAX_FAST_KEY = 128;
/**
 * Single-line strings the yaml library writes plain, in block context:
 * starting with a letter, `_`, `/`, `$` or `-`/`--` and a letter other than
 * `e` (no YAML number starts so), then printable ASCII without `: `, ` #`,
 * two spaces, or a trailing space or `:`.
 */
const PLAIN_STRING = /^(?:[A-Za-z_/$]|--?[A-DF-Za-df-z_])(?:[!-9;-~]|:(?! |$)| (?![ :#]|$))*$/;
/** Digits and letters, starting with 1-9 and with a letter no YAML number, date or time has (not b, e, o, t, x, z): hashes. */
const PLAIN_DIGITS = /^(?=[0-9A-Za-z]*[ac-dfg-np-suvwyAC-DFG-NP-SUVWY])[1-9][0-9A-Za-z]*$/;
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/** What YAML 1.1 or 1.2 reads as a boolean, null or (`e5`: YAML 1.1) a float: a superset, ignoring case. */
const SPECIAL_WORD = /^(?:y|yes|n|no|true|false|on|off|null)$|^e[-+]?[0-9]/i;
/** The yaml library renders these by their indentation (see its `containsDocumentMarker`): leave them to it. */
const DOCUMENT_MARKER = /^(?:%|---|\.\.\.)/m;
/** Remembered renderings of the scalars each `slow` renders, by kind and value. */
const slowScalars = new WeakMap<Render, Map<string, string>>();
const MAX_REMEMBERED = 10_000;

function writeMap(map: Record<string, unknown>, indent: string, out: Output, slow: Render, depth: number, firstIndent = indent): void {
  let first = true;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) {
      if (out.seen) {
        throw GIVE_UP; // written as null
      }
      continue; // the yaml library leaves undefined members out
    }
    out.text += (first ? firstIndent : indent) + renderKey(key, slow) + ':';
    first = false;
    writeValue(value, indent, out, slow, depth, 'map');
  }
  if (first) {
    throw GIVE_UP; // only undefined members: leave the edge case to the full renderer
  }
}

function writeSeq(seq: unknown[], indent: string, out: Output, slow: Render, depth: number, firstIndent = indent): void {
  seq.forEach((item, i) => {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') {
      throw GIVE_UP;
    }
    out.text += (i === 0 ? firstIndent : indent) + '-';
    writeValue(item, indent, out, slow, depth, 'seq');
  });
}

/** Writes what follows `key:` or `-` at `indent`, through the end of its line(s). */
function writeValue(value: unknown, indent: string, out: Output, slow: Render, depth: number, parent: 'map' | 'seq'): void {
  if (depth > MAX_DEPTH) {
    throw GIVE_UP;
  }
  if (out.seen && typeof value === 'object' && value !== null) {
    if (out.seen.has(value)) {
      throw GIVE_UP; // written as an alias
    }
    out.seen.add(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.text += ' []\n';
    } else if (parent === 'map') {
      out.text += '\n';
      writeSeq(value, `${indent}  `, out, slow, depth + 1);
    } else {
      writeSeq(value, `${indent}  `, out, slow, depth + 1, ' ');
    }
    return;
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) {
      out.text += ' {}\n';
    } else if (parent === 'map') {
      out.text += '\n';
      writeMap(value, `${indent}  `, out, slow, depth + 1);
    } else {
      writeMap(value, `${indent}  `, out, slow, depth + 1, ' ');
    }
    return;
  }
  out.text += ' ' + renderScalar(value, indent, slow, parent) + '\n';
}

function renderKey(key: string, slow: Render): string {
  if (PLAIN_KEY.test(key) && !SPECIAL_WORD.test(key)) {
    return key;
  }
  if (key.length > MAX_FAST_KEY || key.includes('\n') || DOCUMENT_MARKER.test(key)) {
    throw GIVE_UP;
  }
  const rendered = remembered(slow, `k${key}`, () => {
    const doc = slow({ [key]: null });
    if (!doc.endsWith(': null\n') || doc.indexOf('\n') !== doc.length - 1 || doc.startsWith('? ')) {
      throw GIVE_UP;
    }
    return doc.slice(0, -': null\n'.length);
  });
  return rendered;
}

function renderScalar(value: unknown, indent: string, slow: Render, parent: 'map' | 'seq'): string {
  switch (typeof value) {
    case 'string':
      if ((PLAIN_STRING.test(value) && !SPECIAL_WORD.test(value)) || PLAIN_DIGITS.test(value)) {
        return value;
      }
      break;
    case 'number':
      if (Number.isSafeInteger(value) && !Object.is(value, -0)) {
        return String(value);
      }
      break;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) {
        return 'null';
      }
      throw GIVE_UP;
    default:
      throw GIVE_UP;
  }
  if (typeof value === 'string' && DOCUMENT_MARKER.test(value)) {
    throw GIVE_UP;
  }
  // Rendered as the value of `k:` (or item of `-`) at the top, then moved to this indentation.
  const atTop = remembered(slow, `${parent === 'map' ? 'm' : 's'}${typeof value}${String(value)}`, () => {
    const doc = parent === 'map' ? slow({ k: value }) : slow([value]);
    const lead = parent === 'map' ? 'k: ' : '- ';
    if (!doc.startsWith(lead) || !doc.endsWith('\n')) {
      throw GIVE_UP;
    }
    return doc.slice(lead.length, -1);
  });
  return indent === '' || !atTop.includes('\n') ? atTop : atTop.replace(/\n(?=[^\n])/g, `\n${indent}`);
}

function remembered(slow: Render, key: string, render: () => string): string {
  let renderings = slowScalars.get(slow);
  if (!renderings) {
    renderings = new Map();
    slowScalars.set(slow, renderings);
  }
  let rendered = renderings.get(key);
  if (rendered === undefined) {
    rendered = render();
    if (renderings.size >= MAX_REMEMBERED) {
      renderings.clear();
    }
    renderings.set(key, rendered);
  }
  return rendered;
}
