import { stringify } from 'yaml';

/**
 * Renders objects as a multi-document YAML stream that YAML 1.1 readers
 * (kubectl, many GitOps tools) read back unchanged: strings such as `yes`,
 * `on` or `0123` are quoted. Same input, same bytes.
 */
export function toYamlStream(objects: readonly any[]): string {
  return objects.map(o => stringify(o, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}
