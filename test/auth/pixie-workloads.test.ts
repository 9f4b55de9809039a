import * as path from 'path';
import { ApiObject, Chart, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { OssAuth, PixieWorkloads, WorkloadKind } from '../../src';
import { PIXIE_REFERENCE_DIR } from '../support/kustomize';
import { find } from '../support/pixie-workloads';

// PixieWorkloads.inApp takes what a cdk8s user has: an ApiObject, a
// cdk8s-plus Deployment, or a construct holding the Deployment (an Include of
// Pixie's real manifests, from ../shared).

const PIXIE_BASE = path.join(PIXIE_REFERENCE_DIR, 'base');
const FIX = 'pass PixieWorkloads.inApp the \'auth-server\' Deployment (an ApiObject such as one of include.apiObjects, or a cdk8s-plus Deployment) or a construct that contains it, such as an Include of Pixie\'s manifest that defines it';

const include = (scope: Construct, file: string) => new Include(scope, file, { url: path.join(PIXIE_BASE, file) });
const newChart = () => new Chart(Testing.app(), 'test', { namespace: 'plc-dev' });

/** A chart with Pixie's three Deployments included, and an OssAuth wired to the workloads `pick` makes of the Includes. */
function ossOver(pick: (includes: Record<string, Include>) => PixieWorkloads): { objects: any[]; workloads: PixieWorkloads } {
  const chart = newChart();
  const includes = {
    auth: include(chart, 'auth_deployment.yaml'),
    profile: include(chart, 'profile_deployment.yaml'),
    proxy: include(chart, 'proxy_deployment.yaml'),
  };
  const workloads = pick(includes);
  new OssAuth(chart, 'Oss', { workloads });
  return { objects: Testing.synth(chart), workloads };
}

const readers = (workloads: PixieWorkloads) => workloads.oauthConfigReaders.map(t => [t.kind, t.name, t.apiObject?.node.path]);

describe('PixieWorkloads.inApp', () => {
  test('takes an Include of each of Pixie\'s manifests, with the same output as their ApiObjects', () => {
    // GIVEN / WHEN
    const viaIncludes = ossOver(i => PixieWorkloads.inApp({ authServer: i.auth, profileServer: i.profile, cloudProxy: i.proxy }));
    const viaObjects = ossOver(i => PixieWorkloads.inApp({
      authServer: i.auth.apiObjects[0],
      profileServer: i.profile.apiObjects[0],
      cloudProxy: i.proxy.apiObjects[0],
    }));

    // THEN: the same Deployments, wired the same way
    expect(readers(viaIncludes.workloads)).toStrictEqual([
      [WorkloadKind.DEPLOYMENT, 'auth-server', 'test/auth_deployment.yaml/auth-server-deployment'],
      [WorkloadKind.DEPLOYMENT, 'profile-server', 'test/profile_deployment.yaml/profile-server-deployment'],
      [WorkloadKind.DEPLOYMENT, 'cloud-proxy', 'test/proxy_deployment.yaml/cloud-proxy-deployment'],
    ]);
    expect(readers(viaIncludes.workloads)).toStrictEqual(readers(viaObjects.workloads));
    expect(viaIncludes.objects).toStrictEqual(viaObjects.objects);
    for (const name of ['auth-server', 'profile-server', 'cloud-proxy']) {
      expect(Object.keys(find(viaIncludes.objects, 'Deployment', name).spec.template.metadata.annotations)).toContain('checksum/pl-oauth-config');
    }
  });

  test('takes one construct holding all of Pixie\'s Deployments for every prop, picking each by name', () => {
    // GIVEN
    const chart = newChart();
    const pixie = new Construct(chart, 'pixie');
    for (const file of ['auth_deployment.yaml', 'auth_service.yaml', 'profile_deployment.yaml', 'proxy_deployment.yaml']) {
      include(pixie, file);
    }

    // WHEN
    const workloads = PixieWorkloads.inApp({ authServer: pixie, profileServer: pixie, cloudProxy: pixie });

    // THEN
    expect(readers(workloads)).toStrictEqual([
      [WorkloadKind.DEPLOYMENT, 'auth-server', 'test/pixie/auth_deployment.yaml/auth-server-deployment'],
      [WorkloadKind.DEPLOYMENT, 'profile-server', 'test/pixie/profile_deployment.yaml/profile-server-deployment'],
      [WorkloadKind.DEPLOYMENT, 'cloud-proxy', 'test/pixie/proxy_deployment.yaml/cloud-proxy-deployment'],
    ]);
  });

  test('takes a cdk8s-plus Deployment, through its ApiObject', () => {
    // GIVEN
    const chart = newChart();
    const deployment = new kplus.Deployment(chart, 'Auth', { metadata: { name: 'auth-server' }, containers: [{ image: 'gcr.io/pixie-oss/pixie-prod/cloud/auth_server_image:latest' }] });

    // WHEN
    const workloads = PixieWorkloads.inApp({ authServer: deployment });

    // THEN
    expect(readers(workloads)).toStrictEqual([[WorkloadKind.DEPLOYMENT, 'auth-server', 'test/Auth/Resource']]);
    expect(workloads.authServer.apiObject).toBe(ApiObject.of(deployment));
  });

  test('refuses an Include with no Deployment, naming the prop, what it holds and what to pass', () => {
    // GIVEN
    const chart = newChart();
    const service = include(chart, 'auth_service.yaml');

    // WHEN / THEN
    expect(() => PixieWorkloads.inApp({ authServer: service })).toThrow(new Error(
      `workloads.authServer: 'test/auth_service.yaml' (Include) holds no Deployment (only Service auth-service); ${FIX}`,
    ));
  });

  test('refuses an Include of the wrong Deployment', () => {
    // GIVEN
    const chart = newChart();
    const profile = include(chart, 'profile_deployment.yaml');

    // WHEN / THEN
    expect(() => PixieWorkloads.inApp({ authServer: profile })).toThrow(new Error(
      `workloads.authServer: expected the 'auth-server' Deployment, got 'profile-server' from 'test/profile_deployment.yaml' (Include); ${FIX}`,
    ));
  });

  test('refuses a construct of several Deployments, none of the expected name, listing them', () => {
    // GIVEN
    const chart = newChart();
    const others = new Construct(chart, 'others');
    include(others, 'profile_deployment.yaml');
    include(others, 'proxy_deployment.yaml');

    // WHEN / THEN
    expect(() => PixieWorkloads.inApp({ authServer: others })).toThrow(new Error(
      `workloads.authServer: 'test/others' (Construct) holds the Deployments 'profile-server', 'cloud-proxy', none named 'auth-server'; ${FIX}`,
    ));
  });

  test('refuses a construct holding no Kubernetes objects', () => {
    // GIVEN
    const chart = newChart();
    const empty = new Construct(chart, 'empty');

    // WHEN / THEN
    expect(() => PixieWorkloads.inApp({ authServer: empty })).toThrow(new Error(
      `workloads.authServer: 'test/empty' (Construct) holds no Kubernetes objects; ${FIX}`,
    ));
  });

  test('refuses a profileServer or cloudProxy of the wrong name, naming that prop', () => {
    // GIVEN
    const chart = newChart();
    const auth = include(chart, 'auth_deployment.yaml');
    const proxy = include(chart, 'proxy_deployment.yaml');

    // WHEN / THEN
    expect(() => PixieWorkloads.inApp({ authServer: auth, profileServer: proxy.apiObjects[0] })).toThrow(new Error(
      "workloads.profileServer: expected the 'profile-server' Deployment, got 'cloud-proxy'",
    ));
    expect(() => PixieWorkloads.inApp({ authServer: auth, cloudProxy: auth })).toThrow(new Error(
      `workloads.cloudProxy: expected the 'cloud-proxy' Deployment, got 'auth-server' from 'test/auth_deployment.yaml' (Include); ${FIX.replace("'auth-server'", "'cloud-proxy'")}`,
    ));
  });
});
