import { spawnSync } from 'child_process';
import * as path from 'path';
import { Timers } from './instrument';
import { PhaseTimes } from './stacks';

/** One batch's phase times and instrumented timers, in ms. */
export type BatchTimes = PhaseTimes & { readonly bytes: number; readonly timers: Timers };

/** What `scaling-worker.ts` reports for one N. */
export interface ScalingResult {
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

/**
 * Runs `scaling-worker.ts` once per count, each in a fresh node process (so
 * each peak RSS is its own), with ts-node's transpile-only hook: the timed
 * code is the same JavaScript tsc emits; ts-node adds to RSS, not to the
 * timed phases.
 */
export function measureScaling(counts: readonly number[], configPath: string, cwd: string, plainCdk8s = false): ScalingResult[] {
  const worker = path.join(__dirname, 'scaling-worker.ts');
  return counts.map(count => {
    const args = ['-r', 'ts-node/register/transpile-only', worker, String(count), configPath, ...plainCdk8s ? ['--plain-cdk8s'] : []];
    const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (result.error || result.status !== 0) {
      throw new Error(`scaling-worker ${count} failed (${result.error?.message ?? `exit code ${result.status}`}):\n${result.stderr}`);
    }
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as ScalingResult;
  });
}
