import { writeDirectoryAtomically } from './atomic-write';
import { formatSummary } from './summary';
import { synthesizeConfigFile } from './synthesize';

/** Options of the synth command. */
export interface SynthCommandOptions {
  readonly configPath: string;
  readonly outdir: string;
  readonly quiet: boolean;
}

/** Parses `--config FILE`, `--output DIR` and `--quiet`. */
export function parseSynthArgs(argv: readonly string[]): SynthCommandOptions {
  let configPath = process.env.PIXIE_AUTH_CONFIG ?? 'pixie-auth.yaml';
  let outdir = 'dist';
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--config' || arg === '-c') {
      configPath = requireValue(argv, ++i, arg);
    } else if (arg === '--output' || arg === '-o') {
      outdir = requireValue(argv, ++i, arg);
    } else if (arg === '--quiet' || arg === '-q') {
      quiet = true;
    } else {
      throw new Error(`unknown argument '${arg}'; usage: synth [--config pixie-auth.yaml] [--output dist] [--quiet]`);
    }
  }
  return { configPath, outdir, quiet };
}

/**
 * Synthesizes the config into `outdir` atomically. Returns the exit code;
 * on any error `outdir` is left exactly as it was.
 */
export function runSynth(
  argv: readonly string[],
  out: (text: string) => void = t => process.stdout.write(t),
  err: (text: string) => void = t => process.stderr.write(t),
): number {
  try {
    const options = parseSynthArgs(argv);
    const result = synthesizeConfigFile(options.configPath);
    writeDirectoryAtomically(options.outdir, result.files);
    if (!options.quiet) {
      out(formatSummary(result, options.outdir));
    }
    return 0;
  } catch (e) {
    err(`${(e as Error).message}\nNothing was written; the output directory is unchanged.\n`);
    return 1;
  }
}

function requireValue(argv: readonly string[], i: number, flag: string): string {
  const value = argv[i];
  if (value === undefined || value.startsWith('-')) {
    throw new Error(`${flag} needs a value`);
  }
  return value;
}

if (require.main === module) {
  process.exitCode = runSynth(process.argv.slice(2));
}
