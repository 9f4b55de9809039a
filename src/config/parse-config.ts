import { parseDocument } from 'yaml';
import { InputProblem, InvalidInputError } from '../validation/problems';

/**
 * Parses a config file's text. YAML syntax errors and duplicate keys are
 * reported with their line, never with the file's content.
 * @internal
 */
export function parseConfigText(text: string, sourceName: string): any {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: '1.2' });
  if (doc.errors.length > 0) {
    const problems: InputProblem[] = doc.errors.map(e => ({
      field: `${sourceName}:${e.linePos?.[0]?.line ?? '?'}`,
      message: e.code === 'DUPLICATE_KEY' ? 'a key is given twice; keep one' : `not valid YAML (${e.code})`,
    }));
    throw new InvalidInputError(problems, `Cannot read ${sourceName}`);
  }
  return doc.toJS() ?? {};
}
