import { App, Chart } from 'cdk8s';
import { Construct } from 'constructs';

import { renderStackFiles, validateConstructs } from '../src/cli/render-stack';
import { buildStack, BuiltStack } from '../src/config/build-stack';
import { ChartRenderer } from '../src/output/chart-manifests';

/** Wall time of each synth phase for a batch of stacks, in ms. */
export interface PhaseTimes {
  /** `buildStack` for every stack (config checks included). */
  build: number;
  /** `validateConstructs`: every construct's validations, as `App.synth()` runs them. */
  constructValidate: number;
  /** `renderStackFiles` for every stack: manifests, schema validation and the output files. */
  render: number;
  /** All of the above. */
  total: number;
}

/**
 * Synthesizes `count` copies of one config in one App, each as its own
 * chart in its own namespace (`<namespace>-<i>`), with the functions
 * `synthesizeConfig` (src/cli/synthesize.ts) runs for one, and times each
 * phase (the instrumented timers split `render` further). Nothing is
 * written to disk; the rendered bytes are counted so nothing is optimized
 * away. `plainCdk8s` renders each chart with `chart.toJson()`, as cdk8s's
 * `App.synth()` does: quadratic in the number of charts.
 */
export function synthStacks(
  config: any, configDir: string, count: number, namespacePrefix: string, plainCdk8s = false,
): PhaseTimes & { bytes: number } {
  const app = new App({ outdir: 'unused' });
  const times: PhaseTimes = { build: 0, constructValidate: 0, render: 0, total: 0 };
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
  lap('constructValidate', () => validateConstructs(app));
  let bytes = 0;
  const renderer = plainCdk8s ? { manifests: (chart: Chart) => chart.toJson() } as ChartRenderer : new ChartRenderer();
  lap('render', () => {
    for (const stack of stacks) {
      for (const file of renderStackFiles(stack, renderer)) {
        bytes += file.content.length;
      }
    }
  });
  times.total = times.build + times.constructValidate + times.render;
  return { ...times, bytes };
}
