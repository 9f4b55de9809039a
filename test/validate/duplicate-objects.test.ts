import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Testing } from 'cdk8s';
import { Auth0Auth, ClientCredentials, OAuthConfigMode, PixieWorkloads } from '../../src';
import { runSynth } from '../../src/cli/synth-command';
import { duplicateObjects } from '../../src/validate/duplicate-objects';
import { PIXIE_REFERENCE_DIR } from '../support/reference';
import { readTree, tempDir, writeConfig } from '../support/temp-config';

function configMap(scope: any, id: string, name: string, namespace?: string): ApiObject {
  return new ApiObject(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data: { a: '1' } });
}

describe('duplicateObjects', () => {
  test('names both definitions of an object defined twice', () => {
    // GIVEN
    const chart = Testing.chart();
    configMap(chart, 'First', 'same', 'plc-dev');
    configMap(chart, 'Second', 'same', 'plc-dev');

    // THEN
    expect(duplicateObjects(chart)).toStrictEqual([
      'ConfigMap plc-dev/same is defined twice, by test/First and by test/Second: kubectl would apply one over the other; '
      + 'keep one (from the config file: leave the file that defines it out of pixie.manifests)',
    ]);
  });

  test('the same name in another namespace, of another kind or of another API group is another object', () => {
    // GIVEN
    const chart = Testing.chart();
    configMap(chart, 'A', 'same', 'plc-dev');
    configMap(chart, 'B', 'same', 'other');
    new ApiObject(chart, 'C', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'same', namespace: 'plc-dev' } });
    new ApiObject(chart, 'D', { apiVersion: 'example.com/v1', kind: 'ConfigMap', metadata: { name: 'same', namespace: 'plc-dev' } });

    // THEN
    expect(duplicateObjects(chart)).toStrictEqual([]);
  });

  test('a provider construct fails the synth of a chart that defines one of its objects again', () => {
    // GIVEN a library user's chart with Auth0Auth and a pl-oauth-config of their own
    const chart = Testing.chart();
    const app = App.of(chart);
    new Auth0Auth(chart, 'Auth0', {
      domain: 'example-org.us.auth0.com',
      clientId: 'pixie-cloud-example-client',
      credentials: ClientCredentials.fromExistingSecret('my-auth0'),
      workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.CREATE }),
    });
    configMap(chart, 'Mine', 'pl-oauth-config', 'plc-dev');

    // THEN
    expect(() => app.synth()).toThrow(/ConfigMap plc-dev\/pl-oauth-config is defined twice, by test\/Auth0\/OAuthConfig\/Resource and by test\/Mine/);
  });

  test('a config whose pixie.manifests define pl-ory-service-config again is refused, and nothing is written', () => {
    // GIVEN the default OSS stack in one manifest, with Pixie's own ory_service_config.yaml included
    const config = writeConfig({
      namespace: 'plc-dev',
      oss: {},
      pixie: { manifests: [path.join(PIXIE_REFERENCE_DIR, 'base', 'auth_deployment.yaml'), path.join(PIXIE_REFERENCE_DIR, 'base', 'ory_service_config.yaml')] },
    });
    const outdir = path.join(tempDir(), 'dist');
    fs.mkdirSync(outdir);
    fs.writeFileSync(path.join(outdir, 'keep.yaml'), 'kept: true\n');
    let err = '';

    // WHEN
    const code = runSynth(['--config', config, '--output', outdir], () => undefined, t => (err += t));

    // THEN
    expect(code).not.toBe(0);
    expect(err).toContain('ConfigMap plc-dev/pl-ory-service-config is defined twice, by pixie-auth/PixieManifest1/');
    expect(err).toContain('and by pixie-auth/Oss/OryServiceConfig');
    expect(readTree(outdir)).toStrictEqual({ 'keep.yaml': 'kept: true\n' });
  });
});
