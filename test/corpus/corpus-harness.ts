import * as path from 'path';
import { runSynth } from '../../src/cli/synth-command';
import { readTree, tempDir, writeConfig } from '../support/temp-config';

/**
 * One bad config-file input: a mutation of a known-good config (or raw YAML
 * text), and the exact problem lines the synth must print.
 */
export interface ConfigCorpusRow {
  /** What is wrong, for the test title. */
  readonly name: string;
  /** Changes a deep copy of the good config in place, or returns the whole file's text instead. */
  readonly mutate: (config: any) => void | string;
  /** The problem lines, without the `  - ` bullet, in order. */
  readonly problems: string[];
  /**
   * The error's heading.
   * @default 'Invalid config pixie-auth.yaml' (the config file, as the harness names it)
   */
  readonly heading?: string;
}

/** What a corpus case observed. */
export interface CorpusOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The output directory after the good synth. */
  readonly before: Record<string, string>;
  /** The output directory after the bad synth. */
  readonly after: Record<string, string>;
}

/** The exact stderr of a refused synth. */
export function refusal(problems: string[], heading = 'Invalid config pixie-auth.yaml'): string {
  return `${heading}:\n${problems.map(p => `  - ${p}`).join('\n')}\nNothing was written; the output directory is unchanged.\n`;
}

/**
 * Synthesizes `good` into a fresh `dist/`, snapshots it, then runs the synth
 * command on `good` changed by `row.mutate`, into the same `dist/`.
 */
export function runCorpusRow(good: any, row: ConfigCorpusRow): CorpusOutcome {
  const outdir = path.join(tempDir('pixie-corpus-'), 'dist');
  const first = synth(writeConfig(good), outdir);
  if (first.code !== 0) {
    throw new Error(`the known-good config did not synthesize:\n${first.stderr}`);
  }
  const before = readTree(outdir);
  const bad = structuredClone(good);
  const text = row.mutate(bad);
  const result = synth(writeConfig(typeof text === 'string' ? text : bad), outdir);
  return { ...result, before, after: readTree(outdir) };
}

function synth(configFile: string, outdir: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runSynth(['--config', configFile, '--output', outdir, '--quiet'], t => (stdout += t), t => (stderr += t));
  // Messages name the config file as --config gave it, here a temp path: the rows name it pixie-auth.yaml.
  return { code, stdout, stderr: stderr.split(configFile).join('pixie-auth.yaml') };
}
