import * as path from 'path';
import { parse } from 'yaml';
import { synthesizeConfig, synthesizeConfigFile } from '../../src/cli/synthesize';
import { CONFIG_PROVIDERS } from '../../src/config/providers';
import { ContentHash } from '../../src/restart/content-hash';
import { PIXIE_REFERENCE_DIR } from '../support/reference';
import { auth0Config, writeConfig } from '../support/temp-config';

const docs = (content: string) => content.split(/^---$/m).map(s => parse(s)).filter(Boolean);

describe('config file', () => {
  test('the Auth0 example synthesizes a kustomize component', () => {
    const result = synthesizeConfigFile(path.join(__dirname, '..', '..', 'examples', 'auth0.yaml'));
    expect(result.provider).toBe('auth0');
    expect(result.files.map(f => f.path)).toStrictEqual([
      'pixie-auth/kustomization.yaml',
      'pixie-auth/resources.yaml',
      'pixie-auth/patches/configmap-pl-oauth-config.yaml',
      'pixie-auth/patches/deployment-auth-server.yaml',
      'pixie-auth/patches/deployment-cloud-proxy.yaml',
      'pixie-auth/patches/deployment-profile-server.yaml',
    ]);
  });

  test.each(['auth0.yaml', 'oidc-keycloak.yaml', 'oidc-okta.yaml', 'oss.yaml', '../pixie-auth.yaml'])(
    'the checklist asks for the External Secrets Operator exactly when the output holds an ExternalSecret: %s', file => {
      // WHEN
      const result = synthesizeConfigFile(path.join(__dirname, '..', '..', 'examples', file));

      // THEN
      const externalSecrets = result.files.flatMap(f => docs(f.content)).filter(o => o.kind === 'ExternalSecret');
      const esoSteps = result.manualSteps.filter(step => step.startsWith('Install the External Secrets Operator'));
      expect(esoSteps).toHaveLength(externalSecrets.length > 0 ? 1 : 0);
      expect(externalSecrets.length > 0).toBe(file !== 'oidc-okta.yaml'); // Okta reads an existing Secret
    });

  test('pixie.manifests includes real Pixie manifests: pl-oauth-config, the ExternalSecret and three annotated Deployments in plc-dev', () => {
    // GIVEN a config naming Pixie's own Deployment files
    const base = path.join(PIXIE_REFERENCE_DIR, 'base');
    const config = auth0Config({
      pixie: { manifests: ['auth_deployment.yaml', 'profile_deployment.yaml', 'proxy_deployment.yaml'].map(f => path.join(base, f)) },
    });
    // WHEN
    const result = synthesizeConfig(config, '/');
    // THEN
    expect(result.files.map(f => f.path)).toStrictEqual(['pixie-auth.k8s.yaml']);
    const objects = docs(result.files[0].content);
    expect(objects.map(o => `${o.kind}/${o.metadata.name}`)).toStrictEqual([
      'Deployment/auth-server',
      'Deployment/profile-server',
      'Deployment/cloud-proxy',
      'ConfigMap/pl-oauth-config',
      'ExternalSecret/cloud-auth0-secrets',
    ]);
    expect(objects.every(o => o.metadata.namespace === 'plc-dev')).toBe(true);
    const configMap = objects.find(o => o.kind === 'ConfigMap');
    expect(configMap.data.PL_OAUTH_PROVIDER).toBe('auth0');
    const hash = ContentHash.ofConfigMap(configMap);
    for (const d of objects.filter(o => o.kind === 'Deployment')) {
      expect(d.spec.template.metadata.annotations['checksum/pl-oauth-config']).toBe(hash);
    }
  });

  test('relative manifest paths are read relative to the config file', () => {
    const file = writeConfig(auth0Config({ pixie: { manifests: [path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_deployment.yaml')] } }));
    expect(synthesizeConfigFile(file).files[0].content).toContain('name: auth-server');
  });

  test('throws every problem at once, with its path and the fix', () => {
    const config = auth0Config();
    config.auth0.domain = 'https://x.auth0.com/';
    config.auth0.clientId = '<auth0-client-id>';
    config.namespace = 'Plc_Dev';
    config.auth0.credentials.fromStore.refreshInterval = 'hourly';
    expect(() => synthesizeConfig(config, '/')).toThrow(
      'Invalid config:\n'
      + '  - namespace: "Plc_Dev" is not a valid DNS-1123 label: use at most 63 lower-case letters, digits and \'-\', starting and ending with a letter or digit (e.g. plc-dev)\n'
      + '  - auth0.domain: "https://x.auth0.com/" must be a bare host such as myorg.us.auth0.com (no scheme, path, port or trailing slash)\n'
      + '  - auth0.clientId: "<auth0-client-id>" is a placeholder from the docs; replace it with the real value\n'
      + '  - auth0.credentials.fromStore.refreshInterval: "hourly" is not a duration: use a Go duration such as 1h, 30m or 1h30m (0 turns refreshing off)',
    );
  });

  test('throws on unknown keys and wrong types, naming each', () => {
    const config = auth0Config({ namespce: 'plc-dev' });
    config.auth0.clientID = 'x';
    config.pixie.reloader = 'yes';
    expect(() => synthesizeConfig(config, '/')).toThrow(
      'Invalid config:\n'
      + `  - namespce: is not a known key; did you mean "namespace"? The keys allowed here are: ${['namespace', ...CONFIG_PROVIDERS.map(p => p.key), 'pixie', 'output'].join(', ')}\n`
      + '  - auth0.clientID: is not a known key; did you mean "clientId"? The keys allowed here are: domain, clientId, emailPasswordConnection, credentials\n'
      + '  - pixie.reloader: must be true or false',
    );
  });

  test('a misspelt required key is reported once, as the misspelling, not also as missing', () => {
    const config = auth0Config();
    config.auth0.clientID = config.auth0.clientId;
    delete config.auth0.clientId;
    expect(() => synthesizeConfig(config, '/')).toThrow(
      'Invalid config:\n'
      + '  - auth0.clientID: is not a known key; did you mean "clientId"? The keys allowed here are: domain, clientId, emailPasswordConnection, credentials',
    );
  });

  test('throws if the kustomize component does not say whether to create or patch pl-oauth-config', () => {
    expect(() => synthesizeConfig(auth0Config({ pixie: {} }), '/')).toThrow(
      'pixie.oauthConfig: is required when pixie.manifests is empty',
    );
  });
});
