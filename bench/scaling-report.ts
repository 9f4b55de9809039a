import { BareCdk8sResult, ScalingResult } from './scaling';
import { formatKb, formatMs, formatShare } from './stats';
import { Row } from './table';

/** Sections 2-4 from the scaling runs: time and RSS per N, then validation's and hashing's shares. */
export function scalingRows(results: readonly ScalingResult[], bare?: BareCdk8sResult): Row[] {
  const rows: Row[] = [];
  for (const r of results) {
    const big = r.count === 1000;
    const met = big ? r.warm.total <= 3000 && r.rssMaxKb <= 1024 * 1024 : undefined;
    const spread = r.totals.length > 1 ? ` (runs: ${r.totals.map(t => formatMs(t)).join(', ')})` : '';
    rows.push({
      section: 2,
      measure: `${r.count} stack${r.count === 1 ? '' : 's'} in one app: synth${r.totals.length > 1 ? `, median of ${r.totals.length} processes` : ''}, per stack, peak RSS (process start ${formatKb(r.rssStartKb)})`,
      value: `${formatMs(r.warm.total)}, ${formatMs(r.warm.total / r.count)}/stack, ${formatKb(r.rssMaxKb)}${spread}`,
      target: big ? '≤ 3 s, ≤ 1 GB' : undefined,
      met,
    });
  }
  const byCount = new Map(results.map(r => [r.count, r]));
  const t100 = byCount.get(100);
  const t1000 = byCount.get(1000);
  if (t100 && t1000) {
    const ratio = t1000.warm.total / t100.warm.total;
    rows.push({ section: 2, measure: 't(1000) / t(100)', value: ratio.toFixed(2), target: '≤ 11', met: ratio <= 11 });
  }
  if (bare) {
    rows.push({
      section: 2,
      measure: `yardstick: ${bare.count} one-ConfigMap charts in a bare cdk8s app, \`app.synthYaml()\` / the same through ChartRenderer + toYamlStream (identical YAML)`,
      value: `${formatMs(bare.synthYamlMs)} / ${formatMs(bare.chartRendererMs)}`,
    });
  }
  const largest = results[results.length - 1];
  if (largest) {
    const w = largest.warm;
    rows.push({
      section: 2,
      measure: `phases at ${largest.count}: build / construct validations / manifests (toJson, hashes) / schema validation / YAML files`,
      value: [w.build, w.constructValidate, w.timers.manifests, w.timers.validate, w.render - w.timers.manifests - w.timers.validate].map(t => formatMs(t)).join(' / '),
    });
    const first = largest.cold;
    rows.push(
      validationRow(`${largest.count} stacks`, w),
      validationRow('first stack of a process (loading the cached validators included, loading the other modules not: a diagnostic, not the target)', first, false),
      hashRow(`${largest.count} stacks`, w),
      hashRow('first stack of a process', first),
    );
  }
  return rows;
}

function validationRow(what: string, t: ScalingResult['warm'], withTarget = true): Row {
  const ajv = t.timers.validate + t.timers.configCheck;
  return {
    section: 3,
    measure: `validation share, ${what}: manifests (ajv) + config file check`,
    value: `${formatShare(ajv, t.total)} (${formatMs(t.timers.validate)} + ${formatMs(t.timers.configCheck)} of ${formatMs(t.total)})`,
    target: withTarget ? '≤ 25%' : undefined,
    met: withTarget ? ajv <= 0.25 * t.total : undefined,
  };
}

function hashRow(what: string, t: ScalingResult['warm']): Row {
  return {
    section: 4,
    measure: `hashing, ${what}: ContentHash.of / RestartSource.hash (with the source's toJson)`,
    value: `${formatMs(t.timers.contentHash)} (${formatShare(t.timers.contentHash, t.total)}) / ${formatMs(t.timers.restartHash)} (${formatShare(t.timers.restartHash, t.total)})`,
  };
}
