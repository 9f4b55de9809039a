import { App, AppProps, Chart, Yaml } from 'cdk8s';
import { fastCdk8sStringify, Stringify } from './cdk8s-yaml';
import { renderChart } from './chart-manifests';
import { withSynthesisPass } from '../restart/synthesis-pass';

/** One chart and its manifests, as `chart.toJson()` returns them. */
export interface ChartManifests {
  /** The chart. */
  readonly chart: Chart;
  /** Its API objects' manifests, in the order `chart.toJson()` gives them. */
  readonly manifests: any[];
}

/** What cdk8s's `Chart.toJson()` calls: `App._synthChart(chart)`, internal to cdk8s 2.x. */
interface ChartSynthesizer {
  _synthChart?: (chart: Chart) => any[];
}

/**
 * A cdk8s `App` whose `synth()` and `synthYaml()` take time linear in the
 * number of charts, and write the same bytes as `App`'s.
 *
 * cdk8s 2.x renders each chart with `chart.toJson()`, and each of those
 * calls resolves dependencies across, and runs the validations of, the
 * whole app before rendering the one chart: N charts cost O(N²) (300
 * charts of the open-source stack take ~8 s to render, 1,000 over a
 * minute). While this app synthesizes:
 *
 * - the first of its charts goes through cdk8s's own `chart.toJson()`,
 *   which does that app-wide pass; every other chart is rendered exactly
 *   as `chart.toJson()` renders it (its API objects in dependency order,
 *   each `toJson()`ed), without repeating the pass;
 * - each chart is rendered in a synthesis pass of its own, so each restart
 *   source is hashed once however many of the chart's workloads read it,
 *   and what was rendered for one chart is freed before the next;
 * - `Yaml.stringify` writes its documents through a fast path that gives
 *   the same bytes as cdk8s's, leaving any value it cannot write for
 *   certain to cdk8s.
 *
 * Everything else (output types, file names, construct metadata) is
 * cdk8s's own `App.synth()`. Use it where you would use `App`, in a cdk8s
 * app with many charts (one per environment, say) that `cdk8s synth` runs.
 */
export class LinearSynthApp extends App {
  /**
   * Defines an app.
   * @param props the same props as cdk8s's `App`
   */
  constructor(props: AppProps = {}) {
    super(props);
  }

  /** Synthesizes all manifests to the output directory, as `App.synth()` does. */
  public synth(): void {
    this.inOnePass(() => super.synth());
  }

  /** Synthesizes the app into one YAML string, as `App.synthYaml()` does. */
  public synthYaml(): string {
    return this.inOnePass(() => super.synthYaml());
  }

  /**
   * Every chart's manifests, in the order of `app.charts` (dependencies
   * first), in one pass: for example to write each chart's
   * `KustomizeComponent.renderFiles(manifests)` without rendering each
   * chart's app again. Runs every construct's validations.
   */
  public chartManifests(): ChartManifests[] {
    return this.inOnePass(() => {
      const [first] = this.node.findAll().filter(Chart.isChart);
      if (first === undefined) {
        return [];
      }
      // The app-wide pass first, so that app.charts is ordered by the dependencies it resolves.
      const firstManifests = first.toJson();
      return this.charts.map(chart => ({ chart, manifests: chart === first ? firstManifests : chart.toJson() }));
    });
  }

  /**
   * Runs `synthesize` with this app's charts rendered as described above,
   * each in a synthesis pass of its own.
   * `App._synthChart` and `Yaml.stringify` are swapped for the call only,
   * and charts of other apps still go through cdk8s's own. If cdk8s no
   * longer has `_synthChart`, charts are rendered by cdk8s throughout
   * (correct, quadratic).
   */
  private inOnePass<T>(synthesize: () => T): T {
    const synthesizer = App as unknown as ChartSynthesizer;
    const cdk8sSynthChart = synthesizer._synthChart;
    const cdk8sStringify: Stringify = Yaml.stringify;
    let prepared = false;
    if (typeof cdk8sSynthChart === 'function') {
      synthesizer._synthChart = (chart: Chart) => {
        const ours = App.of(chart) === this;
        if (ours && prepared) {
          return withSynthesisPass(() => renderChart(chart));
        }
        prepared ||= ours; // this app's first chart: cdk8s's app-wide pass, once
        return withSynthesisPass(() => cdk8sSynthChart.call(App, chart));
      };
    }
    Yaml.stringify = fastCdk8sStringify(cdk8sStringify);
    try {
      return synthesize();
    } finally {
      Yaml.stringify = cdk8sStringify;
      if (typeof cdk8sSynthChart === 'function') {
        synthesizer._synthChart = cdk8sSynthChart;
      }
    }
  }
}
