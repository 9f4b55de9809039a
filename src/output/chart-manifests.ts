import { ApiObject, App, Chart, DependencyGraph } from 'cdk8s';

/**
 * The manifests of several charts, as `chart.toJson()` returns them, in time
 * linear in the size of the app.
 *
 * cdk8s 2.x's `Chart.toJson()` (which `App.synth()` calls once per chart)
 * first resolves dependencies across, and validates, the whole app, then
 * renders the chart: N charts in one app cost O(N²), about 30 s for 1,000
 * small charts. Here the first chart of each app goes through
 * `chart.toJson()`, which does that app-wide pass once; every other chart of
 * the same app is rendered exactly as `toJson()` renders it (its API objects
 * in dependency order, each `toJson()`ed) without repeating the pass.
 *
 * @param charts charts, of one app or several; returned in the same order
 * @internal
 */
export function synthesizeCharts(charts: readonly Chart[]): any[][] {
  const preparedApps = new Set<App>();
  return charts.map(chart => {
    const app = App.of(chart);
    if (!preparedApps.has(app)) {
      preparedApps.add(app);
      return chart.toJson();
    }
    return renderChart(chart);
  });
}

/** What `Chart.toJson()` returns after its app-wide pass (cdk8s `chartToKube`). */
function renderChart(chart: Chart): any[] {
  return new DependencyGraph(chart.node).topology()
    .filter((c): c is ApiObject => c instanceof ApiObject)
    .filter(o => Chart.of(o) === chart)
    .map(o => o.toJson());
}
