import { stringify } from 'yaml';
import { fastYamlDocument } from '../output/fast-yaml';

/** Pixie's first line in both config files; still true here. */
const HEADER = '# All URLS must be set in the environment variables instead of config.\n';

/**
 * Renders a Hydra or Kratos config object as the YAML text of its config
 * file. Strings that YAML 1.1 readers would take for booleans or numbers are
 * quoted; same input, same bytes.
 * @internal
 */
export function renderOryConfigYaml(config: any): string {
  // The fast path writes the same bytes as the yaml library (see fast-yaml.ts).
  return HEADER + (fastYamlDocument(config, renderSlowly) ?? renderSlowly(config));
}

function renderSlowly(config: unknown): string {
  return stringify(config, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}
