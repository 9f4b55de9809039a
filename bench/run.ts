/**
 * `npm run bench [-- options]`: how fast the synth is, in one table from one
 * run (so the ratios hold). A script, not a test: timings on shared machines
 * are too noisy to assert on. See the README, "Performance".
 *
 *   --runs N          timed runs of the README command and kustomize (default 7, at least 5)
 *   --cli-runs N      timed runs of `npm run synth` and `npx cdk8s synth` (default 5; 0 skips)
 *   --counts a,b,...  stack counts for the scaling runs (default 1,10,100,1000)
 *   --scaling-runs N  fresh processes per count; the table shows the median (default 3)
 *   --yardstick N     charts in the bare-cdk8s yardstick (default 1000; 0 skips it)
 *   --config FILE     the config to synthesize (default: the synth command's default)
 *   --reference DIR   Pixie's reference overlays (default ../shared/reference/pixie-cloud)
 *   --plain-cdk8s     scale with `chart.toJson()` per chart, as cdk8s does (quadratic)
 *   --user-app a,b    chart counts for a library user's own app through LinearSynthApp (default 100,1000; 0 skips)
 *   --user-app-plain a,b  the same through cdk8s's App, for comparison (default 100; 0 skips; 1000 takes ~90 s)
 */
import { spawnSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { machineSpeedMs } from './machine-speed';
import { measureMainJob } from './main-job';
import { measureBareCdk8s, measureScaling } from './scaling';
import { scalingRows } from './scaling-report';
import { renderTable } from './table';
import { measureUserApp, userAppRows } from './user-app';
import { libIsCurrent } from '../bin/load-entry';
import { parseSynthArgs } from '../src/cli/synth-command';

const ROOT = path.resolve(__dirname, '..');

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

function main(): void {
  const runs = Math.max(5, Number(option('--runs', '7')));
  const cliRuns = Number(option('--cli-runs', '5'));
  const counts = option('--counts', '1,10,100,1000').split(',').map(Number);
  const scalingRuns = Math.max(1, Number(option('--scaling-runs', '3')));
  const yardstick = Number(option('--yardstick', '1000'));
  const configPath = option('--config', parseSynthArgs([]).configPath);
  const referenceDir = path.resolve(ROOT, option('--reference', '../shared/reference/pixie-cloud'));
  const plainCdk8s = process.argv.includes('--plain-cdk8s');
  const listOption = (name: string, fallback: string) => option(name, fallback).split(',').map(Number).filter(n => n > 0);
  const userAppCounts = listOption('--user-app', '100,1000');
  const userAppPlainCounts = listOption('--user-app-plain', '100');

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
