import * as fs from 'fs';
import * as path from 'path';
import { parseSynthArgs } from '../src/cli/synth-command';
import { editDistance } from '../src/validation/edit-distance';

/** The options of `npm run bench`, checked before anything is timed. */
export interface BenchOptions {
  readonly help: boolean;
  readonly runs: number;
  readonly cliRuns: number;
  readonly counts: number[];
  readonly scalingRuns: number;
  readonly yardstick: number;
  readonly configPath: string;
  /** Absolute. */
  readonly referenceDir: string;
  readonly plainCdk8s: boolean;
  /** Without the zeros (0 skips). */
  readonly userAppCounts: number[];
  readonly userAppPlainCounts: number[];
}

/** A bad option: the bench prints it and exits 2 before timing anything. */
export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchUsageError';
  }
}

export const BENCH_USAGE = `usage: npm run bench [-- options]
  --runs N              timed runs of the README command and kustomize (default 7, at least 5)
  --cli-runs N          timed runs of \`npm run synth\` and \`npx cdk8s synth\` (default 5; 0 skips)
  --counts a,b,...      stack counts for the scaling runs (default 1,10,100,1000)
  --scaling-runs N      fresh processes per count; the table shows the median (default 3)
  --yardstick N         charts in the bare-cdk8s yardstick (default 1000; 0 skips it)
  --config FILE         the config to synthesize (default: the synth command's default, pixie-auth.yaml)
  --reference DIR       Pixie's reference overlays (default test/fixtures/pixie-cloud, the repo's copy)
  --plain-cdk8s         scale with \`chart.toJson()\` per chart, as cdk8s does (quadratic)
  --user-app a,b        chart counts for a library user's own app through LinearSynthApp (default 100,1000; 0 skips)
  --user-app-plain a,b  the same through cdk8s's App, for comparison (default 100; 0 skips; 1000 takes ~90 s)
  -h, --help            this help
`;

type Kind = 'flag' | 'count' | 'list' | 'file' | 'dir';

/** Each option: its kind and, for a number, the least value it takes. */
const OPTIONS: Record<string, { kind: Kind; min?: number }> = {
  '--runs': { kind: 'count', min: 5 },
  '--cli-runs': { kind: 'count', min: 0 },
  '--counts': { kind: 'list', min: 1 },
  '--scaling-runs': { kind: 'count', min: 1 },
  '--yardstick': { kind: 'count', min: 0 },
  '--config': { kind: 'file' },
  '--reference': { kind: 'dir' },
  '--plain-cdk8s': { kind: 'flag' },
  '--user-app': { kind: 'list', min: 0 },
  '--user-app-plain': { kind: 'list', min: 0 },
  '--help': { kind: 'flag' },
  '-h': { kind: 'flag' },
};

/**
 * Parses the bench's arguments (without node and the script), checking
 * every value: throws a BenchUsageError naming the option and the fix.
 * Relative paths start at `root`.
 */
export function parseBenchArgs(argv: readonly string[], root: string): BenchOptions {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = OPTIONS[name];
    if (!spec) {
      const guess = Object.keys(OPTIONS).filter(o => o.startsWith('--')).find(o => editDistance(o, name) <= 2 || (name.length > 3 && o.startsWith(name)));
      throw new BenchUsageError(arg.startsWith('-')
        ? `unknown option '${name}'${guess ? `; did you mean ${guess}?` : ''}`
        : `unexpected argument '${arg}'; options take the form --name value`);
    }
    if (spec.kind === 'flag') {
      if (eq > 0) {
        throw new BenchUsageError(`${name} takes no value`);
      }
      given.set(name, '');
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw new BenchUsageError(`${name} needs a value (${describe(spec.kind, spec.min)})`);
    }
    given.set(name, value);
  }

  const count = (name: string, fallback: number) => (given.has(name) ? parseCount(name, given.get(name)!, OPTIONS[name].min!) : fallback);
  const list = (name: string, fallback: number[]) => (given.has(name) ? parseList(name, given.get(name)!, OPTIONS[name].min!) : fallback);
  const configPath = given.get('--config') ?? parseSynthArgs([]).configPath;
  if (given.has('--config') && !isFile(path.resolve(root, configPath))) {
    throw new BenchUsageError(`--config: ${configPath} is not a file (relative paths start at ${root})`);
  }
  const referenceDir = path.resolve(root, given.get('--reference') ?? 'test/fixtures/pixie-cloud');
  if (given.has('--reference') && !isDirectory(referenceDir)) {
    throw new BenchUsageError(`--reference: ${referenceDir} is not a directory; give the directory of Pixie's reference overlays`);
  }
  return {
    help: given.has('--help') || given.has('-h'),
    runs: count('--runs', 7),
    cliRuns: count('--cli-runs', 5),
    counts: list('--counts', [1, 10, 100, 1000]),
    scalingRuns: count('--scaling-runs', 3),
    yardstick: count('--yardstick', 1000),
    configPath,
    referenceDir,
    plainCdk8s: given.has('--plain-cdk8s'),
    userAppCounts: list('--user-app', [100, 1000]).filter(n => n > 0),
    userAppPlainCounts: list('--user-app-plain', [100]).filter(n => n > 0),
  };
}

function parseCount(name: string, value: string, min: number): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new BenchUsageError(`${name}: '${value}' is not ${describe('count', min)}`);
  }
  return n;
}

function parseList(name: string, value: string, min: number): number[] {
  const items = value.split(',');
  if (items.some(item => !/^\d+$/.test(item.trim()) || Number(item) < min || !Number.isSafeInteger(Number(item)))) {
    throw new BenchUsageError(`${name}: '${value}' is not ${describe('list', min)}`);
  }
  return items.map(Number);
}

function describe(kind: Kind, min = 0): string {
  const number = min === 0 ? 'a whole number (0 or more)' : `a whole number of at least ${min}`;
  switch (kind) {
    case 'count': return number;
    case 'list': return `a comma-separated list of whole numbers${min > 0 ? ` of at least ${min}` : ''}, e.g. 1,10,100`;
    case 'file': return 'a config file';
    case 'dir': return 'a directory';
    default: return 'a value';
  }
}

function isFile(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).isFile();
}

function isDirectory(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}
