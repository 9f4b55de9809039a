import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { componentPatches, container, envOf, find, inAppObjects, ossChart, ossObjects } from './oss-helpers';
import { ContentHash, KratosSmtp, OryLogLevel, OssAuth, PixieOryImages } from '../../src';
import { ManifestValidator } from '../../src/validate/manifest-validator';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';

const PIXIE_OAUTH_CONFIG = path.join(PIXIE_REFERENCE_DIR, 'base', 'ory_auth', 'oauth_config.yaml');

describe('OssAuth', () => {
  test("pl-oauth-config is Pixie's for provider hydra", () => {
    // GIVEN
    const pixie = parse(fs.readFileSync(PIXIE_OAUTH_CONFIG, 'utf8'));
    // WHEN
    const config = find(ossObjects(), 'ConfigMap', 'pl-oauth-config');
    // THEN
    expect(config.data).toStrictEqual(pixie.data);
    expect(config.data).toStrictEqual({
      PL_OAUTH_PROVIDER: 'hydra',
      PL_AUTH_URI: '/oauth/hydra',
      PL_AUTH_CLIENT_ID: 'auth-code-client',
      PL_AUTH_EMAIL_PASSWORD_CONN: '',
    });
  });

  test('the client id in pl-oauth-config is the one the Hydra sidecar registers', () => {
    for (const clientId of [undefined, 'pixie-ui']) {
      const objects = ossObjects({ clientId });
      const id = find(objects, 'ConfigMap', 'pl-oauth-config').data.PL_AUTH_CLIENT_ID;
      const script = container(objects, 'hydra', 'client-create-or-update').command[2];
      expect(script).toContain(`hydra clients get ${id} `);
      expect(script).toContain(`hydra clients create --id ${id}"`);
    }
  });

  test("emits Pixie's Hydra and Kratos objects, the service config, and their secrets as ExternalSecrets", () => {
    expect(ossObjects().map(o => `${o.kind}/${o.metadata.name}`).sort()).toStrictEqual([
      'ConfigMap/hydra-config',
      'ConfigMap/kratos-config',
      'ConfigMap/pl-oauth-config',
      'ConfigMap/pl-ory-service-config',
      'Deployment/hydra',
      'Deployment/kratos',
      'ExternalSecret/pl-hydra-secrets',
      'ExternalSecret/pl-kratos-admin-identity',
      'ExternalSecret/pl-kratos-secrets',
      'ExternalSecret/pl-kratos-smtp',
      'Password/pl-hydra-secrets-client-secret',
      'Password/pl-hydra-secrets-oidc-subject-identifiers-pairwise-salt',
      'Password/pl-hydra-secrets-secrets-system',
      'Password/pl-kratos-admin-identity-password',
      'Password/pl-kratos-secrets-secrets-cipher',
      'Password/pl-kratos-secrets-secrets-cookie',
      'Password/pl-kratos-smtp-password',
      'Service/hydra',
      'Service/kratos',
    ]);
  });

  test('every object is valid Kubernetes 1.27 / External Secrets, in the namespace', () => {
    for (const namespace of [undefined, 'pixie']) {
      const objects = ossObjects({ namespace });
      expect(ManifestValidator.validate(objects)).toStrictEqual([]);
      expect(new Set(objects.map(o => o.metadata.namespace))).toStrictEqual(new Set([namespace ?? 'plc-dev']));
    }
  });

  test('pl-ory-service-config has hosts in the chosen namespace and is a patch over the base', () => {
    // GIVEN
    const { chart } = ossChart({ namespace: 'pixie' });
    // WHEN
    const patch = parse(componentPatches(chart)['patches/configmap-pl-ory-service-config.yaml']);
    // THEN
    expect(patch.data.PL_HYDRA_ADMIN_HOST).toBe('https://hydra.pixie.svc.cluster.local:4445');
    expect(patch.data.PL_KRATOS_SERVICE).toBe('kratos.pixie.svc.cluster.local:4433');
    expect(parse(componentPatches(chart)['kustomization.yaml']).patches).toContainEqual({ path: 'patches/configmap-pl-ory-service-config.yaml' });
  });

  test('workloads meet Pod Security Standards restricted', () => {
    for (const production of [false, true]) {
      const objects = ossObjects({ production, kratos: { smtp: production ? KratosSmtp.fromExistingSecret('smtp') : undefined } }).filter(o => o.kind === 'Deployment');
      expect(objects).toHaveLength(2);
      for (const deployment of objects) {
        const spec = deployment.spec.template.spec;
        expect(spec.securityContext).toStrictEqual({ runAsNonRoot: true, runAsUser: 10100, seccompProfile: { type: 'RuntimeDefault' } });
        for (const c of [...spec.initContainers, ...spec.containers]) {
          expect(c.securityContext).toStrictEqual({
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            runAsNonRoot: true,
            runAsUser: 10100,
            seccompProfile: { type: 'RuntimeDefault' },
          });
        }
      }
    }
  });

  test('Hydra and Kratos have HTTPS readiness and startup probes on their health endpoints', () => {
    const objects = ossObjects();
    for (const [name, port] of [['hydra', 4444], ['kratos', 4433]] as const) {
      const server = container(objects, name, 'server');
      expect(server.readinessProbe).toStrictEqual({ httpGet: { scheme: 'HTTPS', path: '/health/ready', port }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
      expect(server.startupProbe).toStrictEqual({ httpGet: { scheme: 'HTTPS', path: '/health/alive', port }, periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 60 });
      expect(server.livenessProbe).toBeUndefined();
    }
  });

  test('images default to the digests Pixie pins and are configurable', () => {
    const objects = ossObjects({ images: { kratos: 'registry.example/ory/kratos:v0.10.1' } });
    expect(container(objects, 'hydra', 'migrate').image).toBe(PixieOryImages.HYDRA);
    expect(container(objects, 'hydra', 'server').image).toBe(PixieOryImages.HYDRA);
    expect(container(objects, 'hydra', 'client-create-or-update').image).toBe(PixieOryImages.HYDRA_CLIENT);
    expect(container(objects, 'kratos', 'admin-create-if-not-exists').image).toBe(PixieOryImages.CURL);
    expect(container(objects, 'kratos', 'migrate').image).toBe('registry.example/ory/kratos:v0.10.1');
    expect(container(objects, 'kratos', 'server').image).toBe('registry.example/ory/kratos:v0.10.1');
  });

  test('hydra and kratos roll on their own config and ExternalSecrets, hashed at synth', () => {
    // GIVEN
    const objects = ossObjects();
    const hash = (kind: string, name: string) => (kind === 'ConfigMap' ? ContentHash.ofConfigMap : ContentHash.ofExternalSecret)(find(objects, kind, name));
    // THEN
    expect(find(objects, 'Deployment', 'hydra').spec.template.metadata.annotations).toStrictEqual({
      'checksum/hydra-config': hash('ConfigMap', 'hydra-config'),
      'checksum/pl-hydra-secrets': hash('ExternalSecret', 'pl-hydra-secrets'),
    });
    expect(find(objects, 'Deployment', 'kratos').spec.template.metadata.annotations).toStrictEqual({
      'checksum/kratos-config': hash('ConfigMap', 'kratos-config'),
      'checksum/pl-kratos-secrets': hash('ExternalSecret', 'pl-kratos-secrets'),
      'checksum/pl-kratos-smtp': hash('ExternalSecret', 'pl-kratos-smtp'),
      'checksum/pl-kratos-admin-identity': hash('ExternalSecret', 'pl-kratos-admin-identity'),
    });
  });

  test('a Kratos setting rolls kratos only', () => {
    const before = ossObjects();
    const after = ossObjects({ kratos: { sessionLifespan: '12h' } });
    const annotations = (objects: any[], name: string) => find(objects, 'Deployment', name).spec.template.metadata.annotations;
    expect(annotations(after, 'kratos')['checksum/kratos-config']).not.toBe(annotations(before, 'kratos')['checksum/kratos-config']);
    expect(annotations(after, 'hydra')).toStrictEqual(annotations(before, 'hydra'));
  });

  test('auth-server, profile-server and cloud-proxy roll on pl-oauth-config; auth-server also on pl-ory-service-config', () => {
    // GIVEN
    const { chart, oss } = ossChart();
    const patches = componentPatches(chart);
    const annotations = (name: string) => parse(patches[`patches/deployment-${name}.yaml`]).spec.template.metadata.annotations;
    const objects = Testing.synth(chart);
    // THEN
    const oauth = ContentHash.ofConfigMap(find(objects, 'ConfigMap', 'pl-oauth-config'));
    expect(annotations('auth-server')).toStrictEqual({
      'checksum/pl-oauth-config': oauth,
      'checksum/pl-ory-service-config': ContentHash.ofConfigMap(oss.oryServiceConfig.toJson()),
    });
    expect(annotations('profile-server')).toStrictEqual({ 'checksum/pl-oauth-config': oauth });
    expect(annotations('cloud-proxy')).toStrictEqual({ 'checksum/pl-oauth-config': oauth });
  });

  test("in the app, Pixie's auth-server gets the hashes and no credential env beyond Pixie's own", () => {
    // GIVEN
    const pixieAuth = parse(fs.readFileSync(path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_deployment.yaml'), 'utf8'));
    // WHEN
    const objects = inAppObjects();
    // THEN
    const authServer = find(objects, 'Deployment', 'auth-server');
    expect(Object.keys(authServer.spec.template.metadata.annotations).sort()).toStrictEqual(['checksum/pl-oauth-config', 'checksum/pl-ory-service-config']);
    expect(authServer.spec.template.spec.containers[0].env).toStrictEqual(pixieAuth.spec.template.spec.containers[0].env);
    expect(find(objects, 'ConfigMap', 'pl-ory-service-config').data.PL_HYDRA_SERVICE).toBe('hydra.plc-dev.svc.cluster.local:4444');
    expect(ManifestValidator.validate(objects)).toStrictEqual([]);
  });

  test('the domain, when set, comes first as PL_DOMAIN_NAME wherever Pixie reads it', () => {
    const objects = ossObjects({ domain: 'pixie.example.com' });
    for (const [deployment, name] of [['hydra', 'server'], ['hydra', 'client-create-or-update'], ['kratos', 'server']]) {
      expect(container(objects, deployment, name).env[0]).toStrictEqual({ name: 'PL_DOMAIN_NAME', value: 'pixie.example.com' });
      expect(container(objects, deployment, name).envFrom).toContainEqual({ configMapRef: { name: 'pl-domain-config' } });
    }
    expect(envOf(container(ossObjects(), 'kratos', 'server')).PL_DOMAIN_NAME).toBeUndefined();
  });

  test("Pixie's dev settings by default: --dev, trace, the admin bootstrap, but never set -x", () => {
    const objects = ossObjects();
    expect(container(objects, 'kratos', 'server').args).toStrictEqual(['serve', '-c', '/etc/config/kratos/kratos.yml', '--dev']);
    expect(envOf(container(objects, 'kratos', 'server')).LOG_LEVEL).toBe('trace');
    expect(parse(find(objects, 'ConfigMap', 'kratos-config').data['kratos.yml']).log).toStrictEqual({ level: 'trace' });
    // set -x would echo the client secret and the admin password into the pod logs.
    expect(container(objects, 'hydra', 'client-create-or-update').command[2]).toMatch(/^URL=/);
    expect(container(objects, 'kratos', 'admin-create-if-not-exists').command[2]).toMatch(/^URL=/);
    expect(envOf(container(objects, 'kratos', 'admin-create-if-not-exists')).ADMIN_IDENTITY).toStrictEqual({ secretKeyRef: { name: 'pl-kratos-admin-identity', key: 'ADMIN_IDENTITY' } });
  });

  test('production defaults: no --dev, info logs, no set -x, no admin bootstrap', () => {
    // WHEN
    const { oss, chart } = ossChart({ production: true, kratos: { smtp: KratosSmtp.fromExistingSecret('smtp') } });
    const objects = Testing.synth(chart);
    // THEN
    expect(oss.production).toBe(true);
    expect(container(objects, 'kratos', 'server').args).toStrictEqual(['serve', '-c', '/etc/config/kratos/kratos.yml']);
    expect(envOf(container(objects, 'kratos', 'server')).LOG_LEVEL).toBe(OryLogLevel.INFO);
    expect(container(objects, 'hydra', 'client-create-or-update').command[2]).not.toContain('set -x');
    expect(container(objects, 'kratos', 'admin-create-if-not-exists')).toBeUndefined();
    expect(find(objects, 'ExternalSecret', 'pl-kratos-admin-identity')).toBeUndefined();
  });

  test('reloader opt-in names the Secrets on hydra and kratos', () => {
    const objects = ossObjects({ reloader: true });
    expect(find(objects, 'Deployment', 'hydra').metadata.annotations).toStrictEqual({ 'secret.reloader.stakater.com/reload': 'pl-hydra-secrets' });
    expect(find(objects, 'Deployment', 'kratos').metadata.annotations).toStrictEqual({
      'secret.reloader.stakater.com/reload': 'pl-kratos-admin-identity,pl-kratos-secrets,pl-kratos-smtp',
    });
  });

  test('hands out the objects it made', () => {
    const { oss } = ossChart();
    expect([oss.hydraDeployment, oss.hydraService, oss.hydraConfigMap, oss.kratosDeployment, oss.kratosService, oss.kratosConfigMap].map(o => `${o.kind}/${o.name}`))
      .toStrictEqual(['Deployment/hydra', 'Service/hydra', 'ConfigMap/hydra-config', 'Deployment/kratos', 'Service/kratos', 'ConfigMap/kratos-config']);
    expect(oss.externalSecrets.map(o => o.name)).toStrictEqual(['pl-hydra-secrets', 'pl-kratos-secrets', 'pl-kratos-smtp', 'pl-kratos-admin-identity']);
    expect([oss.clientId, oss.hydraSecretName, oss.kratosSecretName]).toStrictEqual(['auth-code-client', 'pl-hydra-secrets', 'pl-kratos-secrets']);
  });

  test('snapshot of the default (plc-dev, generated secrets)', () => {
    const { chart } = ossChart();
    expect(Testing.synth(chart)).toMatchSnapshot();
    expect(componentPatches(chart)).toMatchSnapshot();
  });

  test('OssAuth.check reports nothing for the defaults', () => {
    expect(OssAuth.check({} as any)).toStrictEqual([]);
  });
});
