import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { parseAllDocuments } from 'yaml';
import { ExternalSecret } from '../../src/imports/external-secrets.io';
import { Password } from '../../src/imports/generators.external-secrets.io';
import { ManifestValidator } from '../../src/validate/manifest-validator';
import { describeErrors } from '../../src/validate/problem-messages';
import { SCHEMAS_DIR, readSchemaFiles } from '../../src/validate/schema-files';
import { SchemaRegistry } from '../../src/validate/schema-registry';
import { toEnforcedSchema } from '../../src/validate/schema-transform';
import { PIXIE_REFERENCE_DIR } from '../support/reference';

const PIXIE_BASE = path.join(PIXIE_REFERENCE_DIR, 'base');

function deployment(): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'hydra', namespace: 'plc-dev', labels: { name: 'hydra' }, annotations: { 'pixie.dev/config-hash': 'abc' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { name: 'hydra' } },
      template: {
        metadata: { labels: { name: 'hydra' } },
        spec: {
          containers: [{
            name: 'server',
            image: 'oryd/hydra:v1.9.2-alpine',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 4444, name: 'hydra-public' }],
            readinessProbe: { httpGet: { path: '/health/ready', port: 'hydra-admin', scheme: 'HTTPS' } },
            livenessProbe: { httpGet: { path: '/health/alive', port: 4445 } },
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: 1 } },
            envFrom: [{ configMapRef: { name: 'pl-domain-config' } }],
            env: [{ name: 'SECRETS_SYSTEM', valueFrom: { secretKeyRef: { name: 'pl-hydra-secrets', key: 'SECRETS_SYSTEM' } } }],
          }],
          volumes: [{ name: 'config', configMap: { name: 'hydra-config' } }],
        },
      },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    },
  };
}

function configMap(): any {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'pl-oauth-config' }, data: { PL_OAUTH_PROVIDER: 'auth0' } };
}

function service(): any {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'hydra', namespace: 'plc-dev' },
    spec: { type: 'ClusterIP', selector: { name: 'hydra' }, ports: [{ name: 'public', port: 4444, targetPort: 4444 }, { name: 'admin', port: 4445, targetPort: 'admin' }] },
  };
}

function externalSecret(): any {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: 'cloud-auth0-secrets', namespace: 'plc-dev' },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
      target: { name: 'cloud-auth0-secrets', creationPolicy: 'Owner' },
      data: [{ secretKey: 'auth0-client-secret', remoteRef: { key: 'pixie/auth0', property: 'client-secret' } }],
    },
  };
}

function password(): any {
  return {
    apiVersion: 'generators.external-secrets.io/v1alpha1',
    kind: 'Password',
    metadata: { name: 'hydra-system-secret', namespace: 'plc-dev' },
    spec: { length: 32, digits: 5, symbols: 0, allowRepeat: true, noUpper: false },
  };
}

describe('ManifestValidator.validate', () => {
  test('a valid Deployment, ConfigMap, Service, ExternalSecret v1 and Password have no problems', () => {
    expect(ManifestValidator.validate([deployment(), configMap(), service(), externalSecret(), password()])).toStrictEqual([]);
  });

  test('what cdk8s-plus and the imported CRD classes synthesize has no problems', () => {
    // GIVEN
    const chart = Testing.chart();
    const config = new kplus.ConfigMap(chart, 'Config', { data: { PL_OAUTH_PROVIDER: 'hydra' } });
    const workload = new kplus.Deployment(chart, 'Hydra', { replicas: 1, serviceAccount: new kplus.ServiceAccount(chart, 'Account') });
    workload.addContainer({ image: 'oryd/hydra:v1.9.2', portNumber: 4444, envVariables: { A: kplus.EnvValue.fromConfigMap(config, 'PL_OAUTH_PROVIDER') } })
      .mount('/etc/config', kplus.Volume.fromConfigMap(chart, 'Volume', config));
    workload.exposeViaService({ ports: [{ port: 4444 }] });
    new kplus.Secret(chart, 'Secret', { stringData: { key: 'value' } });
    new kplus.StatefulSet(chart, 'Set', { containers: [{ image: 'postgres' }], service: new kplus.Service(chart, 'Headless', { clusterIP: 'None', ports: [{ port: 5432 }] }) });
    new kplus.DaemonSet(chart, 'Daemon', { containers: [{ image: 'agent' }] });
    new kplus.Job(chart, 'Migrate', { containers: [{ image: 'oryd/hydra:v1.9.2', args: ['migrate'] }] });
    new kplus.Namespace(chart, 'Namespace');
    new ExternalSecret(chart, 'External', { spec: externalSecret().spec });
    new Password(chart, 'Password', { spec: password().spec });

    // WHEN
    const manifests = Testing.synth(chart);

    // THEN
    expect(new Set(manifests.map(m => m.kind))).toStrictEqual(new Set([
      'ConfigMap', 'DaemonSet', 'Deployment', 'ExternalSecret', 'Job', 'Namespace', 'Password', 'Secret', 'Service', 'ServiceAccount', 'StatefulSet',
    ]));
    expect(ManifestValidator.validate(manifests)).toStrictEqual([]);
  });

  test('IntOrString and Quantity accept both of their types and nothing else', () => {
    // GIVEN
    const svc = service();
    svc.spec.ports[0].targetPort = true;
    const dep = deployment();
    dep.spec.template.spec.containers[0].resources.limits.cpu = ['1'];

    // THEN
    expect(ManifestValidator.validate([svc, dep])).toStrictEqual([
      { object: 'Service plc-dev/hydra', path: '/spec/ports/0/targetPort', message: 'must be integer or string' },
      { object: 'Deployment plc-dev/hydra', path: '/spec/template/spec/containers/0/resources/limits/cpu', message: 'must be number or string' },
    ]);
  });

  test('reports an unknown top-level field', () => {
    const dep = deployment();
    dep.specs = {};
    expect(ManifestValidator.validate([dep])).toStrictEqual([
      { object: 'Deployment plc-dev/hydra', path: '/specs', message: 'unknown field "specs"' },
    ]);
  });

  test('reports an unknown field deep in a container', () => {
    const dep = deployment();
    dep.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
    expect(ManifestValidator.validate([dep])).toStrictEqual([
      { object: 'Deployment plc-dev/hydra', path: '/spec/template/spec/containers/0/imagePullPolicyy', message: 'unknown field "imagePullPolicyy"' },
    ]);
  });

  test('reports an unknown metadata field, on Kubernetes kinds and CRDs alike', () => {
    const cm = configMap();
    cm.metadata.label = { app: 'x' };
    const es = externalSecret();
    es.metadata.annotation = { a: 'b' };
    const dep = deployment();
    dep.spec.template.metadata.lables = {};
    expect(ManifestValidator.validate([cm, es, dep])).toStrictEqual([
      { object: 'ConfigMap pl-oauth-config', path: '/metadata/label', message: 'unknown field "label"' },
      { object: 'ExternalSecret plc-dev/cloud-auth0-secrets', path: '/metadata/annotation', message: 'unknown field "annotation"' },
      { object: 'Deployment plc-dev/hydra', path: '/spec/template/metadata/lables', message: 'unknown field "lables"' },
    ]);
  });

  test('reports a wrong type', () => {
    const dep = deployment();
    dep.spec.replicas = 'two';
    expect(ManifestValidator.validate([dep])).toStrictEqual([
      { object: 'Deployment plc-dev/hydra', path: '/spec/replicas', message: 'must be integer' },
    ]);
  });

  test('reports an unknown field in an ExternalSecret spec', () => {
    const es = externalSecret();
    es.spec.refreshIntervall = '1h';
    expect(ManifestValidator.validate([es])).toStrictEqual([
      { object: 'ExternalSecret plc-dev/cloud-auth0-secrets', path: '/spec/refreshIntervall', message: 'unknown field "refreshIntervall"' },
    ]);
  });

  test('reports an ExternalSecret at external-secrets.io/v1beta1, which is not served', () => {
    const es = externalSecret();
    es.apiVersion = 'external-secrets.io/v1beta1';
    expect(ManifestValidator.validate([es])).toStrictEqual([{
      object: 'ExternalSecret plc-dev/cloud-auth0-secrets',
      path: '/apiVersion',
      message: 'apiVersion "external-secrets.io/v1beta1" of kind "ExternalSecret" is not known to the validator (known: external-secrets.io/v1)',
    }]);
  });

  test('reports an unknown kind without quoting the object', () => {
    const unknown = { apiVersion: 'secrets-store.csi.x-k8s.io/v1', kind: 'SecretProviderClass', metadata: { name: 'vault' }, spec: { parameters: { token: 's3cr3t' } } };
    const problems = ManifestValidator.validate([unknown]);
    expect(problems).toStrictEqual([{
      object: 'SecretProviderClass vault',
      path: '/kind',
      message: 'kind "SecretProviderClass" (apiVersion "secrets-store.csi.x-k8s.io/v1") is not known to the validator',
    }]);
  });

  test('reports every problem in every object, in object order, sorted by path within an object', () => {
    // GIVEN
    const dep = deployment();
    dep.spec.replicas = 'two';
    dep.spec.template.spec.containers.push({ image: 'sidecar', ports: [{ containerPort: 2 ** 31 }] });
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pl-hydra-secrets', namespace: 'plc-dev' }, data: { CLIENT_SECRET: 'not base64!' } };
    const es = externalSecret();
    es.spec.secretStoreRef.kind = 'Store';
    const pw = password();
    delete pw.spec.noUpper;

    // THEN
    expect(ManifestValidator.validate([dep, configMap(), secret, es, pw])).toStrictEqual([
      { object: 'Deployment plc-dev/hydra', path: '/spec/replicas', message: 'must be integer' },
      { object: 'Deployment plc-dev/hydra', path: '/spec/template/spec/containers/1/name', message: 'missing required field "name"' },
      { object: 'Deployment plc-dev/hydra', path: '/spec/template/spec/containers/1/ports/0/containerPort', message: 'must match format "int32"' },
      { object: 'Secret plc-dev/pl-hydra-secrets', path: '/data/CLIENT_SECRET', message: 'must match format "byte"' },
      { object: 'ExternalSecret plc-dev/cloud-auth0-secrets', path: '/spec/secretStoreRef/kind', message: 'must be one of "SecretStore", "ClusterSecretStore"' },
      { object: 'Password plc-dev/hydra-system-secret', path: '/spec/noUpper', message: 'missing required field "noUpper"' },
    ]);
  });

  test('reports objects that are not Kubernetes objects at all', () => {
    expect(ManifestValidator.validate([null, { metadata: { name: 'x' } }])).toStrictEqual([
      { object: 'object #0 (no name)', path: '', message: 'must be an object' },
      { object: 'object #1 x', path: '/apiVersion', message: 'missing required field "apiVersion"' },
      { object: 'object #1 x', path: '/kind', message: 'missing required field "kind"' },
    ]);
  });
});

describe('ManifestValidator.assertValid', () => {
  test('passes valid objects', () => {
    expect(() => ManifestValidator.assertValid([deployment(), externalSecret()])).not.toThrow();
  });

  test('throws if any object is invalid, one line per problem', () => {
    const dep = deployment();
    dep.spec.replicas = 'two';
    dep.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
    const es = externalSecret();
    es.apiVersion = 'external-secrets.io/v1beta1';
    expect(() => ManifestValidator.assertValid([dep, configMap(), es])).toThrow(new Error([
      'Deployment plc-dev/hydra /spec/replicas: must be integer',
      'Deployment plc-dev/hydra /spec/template/spec/containers/0/imagePullPolicyy: unknown field "imagePullPolicyy"',
      'ExternalSecret plc-dev/cloud-auth0-secrets /apiVersion: apiVersion "external-secrets.io/v1beta1" of kind "ExternalSecret" is not known to the validator (known: external-secrets.io/v1)',
    ].join('\n')));
  });
});

describe('toEnforcedSchema', () => {
  test('closes objects with properties, except under preserve-unknown-fields or an explicit additionalProperties', () => {
    expect(toEnforcedSchema({
      type: 'object',
      properties: {
        closed: { type: 'object', properties: { a: { type: 'string' } } },
        open: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true, 'properties': { a: { type: 'string' } } },
        map: { type: 'object', additionalProperties: { type: 'string' } },
        free: { type: 'object' },
      },
    })).toStrictEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        closed: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
        open: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true, 'properties': { a: { type: 'string' } } },
        map: { type: 'object', additionalProperties: { type: 'string' } },
        free: { type: 'object' },
      },
    });
  });

  test('leaves allOf/anyOf branches open and allows the fields they name on the object around them', () => {
    expect(toEnforcedSchema({
      type: 'object',
      properties: { a: { type: 'string' } },
      anyOf: [{ required: ['a'] }, { properties: { b: { type: 'string' } }, required: ['b'] }],
      allOf: [{ properties: { c: { properties: { d: { type: 'string' } } } } }],
    })).toStrictEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: {}, c: {} },
      additionalProperties: false,
      anyOf: [{ required: ['a'] }, { properties: { b: { type: 'string' } }, required: ['b'] }],
      allOf: [{ properties: { c: { properties: { d: { type: 'string' } } } } }],
    });
  });

  test('turns every IntOrString spelling into a type union', () => {
    expect(toEnforcedSchema({
      properties: {
        format: { type: 'string', format: 'int-or-string' },
        extension: { 'x-kubernetes-int-or-string': true, 'anyOf': [{ type: 'integer' }, { type: 'string' }] },
        oneOf: { oneOf: [{ type: 'string' }, { type: 'integer' }] },
        overlapping: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
      },
    }).properties).toStrictEqual({
      format: { type: ['integer', 'string'] },
      extension: { type: ['integer', 'string'] },
      oneOf: { type: ['integer', 'string'] },
      overlapping: { oneOf: [{ type: 'number' }, { type: 'integer' }] },
    });
  });

  test('gives a CRD kind the Kubernetes ObjectMeta', () => {
    expect(toEnforcedSchema({
      'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Thing' }],
      'properties': { metadata: { type: 'object' } },
    }).properties.metadata).toStrictEqual({ $ref: 'k8s-v1.27.0-definitions.json#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' });
  });

});

describe('describeErrors', () => {
  test('an anyOf failure is one problem summing up its branches', () => {
    // GIVEN
    const registry = new SchemaRegistry([{
      name: 'thing.json',
      definitions: {
        thing: {
          'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Thing' }],
          'type': 'object',
          'properties': { apiVersion: { type: 'string' }, kind: { type: 'string' }, a: { type: 'string' }, b: { type: 'integer' } },
          'anyOf': [{ required: ['a'] }, { required: ['b'], properties: { b: { minimum: 1 } } }],
        },
      },
    }]);
    const validate = registry.validatorFor('example.com/v1', 'Thing')!;

    // WHEN
    validate({ apiVersion: 'example.com/v1', kind: 'Thing', b: 0, c: true });

    // THEN
    expect(registry.knownKinds()).toStrictEqual(['example.com/v1 Thing']);
    expect(describeErrors(validate.errors!)).toStrictEqual([
      { path: '', message: 'must match at least one of: (1) missing required field "a"; (2) /b must be >= 1' },
      { path: '/c', message: 'unknown field "c"' },
    ]);
  });
});

describe('schemas/', () => {
  test('is read from the package root, and every known kind passes the meta-schema and compiles', () => {
    // GIVEN
    const registry = new SchemaRegistry(readSchemaFiles(), true);

    // THEN
    expect(SCHEMAS_DIR).toBe(path.resolve(__dirname, '..', '..', 'schemas'));
    expect(registry.knownKinds()).toStrictEqual([
      'apps/v1 DaemonSet', 'apps/v1 Deployment', 'apps/v1 StatefulSet', 'batch/v1 Job',
      'external-secrets.io/v1 ExternalSecret', 'generators.external-secrets.io/v1alpha1 Password',
      'v1 ConfigMap', 'v1 Namespace', 'v1 Secret', 'v1 Service', 'v1 ServiceAccount',
    ]);
    for (const key of registry.knownKinds()) {
      const [apiVersion, kind] = key.split(' ');
      expect(registry.validatorFor(apiVersion, kind)).toBeInstanceOf(Function);
    }
  });
});

describe('Pixie reference manifests (../shared/reference/pixie-cloud/base)', () => {
  /** Every YAML file under base/ except the kustomizations, which are kustomize's config, not objects. */
  function pixieFiles(dir: string = PIXIE_BASE): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) return pixieFiles(file);
      return /\.ya?ml$/.test(entry.name) && entry.name !== 'kustomization.yaml' ? [file] : [];
    }).sort();
  }

  /**
   * In Pixie's hydra and kratos Deployments the line closing the multi-line
   * `command: ['sh', '-c', '...` is `']` at the indentation of the container's
   * keys. YAML 1.2 requires continuation lines of a flow collection to be
   * indented further, so the yaml package rejects the file (go-yaml, and so
   * kubectl, accept it). Indenting that line two more spaces gives kubectl's
   * reading.
   */
  function reindentClosingQuote(text: string): string {
    return text.replace(/^( *)'\]$/m, "$1  ']");
  }

  test('only the hydra and kratos Deployments are not YAML 1.2, because of the under-indented closing quote', () => {
    const unparseable = pixieFiles()
      .filter(file => parseAllDocuments(fs.readFileSync(file, 'utf8')).some(doc => doc.errors.length > 0))
      .map(file => path.relative(PIXIE_BASE, file));
    expect(unparseable).toStrictEqual(['ory_auth/hydra/hydra_deployment.yaml', 'ory_auth/kratos/kratos_deployment.yaml']);
  });

  test('every object Pixie ships validates strictly', () => {
    // GIVEN
    const objects = pixieFiles().flatMap(file => {
      const docs = parseAllDocuments(reindentClosingQuote(fs.readFileSync(file, 'utf8')));
      expect(docs.flatMap(doc => doc.errors)).toStrictEqual([]);
      return docs.map(doc => doc.toJS()).filter(object => object !== null);
    });

    // THEN
    expect(objects.map(o => `${o.kind} ${o.metadata.name}`).sort()).toStrictEqual([
      'ConfigMap hydra-config', 'ConfigMap kratos-config', 'ConfigMap pl-announcement-config', 'ConfigMap pl-auth-connector-config',
      'ConfigMap pl-errors-config', 'ConfigMap pl-ld-config', 'ConfigMap pl-oauth-config', 'ConfigMap pl-oauth-config',
      'ConfigMap pl-ory-service-config', 'ConfigMap pl-sentry-dsn-config', 'ConfigMap segment-config',
      'Deployment auth-server', 'Deployment cloud-proxy', 'Deployment hydra', 'Deployment kratos', 'Deployment profile-server',
      'Service auth-service', 'Service hydra', 'Service kratos', 'Service profile-service',
    ]);
    expect(ManifestValidator.validate(objects)).toStrictEqual([]);
  });
});
