import { spawnSync } from 'child_process';

/** One external command. */
export interface Step {
  readonly command: string;
  readonly args: readonly string[];
  /** Extra environment variables. */
  readonly env?: { readonly [name: string]: string };
}

/** A job timed as one sample: its steps run one after the other. */
export interface TimedJob {
  /** Short name, e.g. `kustomize`. */
  readonly id: string;
  readonly steps: readonly Step[];
  /** Timed runs after the warm-up. */
  readonly runs: number;
}

/**
 * Whole-process wall time of each job, in ms: one untimed warm-up each,
 * then rounds in which every job that still needs runs runs once, the order
 * rotating from round to round, so load on a shared machine falls on all
 * jobs alike and their ratios hold. Throws when a step fails.
 */
export function timeJobs(jobs: readonly TimedJob[], cwd: string): Map<string, number[]> {
  const samples = new Map<string, number[]>(jobs.map(j => [j.id, []]));
  jobs.forEach(job => runJob(job, cwd));
  const rounds = Math.max(...jobs.map(j => j.runs));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[(i + round) % jobs.length];
      const mine = samples.get(job.id)!;
      if (mine.length < job.runs) {
        mine.push(runJob(job, cwd));
      }
    }
  }
  return samples;
}

function runJob(job: TimedJob, cwd: string): number {
  const start = performance.now();
  for (const step of job.steps) {
    const result = spawnSync(step.command, step.args, {
      cwd,
      env: { ...process.env, ...step.env },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 16 * 1024 * 1024,
    });
    if (result.error || result.status !== 0) {
      const why = result.error?.message ?? `exit code ${result.status}`;
      throw new Error(`${job.id}: '${[step.command, ...step.args].join(' ')}' failed (${why}):\n${result.stderr?.toString() ?? ''}`);
    }
  }
  return performance.now() - start;
}
