import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Step } from './process-timing';
import { Profile, timeInside } from './profile-summary';
import { median } from './stats';

/** Shares of one command's run, from V8 CPU profiles, in ms (medians). */
export interface CommandShares {
  /** Main-thread time sampled in the whole process. */
  readonly total: number;
  /** Inside `ManifestValidator.validate` and `checkConfigShape` (loading validators included). */
  readonly validation: number;
  /** Inside `RestartSource.hash` (the source's toJson and ContentHash). */
  readonly hashing: number;
}

const VALIDATION = new Set(['validate', 'assertValid', 'checkConfigShape']);

/**
 * Runs `step` with `node --cpu-prof` `runs` times and measures how much of
 * each run is validation and hashing: the README command's own shares,
 * whole process, with nothing instrumented. Sampled every 100 µs (V8's
 * default, 1 ms, would catch the ~1 ms of hashing in one sample or none).
 */
export function profileCommand(step: Step, runs: number, cwd: string): CommandShares {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pixie-auth-prof-'));
  try {
    const shares = Array.from({ length: runs }, (_, i) => {
      const runDir = path.join(dir, String(i));
      const result = spawnSync(step.command, ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${runDir}`, ...step.args], { cwd, env: { ...process.env, ...step.env }, stdio: 'ignore' });
      if (result.status !== 0) {
        throw new Error(`profiling '${step.args.join(' ')}' failed (exit code ${result.status})`);
      }
      const [file] = fs.readdirSync(runDir);
      const profile: Profile = JSON.parse(fs.readFileSync(path.join(runDir, file), 'utf8'));
      const validation = timeInside(profile, (name, url) => VALIDATION.has(name) && /(manifest-validator|config-shape)\.[jt]s$/.test(url));
      const hashing = timeInside(profile, (name, url) => name === 'hash' && /restart-source\.[jt]s$/.test(url));
      return { total: validation.total, validation: validation.inside, hashing: hashing.inside };
    });
    return {
      total: median(shares.map(s => s.total)),
      validation: median(shares.map(s => s.validation)),
      hashing: median(shares.map(s => s.hashing)),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
