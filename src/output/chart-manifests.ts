import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';
import { renderedManifest } from '../restart/synthesis-pass';

/**
 * Renders charts' manifests, as `chart.toJson()` returns them, in time
 * linear in the size of the app.
 *
 * cdk8s 2.x's `Chart.toJson()` (which `App.synth()` calls once per chart)
 * first resolves dependencies across, and validates, the whole app, then
 * renders the chart: N charts in one app cost O(N²) (52 s for 1,000 Auth0
 * stacks, 1-3 s for 1,000 charts of one ConfigMap). Here the first chart
 * of each app goes through `chart.toJson()`, which does that app-wide pass
 * once; every other chart of the same app is rendered exactly as `toJson()`
 * renders it (its API objects in dependency order, each `toJson()`ed)
 * without repeating the pass, and, inside `withSynthesisPass`, without
 * rendering again an object a restart hash has rendered. `npm run synth`
 * builds one chart, so only many-chart synths (the bench) take that path.
 *
 * Use one `ChartRenderer` for one synthesis: constructs must not change
 * between its calls.
 * @internal
 */
export class ChartRenderer {
  private readonly preparedApps = new Set<App>();

  /** The manifests of `chart`, as `chart.toJson()` returns them. */
  public manifests(chart: Chart): any[] {
    const app = App.of(chart);
    if (!this.preparedApps.has(app)) {
      this.preparedApps.add(app);
      return chart.toJson();
    }
    return renderChart(chart);
  }
}

/**
 * What `Chart.toJson()` returns after its app-wide pass (cdk8s `chartToKube`):
 * the chart's API objects in the topological order of its dependency graph.
 * Without dependencies that order is the construct tree's (pre-order), so
 * the graph, which costs more than rendering a small chart, is not built.
 * The app-wide pass must have run for this synthesis.
 * @internal
 */
export function renderChart(chart: Chart): any[] {
  const constructs = chart.node.findAll();
  const ordered = constructs.some(c => c.node.dependencies.length > 0) ? new DependencyGraph(chart.node).topology() : constructs;
  return ordered
    .filter((c): c is ApiObject => c instanceof ApiObject)
    .filter(o => Chart.of(o) === chart)
    .map(o => renderedManifest(o));
}
