import { ApiObject, App, Chart, Lazy, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { ChartRenderer } from '../../src/output/chart-manifests';
import { KustomizeComponent } from '../../src/restart/kustomize-component';

/** Each chart's manifests, through one renderer, as a synthesis renders them. */
function synthesizeCharts(charts: readonly Chart[]): any[][] {
  const renderer = new ChartRenderer();
  return charts.map(chart => renderer.manifests(chart));
}

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

describe('ChartRenderer', () => {
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

  test('any tree of objects, with or without dependencies, renders in chart.toJson()\'s order', () => {
    // A tree: each node is an object (leaf) or a construct with children; some objects depend on ones made before them.
    const tree: fc.Arbitrary<any> = fc.letrec(tie => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant('object'), fc.array(tie('node'), { maxLength: 4 })),
    })).node;
    const edgeList = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 });
    fc.assert(fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), edgeList, (children, edges) => {
      const build = () => {
        const root = Testing.app();
        const charts = [0, 1].map(i => new Chart(root, `chart${i}`, { disableResourceNameHashes: true }));
        const objects: ApiObject[] = [];
        const add = (scope: Construct, node: any, id: string) => {
          if (node === 'object') {
            objects.push(configMap(scope, `O${objects.length}${id}`));
          } else {
            const group = new Construct(scope, `G${id}`);
            node.forEach((child: any, i: number) => add(group, child, `${id}x${i}`));
          }
        };
        children.forEach((child, i) => add(charts[1], child, String(i)));
        configMap(charts[0], 'First');
        for (const [a, b] of objects.length > 1 ? edges : []) {
          const [later, earlier] = [a % objects.length, b % objects.length].sort((x, y) => y - x);
          if (later !== earlier) {
            objects[later].addDependency(objects[earlier]); // later on earlier only: no cycles
          }
        }
        return charts;
      };
      // The second chart goes through the renderer's own path (the first prepares the app).
      expect(synthesizeCharts(build())[1]).toStrictEqual(build()[1].toJson());
    }), { numRuns: 200, seed: 20261203 });
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
