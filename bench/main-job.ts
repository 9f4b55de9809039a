import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { profileCommand } from './command-profile';
import { Step, TimedJob, timeJobs } from './process-timing';
import { formatMs, formatShare, median } from './stats';
import { Row } from './table';

/** What section 1 times. */
export interface MainJobOptions {
  /** The repository root (the jobs run there). */
  readonly root: string;
  /** The config file the README's command synthesizes. */
  readonly configPath: string;
  /** Pixie's reference overlays: `<dir>/dev` and `<dir>/ory_auth-dev`. */
  readonly referenceDir: string;
  /** Timed runs of the README command and kustomize (at least 5). */
  readonly runs: number;
  /** Timed runs of the slow CLIs (`npm run synth`, `npx cdk8s synth`); 0 skips them. */
  readonly cliRuns: number;
}

/** The README's synth command, as section 1 times it and the README states it. */
export function readmeCommand(configPath: string, outdir: string): Step {
  return { command: process.execPath, args: ['bin/synth.js', '--config', configPath, '--output', outdir, '--quiet'] };
}

/** Section 1: whole-process times of the README's synth command against kubectl kustomize, and of the other ways to synth. */
export function measureMainJob(options: MainJobOptions): Row[] {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pixie-auth-bench-'));
  try {
    const { configPath, runs, cliRuns } = options;
    const kustomize = ['dev', 'ory_auth-dev'].map(overlay => ({ command: 'kubectl', args: ['kustomize', path.join(options.referenceDir, overlay)] }));
    const jobs: TimedJob[] = [
      { id: 'readme', steps: [readmeCommand(configPath, path.join(out, 'readme'))], runs },
      { id: 'kustomize', steps: kustomize, runs },
      { id: 'uncached', steps: [{ ...readmeCommand(configPath, path.join(out, 'uncached')), env: { PIXIE_AUTH_CACHE_DIR: 'off' } }], runs },
    ];
    if (cliRuns > 0) {
      jobs.push(
        { id: 'npm', steps: [{ command: 'npm', args: ['run', '--silent', 'synth', '--', '--config', configPath, '--output', path.join(out, 'npm'), '--quiet'] }], runs: cliRuns },
        // npm's own start-up: its built-in `env` script, which only prints the environment.
        { id: 'npm-start', steps: [{ command: 'npm', args: ['run', '--silent', 'env'] }], runs: cliRuns },
        { id: 'cdk8s', steps: [{ command: 'npx', args: ['cdk8s', 'synth', '--no-check-upgrade', '--output', path.join(out, 'cdk8s')] }], runs: cliRuns },
        { id: 'cdk8s-fast', steps: [{ command: 'npx', args: ['cdk8s', 'synth', '--no-check-upgrade', '--app', 'node bin/cdk8s-app.js', '--output', path.join(out, 'cdk8s-fast')] }], runs: cliRuns },
      );
    }
    const samples = timeJobs(jobs, options.root);
    const med = (id: string) => median(samples.get(id)!);
    const ratio = med('readme') / med('kustomize');
    const rows: Row[] = [
      { section: 1, measure: `README synth: \`node bin/synth.js --config ${configPath}\`, median of ${runs}`, value: formatMs(med('readme'), 'seconds') },
      { section: 1, measure: `\`kubectl kustomize\` dev + ory_auth-dev (one after the other), median of ${runs}`, value: formatMs(med('kustomize'), 'seconds') },
      { section: 1, measure: 'ratio README synth / kustomize', value: ratio.toFixed(2), target: '≤ 1.5', met: ratio <= 1.5 },
      { section: 1, measure: `README synth with no validator cache (PIXIE_AUTH_CACHE_DIR=off; npm ci fills the cache), median of ${runs}`, value: `${formatMs(med('uncached'), 'seconds')} (${(med('uncached') / med('kustomize')).toFixed(2)}× kustomize)` },
    ];
    const shares = profileCommand(readmeCommand(configPath, path.join(out, 'profiled')), 3, options.root);
    rows.push(
      {
        section: 3,
        measure: 'validation share of the README synth, whole process (CPU profile, median of 3): manifests (ajv, validators from the cache) + config file check',
        value: `${formatShare(shares.validation, shares.total)} (${formatMs(shares.validation)} of ${formatMs(shares.total)})`,
        target: '≤ 25%',
        met: shares.validation <= 0.25 * shares.total,
      },
      {
        section: 4,
        measure: 'hashing share of the README synth, whole process (CPU profile, median of 3): RestartSource.hash',
        value: `${formatShare(shares.hashing, shares.total)} (${formatMs(shares.hashing)})`,
      },
    );
    if (cliRuns > 0) {
      rows.push(
        { section: 1, measure: `\`npm run synth\` (npm + node bin/synth.js), median of ${cliRuns}`, value: formatMs(med('npm'), 'seconds') },
        { section: 1, measure: `npm's own start-up (\`npm run env\`, a script that only prints the environment), median of ${cliRuns}`, value: formatMs(med('npm-start'), 'seconds') },
        { section: 1, measure: `\`npx cdk8s synth --no-check-upgrade\` (cdk8s.yaml's app), median of ${cliRuns}`, value: formatMs(med('cdk8s'), 'seconds') },
        { section: 1, measure: `same with \`--app 'node bin/cdk8s-app.js'\` (compiled lib/), median of ${cliRuns}`, value: formatMs(med('cdk8s-fast'), 'seconds') },
      );
    }
    return rows;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
