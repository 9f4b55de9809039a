import { ApiObject, ApiObjectMetadataDefinition, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import {
  ExternalSecret,
  ExternalSecretProps,
  ExternalSecretSpecRefreshPolicy,
  ExternalSecretSpecTargetTemplateEngineVersion,
} from '../../src/imports/external-secrets.io';
import { Password, PasswordProps } from '../../src/imports/generators.external-secrets.io';
import { PlainApiObject } from '../../src/objects/plain-api-object';
import { METADATA_MUTATORS } from '../../src/objects/plain-metadata';

/** Bounded and repeatable in CI. */
const RUNS = { numRuns: 300, seed: 20261203 };

/** Props with everything the generated classes convert: IntOrString, Quantity, nested lists, enums, empty and undefined members. */
const deploymentProps: k8s.KubeDeploymentProps = {
  metadata: { name: 'hydra', namespace: 'plc-dev', labels: { name: 'hydra', app: 'pl-cloud' } },
  spec: {
    selector: { matchLabels: { name: 'hydra', app: 'pl-cloud' } },
    strategy: { type: 'Recreate' },
    template: {
      metadata: { labels: { name: 'hydra', app: 'pl-cloud' } },
      spec: {
        containers: [{
          name: 'server',
          image: 'oryd/hydra:v1.9.2',
          env: [{ name: 'B', value: '2' }, { name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k', optional: undefined } } }],
          ports: [{ containerPort: 4444 }],
          readinessProbe: { httpGet: { scheme: 'HTTPS', path: '/health/ready', port: k8s.IntOrString.fromNumber(4444) } },
          resources: { limits: { memory: k8s.Quantity.fromString('512Mi'), cpu: k8s.Quantity.fromNumber(1) }, requests: {} },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        }],
        volumes: [{ name: 'config', configMap: { name: 'hydra-config', items: [{ key: 'hydra.yml', path: 'hydra.yml' }] } }],
        serviceAccountName: '',
      },
    },
  },
};
const serviceProps: k8s.KubeServiceProps = {
  metadata: { name: 'hydra' },
  spec: { selector: { name: 'hydra' }, ports: [{ name: 'public', port: 4444, targetPort: k8s.IntOrString.fromString('public') }] },
};
const externalSecretProps: ExternalSecretProps = {
  metadata: { name: 'pl-hydra-secrets' },
  spec: {
    refreshPolicy: ExternalSecretSpecRefreshPolicy.CREATED_ONCE,
    target: { name: 'pl-hydra-secrets', immutable: true, template: { engineVersion: ExternalSecretSpecTargetTemplateEngineVersion.V2, data: { b: '{{ .b }}', a: '{{ .a }}' } } },
    dataFrom: [{ sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password' as any, name: 'gen' } } }],
  },
};
const passwordProps: PasswordProps = { metadata: { name: 'gen' }, spec: { length: 64, symbols: 0, noUpper: false, allowRepeat: true } };

/** The same JSON text: same content, same key order at every level. */
function expectSameJson(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('PlainApiObject', () => {
  test.each([
    ['Deployment', k8s.KubeDeployment, deploymentProps],
    ['Service', k8s.KubeService, serviceProps],
    ['ConfigMap', k8s.KubeConfigMap, { metadata: { name: 'c' }, data: { 'z.yml': 'z: 1\n', 'a.yml': 'a: 1\n' } } as k8s.KubeConfigMapProps],
    ['ExternalSecret', ExternalSecret, externalSecretProps],
    ['Password', Password, passwordProps],
  ] as const)('renders a %s exactly as its generated class does', (_kind, Class: any, props) => {
    // GIVEN
    const chart = Testing.chart();
    const plain = new PlainApiObject(chart, 'Plain', Class.GVK, props);
    const generated: ApiObject = new Class(Testing.chart(), 'Generated', props);

    // THEN
    expectSameJson(plain.toJson(), generated.toJson());
    expect(plain.toJson().metadata.name).toBe(props.metadata!.name);
    expect(plain.kind).toBe(Class.GVK.kind);
  });

  test('IntOrString and Quantity become their values', () => {
    // GIVEN
    const plain = new PlainApiObject(Testing.chart(), 'Plain', k8s.KubeDeployment.GVK, deploymentProps);

    // WHEN
    const container = plain.toJson().spec.template.spec.containers[0];

    // THEN
    expect(container.readinessProbe.httpGet.port).toBe(4444);
    expect(container.resources.limits).toStrictEqual({ cpu: 1, memory: '512Mi' });
  });

  test('renders any plain manifest as cdk8s renders it, keys sorted at every level', () => {
    const body = fc.dictionary(fc.string({ maxLength: 6 }).filter(k => !['apiVersion', 'kind', 'metadata'].includes(k)), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 5 });
    fc.assert(fc.property(body, fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9./-]{0,10}$/), fc.string({ maxLength: 8 }), { maxKeys: 3 }), (props, labels) => {
      // Lists of null are not plain manifests (cdk8s would render them as lists of undefined).
      fc.pre(!JSON.stringify(props).includes('[null') && !JSON.stringify(props).includes(',null'));
      const manifest = { apiVersion: 'v1', kind: 'Thing', metadata: { name: 'thing', labels }, ...props };

      // WHEN
      const plain = new PlainApiObject(Testing.chart(), 'Plain', { apiVersion: 'v1', kind: 'Thing' }, { metadata: manifest.metadata, ...props });
      const cdk8s = new ApiObject(Testing.chart(), 'Cdk8s', manifest);

      // THEN
      expectSameJson(plain.toJson(), cdk8s.toJson());
    }), RUNS);
  });

  test('renders metadata changed after it was made', () => {
    // GIVEN
    const plain = new PlainApiObject(Testing.chart(), 'Plain', k8s.KubeService.GVK, serviceProps);

    // WHEN
    plain.metadata.addLabel('team', 'auth');
    plain.metadata.addAnnotation('note', Lazy.any({ produce: () => 'made at synth' }) as any);

    // THEN
    expect(plain.toJson().metadata).toStrictEqual({ annotations: { note: 'made at synth' }, labels: { team: 'auth' }, name: 'hydra' });
  });

  test('applies JSON patches as cdk8s does, then sorts the keys again', () => {
    // GIVEN
    const plain = new PlainApiObject(Testing.chart(), 'Plain', k8s.KubeDeployment.GVK, deploymentProps);
    const generated = new k8s.KubeDeployment(Testing.chart(), 'Generated', deploymentProps);
    const patches = [
      JsonPatch.add('/spec/template/metadata/annotations', {}),
      JsonPatch.add('/spec/template/metadata/annotations/z', 'last'),
      JsonPatch.add('/spec/template/metadata/annotations/a', 'first'),
      JsonPatch.replace('/spec/replicas', 2),
    ];

    // WHEN
    plain.addJsonPatch(...patches);
    generated.addJsonPatch(...patches);

    // THEN
    const rendered = plain.toJson();
    expect(rendered).toStrictEqual(generated.toJson());
    expect(Object.keys(rendered.spec.template.metadata)).toStrictEqual(['annotations', 'labels']);
    expect(Object.keys(rendered.spec.template.metadata.annotations)).toStrictEqual(['a', 'z']);
    expect(Object.keys(rendered.spec)).toStrictEqual([...Object.keys(rendered.spec)].sort());
    expect(Object.keys(rendered).slice(0, 3)).toStrictEqual(['apiVersion', 'kind', 'metadata']);
  });

  test('renders any name, namespace, labels and annotations exactly as cdk8s does, before and after any change', () => {
    const word = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,8}$/);
    const strings = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9./-]{0,10}$/), fc.string({ maxLength: 6 }), { maxKeys: 3 });
    const change = fc.oneof(
      fc.tuple(fc.constant('addLabel'), word, fc.string({ maxLength: 4 })),
      fc.tuple(fc.constant('addAnnotation'), word, fc.string({ maxLength: 4 })),
      fc.tuple(fc.constant('addFinalizers'), word),
      fc.tuple(fc.constant('add'), fc.constantFrom('generateName', 'uid'), word),
      fc.tuple(fc.constant('addOwnerReference'), word),
    );
    fc.assert(fc.property(
      word, fc.option(word, { nil: undefined }), fc.option(word, { nil: undefined }), strings, strings, strings, fc.array(change, { maxLength: 2 }),
      (name, namespace, chartNamespace, labels, annotations, chartLabels, changes) => {
        // GIVEN
        const chart = new Chart(Testing.app(), 'c', { namespace: chartNamespace, labels: chartLabels });
        const plain = new PlainApiObject(chart, 'Plain', k8s.KubeConfigMap.GVK, { metadata: { name, namespace, labels, annotations }, data: { a: '1' } });

        // THEN as made, the metadata is cdk8s's own rendering of it, without cdk8s rendering it
        const cdk8sRender = jest.spyOn(plain.metadata, 'toJson');
        const asMade = plain.toJson().metadata;
        expect(cdk8sRender).not.toHaveBeenCalled();
        cdk8sRender.mockRestore();
        expectSameJson(asMade, plain.metadata.toJson());
        // and after each change too
        for (const [method, ...args] of changes) {
          const owner = { apiVersion: 'v1', kind: 'ConfigMap', name: String(args[0]), uid: 'u' };
          (plain.metadata as any)[method](...(method === 'addOwnerReference' ? [owner] : args));
          expectSameJson(plain.toJson().metadata, plain.metadata.toJson());
        }
      }), RUNS);
  });

  test('knows every method by which cdk8s metadata can change (fails when cdk8s adds one)', () => {
    const methods = Object.getOwnPropertyNames(ApiObjectMetadataDefinition.prototype).sort();
    expect(methods).toStrictEqual(['constructor', 'getLabel', 'toJson', ...METADATA_MUTATORS].sort());
  });

  test('a patch that cannot apply fails at synth, naming the object', () => {
    // GIVEN
    const plain = new PlainApiObject(Testing.chart(), 'Plain', k8s.KubeService.GVK, serviceProps);

    // WHEN
    plain.addJsonPatch(JsonPatch.add('/spec/missing/key', 'x'));

    // THEN
    expect(() => plain.toJson()).toThrow(/Failed serializing construct at path 'test\/Plain' with name 'hydra'/);
  });

  test('refuses tokens and other non-data values when it is made, naming where they are', () => {
    // GIVEN
    const lazy = { ...serviceProps, spec: { ...serviceProps.spec, selector: { name: Lazy.any({ produce: () => 'hydra' }) } } };
    const nullItem = { metadata: { name: 'c' }, spec: { ports: [null] } };
    const infinite = { metadata: { name: 'c' }, spec: { replicas: Infinity } };

    // THEN
    expect(() => new PlainApiObject(Testing.chart(), 'A', k8s.KubeService.GVK, lazy)).toThrow("Service 'hydra': spec.selector.name is a Lazy; the props must be plain data (no Lazy or other tokens)");
    expect(() => new PlainApiObject(Testing.chart(), 'B', k8s.KubeService.GVK, nullItem)).toThrow("Service 'c': spec.ports.0 is null; lists hold values only");
    expect(() => new PlainApiObject(Testing.chart(), 'C', k8s.KubeDeployment.GVK, infinite)).toThrow("Deployment 'c': spec.replicas is Infinity, which JSON cannot hold");
  });

  test('every toJson() is a fresh copy: changing one does not change the next', () => {
    // GIVEN
    const plain = new PlainApiObject(Testing.chart(), 'Plain', k8s.KubeDeployment.GVK, deploymentProps);

    // WHEN
    const first = plain.toJson();
    first.spec.template.spec.containers[0].name = 'changed';
    first.spec.selector.matchLabels.extra = 'x';

    // THEN
    expect(plain.toJson().spec.template.spec.containers[0].name).toBe('server');
    expect(plain.toJson().spec.selector.matchLabels).toStrictEqual({ app: 'pl-cloud', name: 'hydra' });
  });

  test('the props are copied when it is made: changing them later changes nothing', () => {
    // GIVEN
    const props = { metadata: { name: 'c' }, data: { a: '1' } };
    const plain = new PlainApiObject(Testing.chart(), 'Plain', k8s.KubeConfigMap.GVK, props);

    // WHEN
    props.data.a = '2';

    // THEN
    expect(plain.toJson().data).toStrictEqual({ a: '1' });
  });

  test('valueAt reads the manifest without rendering it, and sees patches', () => {
    // GIVEN
    const plain = new PlainApiObject(Testing.chart(), 'Plain', k8s.KubeDeployment.GVK, deploymentProps);
    const render = jest.spyOn(plain, 'toJson');

    // WHEN
    const before = plain.valueAt('spec', 'template', 'metadata');
    const missing = plain.valueAt('spec', 'nothing', 'here');
    const rendersBefore = render.mock.calls.length;
    plain.addJsonPatch(JsonPatch.add('/spec/template/metadata/annotations', { a: '1' }));
    const after = plain.valueAt('spec', 'template', 'metadata', 'annotations');

    // THEN
    expect(before).toStrictEqual({ labels: { app: 'pl-cloud', name: 'hydra' } });
    expect(missing).toBeUndefined();
    expect(rendersBefore).toBe(0);
    expect(after).toStrictEqual({ a: '1' });
    expect(plain.valueAt('metadata', 'name')).toBe('hydra');
  });

  test('isPlainApiObject tells it apart from other ApiObjects, which instanceof does not', () => {
    // GIVEN
    const chart = Testing.chart();
    const plain = new PlainApiObject(chart, 'Plain', k8s.KubeService.GVK, serviceProps);
    const other = new k8s.KubeService(chart, 'Other', serviceProps);

    // THEN
    expect(PlainApiObject.isPlainApiObject(plain)).toBe(true);
    expect(PlainApiObject.isPlainApiObject(other)).toBe(false);
    expect(PlainApiObject.isPlainApiObject(undefined)).toBe(false);
    // cdk8s's ApiObject[Symbol.hasInstance] answers for every ApiObject, so instanceof cannot be used here.
    expect(other instanceof PlainApiObject).toBe(true);
  });
});
