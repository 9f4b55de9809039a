/**
 * The yardstick, in a fresh process: `count` charts of one small
 * ConfigMap each in one bare cdk8s App, synthesized to YAML with cdk8s's
 * `app.synthYaml()` (what `App.synth()` renders, in memory), and then an
 * equal app through `ChartRenderer` (src/output/chart-manifests.ts) and
 * `toYamlStream`. Both are first runs, as a user's process would make them.
 * Prints one JSON line: `{ count, synthYamlMs, chartRendererMs }`.
 *
 *   bare-cdk8s-worker.ts <count>
 */
import { ApiObject, App, Chart } from 'cdk8s';
import { ChartRenderer } from '../src/output/chart-manifests';
import { toYamlStream } from '../src/output/yaml';

const count = Number(process.argv[2]);
if (!Number.isInteger(count) || count < 1) {
  throw new Error('usage: bare-cdk8s-worker.ts <count ≥ 1>');
}

function smallApp(): App {
  const app = new App({ outdir: 'unused' });
  for (let i = 0; i < count; i++) {
    const chart = new Chart(app, `chart-${i}`, { namespace: `ns-${i}` });
    new ApiObject(chart, 'Config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' }, data: { key: `value-${i}` } });
  }
  return app;
}

const app = smallApp();
let start = performance.now();
const yaml = app.synthYaml();
const synthYamlMs = performance.now() - start;

const again = smallApp();
start = performance.now();
const renderer = new ChartRenderer();
const stream = toYamlStream(again.charts.flatMap(chart => renderer.manifests(chart)));
const chartRendererMs = performance.now() - start;

if (stream !== yaml) {
  throw new Error('bare-cdk8s-worker: ChartRenderer and app.synthYaml() rendered different YAML');
}
process.stdout.write(JSON.stringify({ count, synthYamlMs, chartRendererMs }) + '\n');
