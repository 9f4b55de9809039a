import { ApiObject, App, Chart, Lazy, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { synthesizeCharts } from '../../src/output/chart-manifests';
import { KustomizeComponent } from '../../src/restart/kustomize-component';

function configMap(scope: Construct, id: string, data: any = { a: '1' }): ApiObject {
  return new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id.toLowerCase() }, data });
}

/** Three charts with dependencies within and across charts, a lazy value and a validation. */
function app(): { app: App; charts: Chart[] } {
  const root = Testing.app();
  const charts = ['one', 'two', 'three'].map(ns => new Chart(root, `chart-${ns}`, { namespace: ns, disableResourceNameHashes: true }));
  const [one, two, three] = charts;
  const late = configMap(one, 'Late');
  const early = configMap(one, 'Early', { count: Lazy.any({ produce: () => String(two.node.children.length) }) });
  late.addDependency(early);
  configMap(two, 'Only');
  const nested = new Construct(three, 'Nested');
  configMap(nested, 'Inner');
  configMap(three, 'Outer').addDependency(nested);
  three.addDependency(one);
  return { app: root, charts };
}

describe('synthesizeCharts', () => {
  test('renders every chart exactly as chart.toJson() does', () => {
    // GIVEN
    const expected = app().charts.map(c => c.toJson());

    // WHEN
    const actual = synthesizeCharts(app().charts);

    // THEN
    expect(actual).toStrictEqual(expected);
    expect(actual[0].map(o => o.metadata.name)).toStrictEqual(['early', 'late']);
    expect(actual[2].map(o => o.metadata.name)).toStrictEqual(['inner', 'outer']);
  });

  test('runs the app\'s validations, like chart.toJson()', () => {
    // GIVEN
    const { charts } = app();
    charts[1].node.addValidation({ validate: () => ['chart two is wrong'] });

    // THEN
    expect(() => synthesizeCharts(charts)).toThrow(/chart two is wrong/);
  });

  test('handles charts of several apps', () => {
    // GIVEN
    const first = app();
    const second = app();

    // WHEN
    const actual = synthesizeCharts([first.charts[0], second.charts[1], first.charts[2], second.charts[0]]);

    // THEN
    expect(actual).toStrictEqual([first.charts[0].toJson(), second.charts[1].toJson(), first.charts[2].toJson(), second.charts[0].toJson()]);
  });

  test('a kustomize component renders the same from manifests passed in', () => {
    // GIVEN
    const chart = Testing.chart();
    configMap(chart, 'Resource');
    KustomizeComponent.of(chart).renderAsPatch(configMap(chart, 'Patched'));

    // WHEN
    const [manifests] = synthesizeCharts([chart]);

    // THEN
    expect(KustomizeComponent.of(chart).renderFiles(manifests)).toStrictEqual(KustomizeComponent.of(chart).renderFiles());
  });
});
