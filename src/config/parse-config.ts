import { parseDocument } from 'yaml';
import { describeYamlError, lineAndColumn, yamlFeatureProblems } from './yaml-errors';
import { InputProblem, InvalidInputError } from '../validation/problems';

/**
 * Parses a config file's text. The first YAML syntax error, else every
 * duplicate key, is reported as `FILE:LINE:COLUMN` (`sourceName` as the user
 * gave it) with yaml's explanation, its error code and the fix, never with
 * the file's content; so is any anchor, alias or tag (see `yamlFeatureProblems`).
 * @internal
 */
export function parseConfigText(text: string, sourceName: string): any {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: '1.2' });
  if (doc.errors.length > 0) {
    const described = doc.errors.map(error => describeYamlError(error, doc, text));
    const syntax = described.filter(d => d.code !== 'DUPLICATE_KEY').sort((a, b) => a.offset - b.offset);
    // After a syntax error yaml misreads what follows, so its further errors are noise: the first one only.
    const problems: InputProblem[] = (syntax.length > 0 ? syntax.slice(0, 1) : described).map(d => {
      const at = lineAndColumn(text, d.offset);
      return { field: `${sourceName}:${at.line}:${at.col}`, message: d.message };
    });
    throw new InvalidInputError(problems, `Cannot read ${sourceName}`);
  }
  const features = yamlFeatureProblems(doc, text);
  if (features.length > 0) {
    throw new InvalidInputError(features.map(f => {
      const at = lineAndColumn(text, f.offset);
      return { field: `${sourceName}:${at.line}:${at.col}`, message: f.message };
    }), `Cannot read ${sourceName}`);
  }
  return doc.toJS() ?? {};
}
