import { runWorker } from './scaling';
import { formatKb, formatMs } from './stats';
import { Row } from './table';

/** What `user-app-worker.ts` reports for one app, in ms and KB. */
export interface UserAppRun {
  readonly count: number;
  readonly app: 'linear' | 'plain';
  readonly buildMs: number;
  readonly synthMs: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly rssPeakKb: number;
}

/** The user-app runs: `LinearSynthApp` per count (median of `runs` processes), cdk8s's `App` per plain count (one process). */
export interface UserAppResults {
  readonly linear: readonly UserAppRun[];
  readonly plain: readonly UserAppRun[];
}

/**
 * A library user's own cdk8s app with N charts of `OssAuth`, synthesized by
 * `LinearSynthApp` and, for the (smaller) `plainCounts`, by cdk8s's `App`,
 * each in a fresh process. The same N through both must give the same YAML.
 */
export function measureUserApp(counts: readonly number[], plainCounts: readonly number[], runs: number, cwd: string): UserAppResults {
  const run = (count: number, app: 'linear' | 'plain') => runWorker<UserAppRun>('user-app-worker.ts', [String(count), app], cwd);
  const linear = counts.map(count => {
    const all = Array.from({ length: runs }, () => run(count, 'linear')).sort((a, b) => total(a) - total(b));
    return all[Math.floor((all.length - 1) / 2)];
  });
  const plain = plainCounts.map(count => run(count, 'plain'));
  for (const p of plain) {
    const same = linear.find(l => l.count === p.count) ?? run(p.count, 'linear');
    if (same.sha256 !== p.sha256) {
      throw new Error(`user-app-worker: LinearSynthApp and App wrote different YAML for ${p.count} charts`);
    }
  }
  return { linear, plain };
}

const total = (r: UserAppRun) => r.buildMs + r.synthMs;

/** Section 2 rows: the user's app through `LinearSynthApp`, and through cdk8s's `App` for comparison. */
export function userAppRows(results: UserAppResults, runs: number): Row[] {
  const rows: Row[] = results.linear.map(r => ({
    section: 2,
    measure: `library user's app, ${r.count} OssAuth charts (one namespace each), \`LinearSynthApp\`: build + \`synthYaml()\`${runs > 1 ? `, median of ${runs} processes` : ''}, peak RSS`,
    value: `${formatMs(total(r))} (${formatMs(r.buildMs)} + ${formatMs(r.synthMs)}), ${formatMs(total(r) / r.count)}/chart, ${formatKb(r.rssPeakKb)}`,
    target: r.count === 1000 ? '≤ 3 s, ≤ 1 GB' : undefined,
    met: r.count === 1000 ? total(r) <= 3000 && r.rssPeakKb <= 1024 * 1024 : undefined,
  }));
  for (const p of results.plain) {
    const linear = results.linear.find(l => l.count === p.count);
    rows.push({
      section: 2,
      measure: `the same ${p.count} charts in cdk8s's \`App\` (quadratic; identical YAML)${linear ? ' / LinearSynthApp' : ''}`,
      value: `${formatMs(total(p))} (${formatMs(p.buildMs)} + ${formatMs(p.synthMs)})${linear ? `, ${(total(p) / total(linear)).toFixed(1)}× LinearSynthApp` : ''}`,
    });
  }
  const byCount = new Map(results.linear.map(r => [r.count, r]));
  const [t100, t1000] = [byCount.get(100), byCount.get(1000)];
  if (t100 && t1000) {
    const ratio = total(t1000) / total(t100);
    rows.push({ section: 2, measure: 'library user\'s app: t(1000) / t(100)', value: ratio.toFixed(2), target: '≤ 11', met: ratio <= 11 });
  }
  return rows;
}
