import { replaceOutputEntry } from './replace-output-entry';
import { formatSummary } from './summary';
import { synthesizeConfigFile } from './synthesize';

/** Options of the synth command. */
export interface SynthCommandOptions {
  readonly configPath: string;
  readonly outdir: string;
  readonly quiet: boolean;
  /** `--help`: print the usage and synthesize nothing. */
  readonly help: boolean;
}

const USAGE = `usage: synth [--config pixie-auth.yaml] [--output dist] [--quiet]
  -c, --config FILE   the config file (default: pixie-auth.yaml, or $PIXIE_AUTH_CONFIG)
  -o, --output DIR    the output directory (default: dist); once everything is valid, the component
                      directory (or manifest file) is written into it, replacing only what an earlier
                      synth wrote there (recorded in DIR/.pixie-auth-synth/)
  -q, --quiet         no summary of files, restarts and manual steps
  -h, --help          this help
`;

/** Parses `--config FILE`, `--output DIR` (also `--config=FILE`, `--output=DIR`), `--quiet` and `--help`. */
export function parseSynthArgs(argv: readonly string[]): SynthCommandOptions {
  let configPath = process.env.PIXIE_AUTH_CONFIG ?? 'pixie-auth.yaml';
  let outdir = 'dist';
  let quiet = false;
  let help = false;
  const args = argv.flatMap(a => (/^--(config|output)=/.test(a) ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--config' || arg === '-c') {
      configPath = requireValue(args, ++i, arg);
    } else if (arg === '--output' || arg === '-o') {
      outdir = requireValue(args, ++i, arg);
    } else if (arg === '--quiet' || arg === '-q') {
      quiet = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else {
      throw new Error(`unknown argument '${arg}'; ${USAGE.split('\n')[0]} (--help for more)`);
    }
  }
  return { configPath, outdir, quiet, help };
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
    if (options.help) {
      out(USAGE);
      return 0;
    }
    const result = synthesizeConfigFile(options.configPath);
    replaceOutputEntry(options.outdir, result.files);
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
  if (value.trim() === '') {
    throw new Error(`${flag} needs a value, not an empty string (an unset variable?)`);
  }
  return value;
}

if (require.main === module) {
  process.exitCode = runSynth(process.argv.slice(2));
}
