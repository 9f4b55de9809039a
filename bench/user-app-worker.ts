/**
 * A library user's own cdk8s app, in a fresh process: `count` charts, one
 * per environment (namespace `plc-dev-<i>`), each with an `OssAuth` (Pixie's
 * Deployments named, the default stack's shape), synthesized to YAML in
 * memory the way `cdk8s synth` runs an app's `synth()`. `linear` builds the
 * app as a `LinearSynthApp`, `plain` as cdk8s's `App`. Prints one JSON line:
 * `{ count, app, buildMs, synthMs, bytes, sha256, rssPeakKb }`.
 *
 *   user-app-worker.ts <count> <linear|plain>
 */
import { createHash } from 'crypto';
import { App, Chart } from 'cdk8s';
import { LinearSynthApp, OAuthConfigMode, OssAuth, PixieWorkloads } from '../src';

const count = Number(process.argv[2]);
const kind = process.argv[3];
if (!Number.isInteger(count) || count < 1 || (kind !== 'linear' && kind !== 'plain')) {
  throw new Error('usage: user-app-worker.ts <count ≥ 1> <linear|plain>');
}

let start = performance.now();
const app = kind === 'linear' ? new LinearSynthApp({ outdir: 'unused' }) : new App({ outdir: 'unused' });
for (let i = 0; i < count; i++) {
  const chart = new Chart(app, `plc-dev-${i}`, { namespace: `plc-dev-${i}` }); // OssAuth takes the chart's namespace
  new OssAuth(chart, 'Auth', { workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }) });
}
const buildMs = performance.now() - start;

start = performance.now();
const yaml = app.synthYaml();
const synthMs = performance.now() - start;

const sha256 = createHash('sha256').update(yaml).digest('hex');
process.stdout.write(JSON.stringify({ count, app: kind, buildMs, synthMs, bytes: yaml.length, sha256, rssPeakKb: process.resourceUsage().maxRSS }) + '\n');
