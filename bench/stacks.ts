import { App } from 'cdk8s';
import { Construct } from 'constructs';

import { buildStack, BuiltStack } from '../src/config/build-stack';
import { synthesizeCharts } from '../src/output/chart-manifests';
import { toYamlStream } from '../src/output/yaml';
import { withHashMemo } from '../src/restart/hash-memo';
import { KustomizeComponent } from '../src/restart/kustomize-component';
import { ManifestValidator } from '../src/validate/manifest-validator';

/** Wall time of each synth phase for a batch of stacks, in ms. */
export interface PhaseTimes {
  /** `buildStack` for every stack (config checks included). */
  build: number;
  /** `app.node.validate()`. */
  nodeValidate: number;
  /** Every chart's manifests (`synthesizeCharts`; with `plainCdk8s`, `chart.toJson()` per chart). */
  toJson: number;
  /** `ManifestValidator.assertValid` of every chart's objects. */
  validate: number;
  /** Rendering every chart: the kustomize component's files, or one YAML stream. */
  render: number;
  /** All of the above. */
  total: number;
}

/**
 * Synthesizes `count` copies of one config in one App, each as its own
 * chart in its own namespace (`<namespace>-<i>`), the way
 * `synthesizeConfig` (src/cli/synthesize.ts) does for one, and times each
 * phase. Nothing is written to disk; the rendered bytes are counted so
 * nothing is optimized away. `plainCdk8s` calls `chart.toJson()` per chart
 * (twice for a kustomize component) and hashes sources every time, as the
 * code did before `synthesizeCharts` and `withHashMemo`: quadratic in the
 * number of charts.
 */
export function synthStacks(
  config: any, configDir: string, count: number, namespacePrefix: string, plainCdk8s = false,
): PhaseTimes & { bytes: number } {
  const app = new App({ outdir: 'unused' });
  const times: PhaseTimes = { build: 0, nodeValidate: 0, toJson: 0, validate: 0, render: 0, total: 0 };
  const lap = (phase: keyof PhaseTimes, run: () => void) => {
    const start = performance.now();
    run();
    times[phase] += performance.now() - start;
  };

  const stacks: BuiltStack[] = [];
  lap('build', () => {
    for (let i = 0; i < count; i++) {
      // buildStack names its chart 'pixie-auth'; a scope per stack keeps the ids unique.
      const scope = new Construct(app, `Stack${i}`) as unknown as App;
      stacks.push(buildStack(scope, { ...config, namespace: `${namespacePrefix}-${i}` }, configDir));
    }
  });
  lap('nodeValidate', () => {
    const errors = app.node.validate();
    if (errors.length > 0) throw new Error(errors.join('\n'));
  });
  let bytes = 0;
  // As synthesizeConfig does: once built, each restart source is hashed once.
  const pass = plainCdk8s ? (run: () => void) => run() : withHashMemo;
  pass(() => {
    let objects: any[][] = [];
    lap('toJson', () => {
      objects = plainCdk8s ? stacks.map(s => s.chart.toJson()) : synthesizeCharts(stacks.map(s => s.chart));
    });
    lap('validate', () => objects.forEach(o => ManifestValidator.assertValid(o)));
    lap('render', () => {
      stacks.forEach((stack, i) => {
        for (const content of render(stack, objects[i], plainCdk8s)) {
          bytes += content.length;
        }
      });
    });
  });
  times.total = times.build + times.nodeValidate + times.toJson + times.validate + times.render;
  return { ...times, bytes };
}

/** Like `synthesizeConfig`; `plainCdk8s` renders the component from `chart.toJson()` again, as before the fix. */
function render(stack: BuiltStack, objects: any[], plainCdk8s: boolean): string[] {
  return stack.kustomize
    ? KustomizeComponent.of(stack.chart).renderFiles(plainCdk8s ? undefined : objects).map(f => f.content)
    : [toYamlStream(objects)];
}
