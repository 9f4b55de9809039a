import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, AppProps, Chart, Lazy, Yaml, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import { OAuthConfigMode, OssAuth, PixieWorkloads } from '../../src';
import { LinearSynthApp } from '../../src/output/linear-synth-app';

function configMap(scope: Construct, id: string, data: any = { a: '1' }): ApiObject {
  return new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: id.toLowerCase() }, data });
}

/** Charts with dependencies within and across charts, a nested chart, a lazy value and a counted validation. */
function populate(app: App): { validations: () => number } {
  let validations = 0;
  const charts = ['one', 'two', 'three', 'four'].map(ns => new Chart(app, `chart-${ns}`, { namespace: ns }));
  const [one, two, three, four] = charts;
  const late = configMap(one, 'Late');
  const early = configMap(one, 'Early', { count: Lazy.any({ produce: () => String(two.node.children.length) }), list: ['yes', '0o17', 'a: b', 'two\nlines\n'] });
  late.addDependency(early);
  configMap(two, 'Only');
  configMap(three, 'Outer').addDependency(configMap(new Construct(three, 'Nested'), 'Inner'));
  configMap(new Chart(four, 'child', { namespace: 'child' }), 'InChild');
  // An implicit cross-chart dependency: 'one' must come after 'three'.
  early.addDependency(three);
  two.node.addValidation({ validate: () => { validations++; return []; } });
  return { validations: () => validations };
}

/** Every file under `dir`, by relative path, with its content. */
function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, full)] = fs.readFileSync(full, 'utf8');
    }
  }
  return files;
}

function synthTo(AppClass: new (props: AppProps) => App, props: AppProps): Record<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'linear-synth-'));
  try {
    const app = new AppClass({ ...props, outdir });
    populate(app);
    app.synth();
    return readTree(outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('LinearSynthApp', () => {
  test.each([
    ['file per chart', YamlOutputType.FILE_PER_CHART, false],
    ['file per app', YamlOutputType.FILE_PER_APP, false],
    ['file per resource', YamlOutputType.FILE_PER_RESOURCE, false],
    ['folder per chart, file per resource', YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE, false],
    ['file per chart, with construct metadata', YamlOutputType.FILE_PER_CHART, true],
  ])('synth() writes the same files as App, byte for byte: %s', (_name, yamlOutputType, recordConstructMetadata) => {
    // WHEN
    const expected = synthTo(App, { yamlOutputType, recordConstructMetadata });
    const actual = synthTo(LinearSynthApp, { yamlOutputType, recordConstructMetadata });

    // THEN
    expect(actual).toStrictEqual(expected);
    expect(Object.keys(actual).length).toBeGreaterThanOrEqual(recordConstructMetadata ? 6 : 1);
  });

  test('file per chart keeps cdk8s\'s indexed names for dependent charts', () => {
    // WHEN
    const files = synthTo(LinearSynthApp, {});

    // THEN: 'three' before 'one' (the implicit dependency), numbered as cdk8s numbers them
    expect(Object.keys(files).sort()).toStrictEqual(Object.keys(synthTo(App, {})).sort());
    expect(Object.keys(files).find(f => f.includes('chart-three'))! < Object.keys(files).find(f => f.includes('chart-one'))!).toBe(true);
  });

  test('synthYaml() returns the same YAML as App', () => {
    // GIVEN
    const plain = new App({ outdir: 'unused' });
    populate(plain);
    const linear = new LinearSynthApp({ outdir: 'unused' });
    populate(linear);

    // WHEN
    const yaml = linear.synthYaml();

    // THEN
    expect(yaml).toBe(plain.synthYaml());
    expect(yaml).toContain('- "yes"\n');
    expect(yaml).toContain('count: "1"\n');
  });

  test('runs the app-wide validations twice, not once per chart as App does', () => {
    // GIVEN
    const plain = new App({ outdir: 'unused' });
    const plainCount = populate(plain);
    const linear = new LinearSynthApp({ outdir: 'unused' });
    const linearCount = populate(linear);

    // WHEN
    plain.synthYaml();
    linear.synthYaml();

    // THEN: App validates once, then once more per chart (5 charts); LinearSynthApp once, and once for the first chart
    expect(plainCount.validations()).toBe(1 + 5);
    expect(linearCount.validations()).toBe(2);
  });

  test('puts cdk8s back as it was, after a synth and after a failed one', () => {
    // GIVEN
    const synthChart = (App as any)._synthChart;
    const stringify = Yaml.stringify;
    const app = new LinearSynthApp({ outdir: 'unused' });
    populate(app);
    app.synthYaml();
    new Chart(app, 'broken').node.addValidation({ validate: () => ['broken on purpose'] });

    // THEN
    expect(() => app.synthYaml()).toThrow(/\[broken\] broken on purpose/);
    expect((App as any)._synthChart).toBe(synthChart);
    expect(Yaml.stringify).toBe(stringify);
  });

  test('renders another app\'s chart with cdk8s\'s own pass, during its synth', () => {
    // GIVEN
    const other = new App({ outdir: 'unused' });
    const otherChart = new Chart(other, 'other');
    configMap(otherChart, 'Elsewhere');
    otherChart.node.addValidation({ validate: () => ['the other app is checked'] });
    const app = new LinearSynthApp({ outdir: 'unused' });
    configMap(new Chart(app, 'mine'), 'Mine', { other: Lazy.any({ produce: () => { try { otherChart.toJson(); return 'rendered'; } catch (e) { return (e as Error).message.includes('the other app is checked') ? 'validated' : 'other'; } } }) });

    // THEN
    expect(app.synthYaml()).toContain('other: validated\n');
  });

  test('chartManifests() gives every chart\'s chart.toJson(), dependencies first', () => {
    // GIVEN
    const app = new LinearSynthApp({ outdir: 'unused' });
    populate(app);

    // WHEN
    const manifests = app.chartManifests();

    // THEN
    expect(manifests.map(m => m.chart.node.id)).toStrictEqual(app.charts.map(c => c.node.id));
    expect(manifests.map(m => m.chart.node.id).indexOf('chart-three')).toBeLessThan(manifests.map(m => m.chart.node.id).indexOf('chart-one'));
    expect(manifests.map(m => m.manifests)).toStrictEqual(app.charts.map(c => c.toJson()));
    expect(new LinearSynthApp({ outdir: 'unused' }).chartManifests()).toStrictEqual([]);
  });

  test('many OssAuth stacks synthesize as with App, restart hashes included', () => {
    // GIVEN: one chart per environment, as a manifests repo renders them
    const build = <A extends App>(app: A): A => {
      for (const env of ['dev', 'staging', 'prod']) {
        new OssAuth(new Chart(app, env, { namespace: `plc-${env}` }), 'Auth', { workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }) });
      }
      return app;
    };

    // WHEN
    const linear = build(new LinearSynthApp({ outdir: 'unused' })).chartManifests();
    const plain = build(new App({ outdir: 'unused' })).charts.map(c => c.toJson());

    // THEN
    expect(linear.map(m => m.manifests)).toStrictEqual(plain);
    const namespaces = linear.map(m => [...new Set(m.manifests.map((o: any) => o.metadata.namespace))]);
    expect(namespaces).toStrictEqual([['plc-dev'], ['plc-staging'], ['plc-prod']]);
    const hydra = (i: number) => linear[i].manifests.find((o: any) => o.kind === 'Deployment' && o.metadata.name === 'hydra');
    expect(Object.keys(hydra(0).spec.template.metadata.annotations).some(k => k.startsWith('checksum/'))).toBe(true);
  });
});
