import { Chart } from 'cdk8s';
import { PixieWorkloads } from '../../auth/pixie-workloads';
import { InputProblem } from '../../validation/problems';

/**
 * What a provider section of the config file is given besides its own keys.
 * @internal
 */
export interface ProviderContext {
  /** The namespace (already checked). */
  readonly namespace: string;
  /** Where Pixie's workloads live (built from the `pixie` section). */
  readonly workloads: () => PixieWorkloads;
  /** `pixie.reloader`. */
  readonly reloader: boolean;
}

/**
 * One provider's section of the config file: its schema, its value checks
 * (reported with config-file paths), and how it builds its construct.
 * @internal
 */
export interface ConfigProvider {
  /** Top-level key of the section, e.g. `auth0`. */
  readonly key: string;
  /** JSON Schema of the section. */
  readonly schema: object;
  /** Checklist of what stays manual for this provider, printed after a synth. */
  readonly manualSteps: (section: any, namespace: string) => string[];
  /** Value problems, with fields prefixed `<key>.`. Only called when the shape is valid. */
  check(section: any, context: ProviderContext): InputProblem[];
  /** Adds the provider's construct to the chart. */
  build(chart: Chart, section: any, context: ProviderContext): void;
}

