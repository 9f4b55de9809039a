import { Document, isAlias, isMap, isScalar, visit, YAMLError } from 'yaml';
import { looksLikeSecretValue, quoteInput, redact } from '../validation/field-checks';

// What a YAML syntax error in a config file is, where, and how to fix it, in the user's terms.

/** How to fix what yaml reports: [error code, message pattern, fix]. */
const FIXES: Array<[string, RegExp, string]> = [
  ['TAB_AS_INDENT', /./, 'indent with spaces, not tabs'],
  ['BAD_INDENT', /^Flow (sequence|map)/, 'close the [ or { on the line where it opens, or indent the lines it continues on'],
  ['BAD_INDENT', /./, 'indent every key of one mapping (and every - item of one list) by the same number of spaces'],
  ['BLOCK_AS_IMPLICIT_KEY', /^A block sequence/, 'a - list item cannot sit among the keys of a mapping: indent it under the key whose list it is'],
  ['BLOCK_AS_IMPLICIT_KEY', /./, 'give each key: value its own line, indented like the keys beside it; put a value that contains ": " in quotes'],
  ['MULTILINE_IMPLICIT_KEY', /./, 'a key must fit on one line: put a space after each key\'s colon, check the indentation, and put a value that contains ": " in quotes'],
  ['MISSING_CHAR', /^Implicit map keys need to be followed/, 'write key: value (with a space after the colon), or indent this line under its key'],
  ['MISSING_CHAR', /^Missing space after :/, 'put a space after the colon'],
  ['MISSING_CHAR', /^Missing ,/, 'separate the items with commas'],
  ['MISSING_CHAR', /^Comments must be separated/, 'put a space before the #, or quote the value if the # belongs to it'],
];

/**
 * Where a yaml error is (an offset into the text) and its message for the user.
 * @internal
 */
export function describeYamlError(error: YAMLError, doc: Document, text: string): { code: string; offset: number; message: string } {
  const offset = Math.min(error.pos[0], text.length);
  const code = error.code;
  if (code === 'DUPLICATE_KEY') {
    return { code, offset, message: duplicateKeyMessage(doc, offset, text) };
  }
  if (code === 'MULTIPLE_DOCS') {
    return { code, offset, message: `not valid YAML: the file holds more than one YAML document (a line --- starts another) (${code}); keep one: a config file is one mapping` };
  }
  const quote = /^Missing closing (["'])/.exec(error.message)?.[1];
  if (quote) {
    // yaml reports an unclosed quote where the file ends; the mistake is where it opens.
    const opened = quotedScalarEndingAt(doc, offset);
    return {
      code,
      offset: opened ?? offset,
      message: `not valid YAML: the ${quote} quote ${opened === undefined ? 'before here' : 'that opens here'} is never closed, so the value runs on to the end of the file (${error.code}); add the closing ${quote} at the end of the value`,
    };
  }
  const human = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?\s*$/, '').replace(/:$/, '').trim();
  const fix = FIXES.find(([fixCode, pattern]) => fixCode === code && pattern.test(human))?.[2];
  return { code, offset, message: `not valid YAML: ${redactWords(human)} (${code})${fix ? `; ${fix}` : ''}` };
}

/** `"key" is given twice (also on line N); keep one`. */
function duplicateKeyMessage(doc: Document, offset: number, text: string): string {
  let message = 'a key is given twice in one mapping; keep one';
  visit(doc, {
    Pair: (_, pair, path) => {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) {
        return undefined;
      }
      const parent = path[path.length - 1];
      const first = isMap(parent) ? parent.items.find(p => isScalar(p.key) && p.key.value === (pair.key as any).value) : undefined;
      const firstOffset = isScalar(first?.key) ? first!.key.range?.[0] : undefined;
      const also = firstOffset !== undefined && firstOffset !== offset ? ` (also on line ${lineAndColumn(text, firstOffset).line})` : '';
      message = `${quoteInput(String(pair.key.value))} is given twice in one mapping${also}; keep one`;
      return visit.BREAK;
    },
  });
  return message;
}

/** The start of the quoted scalar that yaml read on to `end` (where an unclosed quote stops). */
function quotedScalarEndingAt(doc: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar: (_, node) => {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/**
 * 1-based line and column of `offset`, on a line that exists: yaml puts
 * errors at the end of the file on the line after the last newline.
 * @internal
 */
export function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  let rest = Math.max(0, offset);
  for (let i = 0; i < lines.length; i++) {
    if (rest <= lines[i].length) {
      return { line: i + 1, col: rest + 1 };
    }
    rest -= lines[i].length + 1;
  }
  const last = lines.length;
  return { line: last, col: lines[last - 1].replace(/\r$/, '').length + 1 };
}

/** yaml's message with any secret-looking word shortened. */
function redactWords(message: string): string {
  return message.split(/(\s+)/).map(w => (looksLikeSecretValue(w) ? redact(w) : w)).join('');
}

/**
 * YAML's anchors (`&`), aliases (`*`) and tags (`!`), which a config file
 * has no use for, and which turn a value that merely starts with one of those
 * characters (a pasted password, say) into something else: an empty value,
 * a reference, or a silently dropped tag. Reported where they stand; the
 * value itself is never repeated.
 * @internal
 */
export function yamlFeatureProblems(doc: Document, text: string): Array<{ offset: number; message: string }> {
  const found: Array<{ offset: number; message: string }> = [];
  const quoteIt = 'a config file does not use it: if the value starts with that character, put the whole value in quotes';
  visit(doc, {
    Node: (_, node) => {
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        found.push({ offset, message: `a value starting with * is a YAML alias; ${quoteIt}` });
        return;
      }
      if (node.anchor !== undefined) {
        found.push({ offset: markBefore(text, '&', offset), message: `a value starting with & is a YAML anchor; ${quoteIt}` });
      }
      if (node.tag !== undefined) {
        found.push({ offset: markBefore(text, '!', offset), message: `a value starting with ! is a YAML tag; ${quoteIt}` });
      }
    },
  });
  return found.sort((a, b) => a.offset - b.offset);
}

/** Where `mark` stands before `offset` (yaml's node starts after its anchor or tag), else `offset`. */
function markBefore(text: string, mark: string, offset: number): number {
  const at = text.lastIndexOf(mark, offset);
  return at >= 0 ? at : offset;
}
