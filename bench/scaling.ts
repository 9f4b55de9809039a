import { spawnSync } from 'child_process';
import * as path from 'path';
import { Timers } from './instrument';
import { PhaseTimes } from './stacks';

/** One batch's phase times and instrumented timers, in ms. */
export type BatchTimes = PhaseTimes & { readonly bytes: number; readonly timers: Timers };

/** What `scaling-worker.ts` reports for one N, in one process. */
export interface ScalingRun {
  readonly count: number;
  /** The first stack of the process, in its own App: loading validators, first-call JIT. */
  readonly cold: BatchTimes;
  /** `count` stacks in one App, after the cold one. */
  readonly warm: BatchTimes;
  /** Peak RSS before anything was built (node, ts-node, modules), KB. */
  readonly rssStartKb: number;
  /** Peak RSS of the whole process, KB. */
  readonly rssPeakKb: number;
}

/** Several processes' runs for one N: the one with the median total, and the spread. */
export interface ScalingResult extends ScalingRun {
  /** Every run's `warm.total`, ascending, in ms. */
  readonly totals: number[];
  /** The largest peak RSS of the runs, KB. */
  readonly rssMaxKb: number;
}

/** The yardstick's times, in ms (see bare-cdk8s-worker.ts). */
export interface BareCdk8sResult {
  readonly count: number;
  readonly synthYamlMs: number;
  readonly chartRendererMs: number;
}

/**
 * Runs `scaling-worker.ts` `runs` times per count, each in a fresh node
 * process (so each peak RSS is its own), with ts-node's transpile-only hook:
 * the timed code is the same JavaScript tsc emits; ts-node adds to RSS, not
 * to the timed phases. Returns, per count, the run with the median total.
 */
export function measureScaling(counts: readonly number[], configPath: string, cwd: string, runs: number, plainCdk8s = false): ScalingResult[] {
  return counts.map(count => {
    const all = Array.from({ length: runs }, () => runWorker<ScalingRun>('scaling-worker.ts', [String(count), configPath, ...plainCdk8s ? ['--plain-cdk8s'] : []], cwd))
      .sort((a, b) => a.warm.total - b.warm.total);
    const middle = all[Math.floor((all.length - 1) / 2)];
    return { ...middle, totals: all.map(r => r.warm.total), rssMaxKb: Math.max(...all.map(r => r.rssPeakKb)) };
  });
}

/** The issue's yardstick for `count` small charts, in a fresh process. */
export function measureBareCdk8s(count: number, cwd: string): BareCdk8sResult {
  return runWorker<BareCdk8sResult>('bare-cdk8s-worker.ts', [String(count)], cwd);
}

/** Runs a bench worker in a fresh node process (ts-node transpile-only) and parses its last line of JSON. */
export function runWorker<T>(script: string, args: string[], cwd: string): T {
  const worker = path.join(__dirname, script);
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', worker, ...args], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    throw new Error(`${script} ${args.join(' ')} failed (${result.error?.message ?? `exit code ${result.status}`}):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as T;
}
