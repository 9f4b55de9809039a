/**
 * `npm run bench [-- options]`: how fast the synth is, in one table from one
 * run (so the ratios hold). A script, not a test: timings on shared machines
 * are too noisy to assert on. See the README, "Performance".
 *
 * The options are in bench/options.ts (`npm run bench -- --help`); an unknown
 * option or a bad value exits 2 before anything runs.
 */
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { machineSpeedMs } from './machine-speed';
import { measureMainJob } from './main-job';
import { BENCH_USAGE, BenchOptions, BenchUsageError, parseBenchArgs } from './options';
import { measureBareCdk8s, measureScaling } from './scaling';
import { scalingRows } from './scaling-report';
import { renderTable } from './table';
import { measureUserApp, userAppRows } from './user-app';
import { libIsCurrent } from '../bin/load-entry';

const ROOT = path.resolve(__dirname, '..');

/** The checked options, or undefined (exit code 0 for --help, 2 for a bad option) when nothing is to be timed. */
function options(argv: readonly string[]): BenchOptions | undefined {
  try {
    const parsed = parseBenchArgs(argv, ROOT);
    if (parsed.help) {
      process.stdout.write(BENCH_USAGE);
      return undefined;
    }
    return parsed;
  } catch (e) {
    if (e instanceof BenchUsageError) {
      process.stderr.write(`bench: ${e.message}\n${BENCH_USAGE.split('\n')[0]} (--help lists the options)\n`);
      process.exitCode = 2;
      return undefined;
    }
    throw e;
  }
}

function main(): void {
  const parsed = options(process.argv.slice(2));
  if (!parsed) {
    return;
  }
  const { runs, cliRuns, counts, scalingRuns, yardstick, configPath, referenceDir, plainCdk8s, userAppCounts, userAppPlainCounts } = parsed;

  const notes = [ensureCompiled()];
  const loadBefore = os.loadavg()[0];
  const speedBefore = machineSpeedMs();
  const started = performance.now();
  const rows = [
    ...measureMainJob({ root: ROOT, configPath, referenceDir, runs, cliRuns }),
    ...scalingRows(measureScaling(counts, configPath, ROOT, scalingRuns, plainCdk8s), yardstick > 0 ? measureBareCdk8s(yardstick, ROOT) : undefined),
    ...userAppCounts.length + userAppPlainCounts.length > 0
      ? userAppRows(measureUserApp(userAppCounts, userAppPlainCounts, scalingRuns, ROOT), scalingRuns)
      : [],
  ].sort((a, b) => a.section - b.section);
  const speedAfter = machineSpeedMs();
  if (!libIsCurrent(path.join(ROOT, 'src'), path.join(ROOT, 'lib'))) {
    notes.push('**src/ changed during the run: some README-command runs may have gone through ts-node; run again**');
  }
  notes.push(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end; bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
    `machine speed (bench/machine-speed.ts, the same fixed loop every time; lower is faster): ${speedBefore.toFixed(0)} ms at start, ${speedAfter.toFixed(0)} ms at end`,
    `config: ${configPath}${plainCdk8s ? '; scaling with --plain-cdk8s (chart.toJson() per chart)' : ''}`,
  );
  process.stdout.write(`${notes.map(n => `- ${n}`).join('\n')}\n\n${renderTable(rows)}\n`);
}

/** The README command runs lib/ when it is current: compile src/ with tsc first if it is not, so the fast path is what is timed. */
function ensureCompiled(): string {
  const src = path.join(ROOT, 'src');
  const lib = path.join(ROOT, 'lib');
  if (libIsCurrent(src, lib)) {
    return 'code: lib/ was current';
  }
  process.stderr.write('bench: lib/ is older than src/; compiling with tsc first\n');
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  return result.status === 0 && libIsCurrent(src, lib)
    ? 'code: lib/ compiled by the bench (tsc)'
    : 'code: **lib/ is stale and tsc failed: the README command ran src/ through ts-node**';
}

main();
