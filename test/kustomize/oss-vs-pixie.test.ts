import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { KratosSmtp, OAuthConfigMode, OssAuth, OssAuthProps, PixieWorkloads } from '../../src';
import { synthesizeConfigFile } from '../../src/cli/synthesize';
import { copyPixieReference, itIfKustomize, kustomizeBuild, writeComponent } from '../support/kustomize';
import { REPO_ROOT } from '../support/temp-config';

/**
 * OssAuth against Pixie's own `ory_auth-dev`, built by the real `kubectl
 * kustomize`, object by object. Every difference is listed here with the
 * reason in the README's "Open-source auth compared with Pixie's ory_auth-dev"; anything else fails the test.
 */

/** One difference between Pixie's object and OssAuth's: a path that was added, removed or changed. */
interface Difference {
  readonly object: string;
  readonly path: string;
  readonly change: 'added' | 'removed' | 'changed';
}

const HYDRA_SERVER = '/spec/template/spec/containers[name=server]';
const KRATOS_SERVER = '/spec/template/spec/containers[name=server]';
const KRATOS_ADMIN = '/spec/template/spec/containers[name=admin-create-if-not-exists]';
const HYDRA_CLIENT = '/spec/template/spec/containers[name=client-create-or-update]';

/** The reasoned differences of the default (plc-dev, generated secrets). See the README's "Open-source auth compared with Pixie's ory_auth-dev". */
const DEFAULT_DIFFERENCES: Difference[] = [
  // courier.smtp.connection_uri holds credentials: it moves to a Secret (COURIER_SMTP_CONNECTION_URI)
  { object: 'ConfigMap/kratos-config', path: '/data/kratos.yml/courier', change: 'removed' },
  // restart hashes
  { object: 'Deployment/hydra', path: '/spec/template/metadata/annotations', change: 'added' },
  { object: 'Deployment/kratos', path: '/spec/template/metadata/annotations', change: 'added' },
  // probes
  { object: 'Deployment/hydra', path: `${HYDRA_SERVER}/readinessProbe`, change: 'added' },
  { object: 'Deployment/hydra', path: `${HYDRA_SERVER}/startupProbe`, change: 'added' },
  { object: 'Deployment/kratos', path: `${KRATOS_SERVER}/readinessProbe`, change: 'added' },
  { object: 'Deployment/kratos', path: `${KRATOS_SERVER}/startupProbe`, change: 'added' },
  // Kratos's own secrets, which Pixie does not give it, and the SMTP URI from a Secret
  { object: 'Deployment/kratos', path: `${KRATOS_SERVER}/env[name=SECRETS_COOKIE]`, change: 'added' },
  { object: 'Deployment/kratos', path: `${KRATOS_SERVER}/env[name=SECRETS_CIPHER]`, change: 'added' },
  { object: 'Deployment/kratos', path: `${KRATOS_SERVER}/env[name=COURIER_SMTP_CONNECTION_URI]`, change: 'added' },
  // the admin identity (with its password) from a Secret instead of a literal
  { object: 'Deployment/kratos', path: `${KRATOS_ADMIN}/env[name=ADMIN_IDENTITY]/value`, change: 'removed' },
  { object: 'Deployment/kratos', path: `${KRATOS_ADMIN}/env[name=ADMIN_IDENTITY]/valueFrom`, change: 'added' },
  // the sidecar scripts without `set -x`, which would echo the client secret and the admin password into pod logs
  { object: 'Deployment/hydra', path: `${HYDRA_CLIENT}/command/2`, change: 'changed' },
  { object: 'Deployment/kratos', path: `${KRATOS_ADMIN}/command/2`, change: 'changed' },
];

/** What `production: true` changes on top of the default. See the README's "Open-source auth compared with Pixie's ory_auth-dev". */
const PRODUCTION_DIFFERENCES: Difference[] = [
  ...DEFAULT_DIFFERENCES.filter(d => !d.path.startsWith(KRATOS_ADMIN)),
  { object: 'ConfigMap/kratos-config', path: '/data/kratos.yml/log/level', change: 'changed' },
  { object: 'Deployment/kratos', path: `${KRATOS_SERVER}/args/3`, change: 'removed' },
  { object: 'Deployment/kratos', path: `${KRATOS_SERVER}/env[name=LOG_LEVEL]/value`, change: 'changed' },
  { object: 'Deployment/kratos', path: KRATOS_ADMIN, change: 'removed' },
];

const pixieOryAuth = (namespace?: string) => {
  const root = copyPixieReference();
  if (namespace) {
    const file = path.join(root, 'ory_auth-dev', 'kustomization.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('namespace: plc-dev', `namespace: ${namespace}`));
  }
  return kustomizeBuild(path.join(root, 'ory_auth-dev'));
};

function ossObjects(props: Partial<OssAuthProps> = {}): any[] {
  const chart = Testing.chart();
  new OssAuth(chart, 'Oss', { workloads: PixieWorkloads.named({ oauthConfig: OAuthConfigMode.PATCH }), ...props });
  return Testing.synth(chart);
}

/** Config files are text rendered from objects: compare what Hydra and Kratos read, not the bytes. */
function parseConfigFiles(object: any): any {
  const copy = structuredClone(object);
  for (const key of ['hydra.yml', 'kratos.yml']) {
    if (copy.data?.[key] !== undefined) copy.data[key] = parse(copy.data[key]);
  }
  if (copy.data?.['identity.schema.json'] !== undefined) copy.data['identity.schema.json'] = JSON.parse(copy.data['identity.schema.json']);
  return copy;
}

/** Paths where `ours` differs from `pixie`; lists of named items are matched by name (and must keep Pixie's order). */
function differences(pixie: any, ours: any, at = ''): Array<{ path: string; change: Difference['change'] }> {
  if (JSON.stringify(pixie) === JSON.stringify(ours)) return [];
  if (pixie === undefined) return [{ path: at, change: 'added' }];
  if (ours === undefined) return [{ path: at, change: 'removed' }];
  const named = (list: any) => Array.isArray(list) && list.length > 0 && list.every(item => typeof item?.name === 'string');
  if (named(pixie) && named(ours)) {
    const names = [...new Set([...pixie.map((i: any) => i.name), ...ours.map((i: any) => i.name)])];
    const shared = (a: any[], b: any[]) => a.map(i => i.name).filter(n => b.some(j => j.name === n));
    const order = JSON.stringify(shared(pixie, ours)) === JSON.stringify(shared(ours, pixie)) ? [] : [{ path: `${at}(order)`, change: 'changed' as const }];
    return [...order, ...names.flatMap(n => differences(pixie.find((i: any) => i.name === n), ours.find((i: any) => i.name === n), `${at}[name=${n}]`))];
  }
  if (typeof pixie === 'object' && typeof ours === 'object' && pixie !== null && ours !== null && Array.isArray(pixie) === Array.isArray(ours)) {
    const keys = Array.isArray(pixie)
      ? [...Array(Math.max(pixie.length, ours.length)).keys()].map(String)
      : [...new Set([...Object.keys(pixie), ...Object.keys(ours)])];
    return keys.flatMap(k => differences(pixie[k as any], ours[k as any], `${at}/${k}`));
  }
  return [{ path: at, change: 'changed' }];
}

/** Every difference between Pixie's objects and the matching OssAuth objects. */
function compare(pixie: any[], ours: any[]): Difference[] {
  return pixie.flatMap(p => {
    const object = `${p.kind}/${p.metadata.name}`;
    const match = ours.filter(o => o.kind === p.kind && o.metadata.name === p.metadata.name && o.metadata.namespace === p.metadata.namespace);
    expect([object, match.length]).toStrictEqual([object, 1]);
    return differences(parseConfigFiles(p), parseConfigFiles(match[0])).map(d => ({ object, ...d }));
  });
}

const sorted = (list: Difference[]) => [...list].sort((a, b) => `${a.object}${a.path}`.localeCompare(`${b.object}${b.path}`));

describe('OssAuth vs Pixie ory_auth-dev (kubectl kustomize)', () => {
  itIfKustomize('kubectl kustomize gives six objects, and OssAuth has each of them', () => {
    const pixie = pixieOryAuth();
    expect(pixie.map(o => `${o.kind}/${o.metadata.name}`).sort()).toStrictEqual([
      'ConfigMap/hydra-config', 'ConfigMap/kratos-config', 'Deployment/hydra', 'Deployment/kratos', 'Service/hydra', 'Service/kratos',
    ]);
    expect(compare(pixie, ossObjects()).length).toBeGreaterThan(0);
  });

  itIfKustomize('equal object by object except for the listed differences (plc-dev)', () => {
    expect(sorted(compare(pixieOryAuth(), ossObjects()))).toStrictEqual(sorted(DEFAULT_DIFFERENCES));
  });

  itIfKustomize('equal except for the listed differences in any namespace', () => {
    expect(sorted(compare(pixieOryAuth('pixie-test'), ossObjects({ namespace: 'pixie-test' })))).toStrictEqual(sorted(DEFAULT_DIFFERENCES));
  });

  test('the added values are references to Secrets, never values', () => {
    const kratos = ossObjects().find(o => o.kind === 'Deployment' && o.metadata.name === 'kratos').spec.template.spec;
    const env = (container: string) => Object.fromEntries(kratos.containers.find((c: any) => c.name === container).env.map((e: any) => [e.name, e]));
    expect(env('server').SECRETS_COOKIE).toStrictEqual({ name: 'SECRETS_COOKIE', valueFrom: { secretKeyRef: { name: 'pl-kratos-secrets', key: 'SECRETS_COOKIE' } } });
    expect(env('server').SECRETS_CIPHER).toStrictEqual({ name: 'SECRETS_CIPHER', valueFrom: { secretKeyRef: { name: 'pl-kratos-secrets', key: 'SECRETS_CIPHER' } } });
    expect(env('server').COURIER_SMTP_CONNECTION_URI).toStrictEqual({ name: 'COURIER_SMTP_CONNECTION_URI', valueFrom: { secretKeyRef: { name: 'pl-kratos-smtp', key: 'COURIER_SMTP_CONNECTION_URI' } } });
    expect(env('admin-create-if-not-exists').ADMIN_IDENTITY).toStrictEqual({ name: 'ADMIN_IDENTITY', valueFrom: { secretKeyRef: { name: 'pl-kratos-admin-identity', key: 'ADMIN_IDENTITY' } } });
  });

  itIfKustomize('production changes exactly the dev-only settings on top', () => {
    const ours = ossObjects({ production: true, kratos: { smtp: KratosSmtp.fromExistingSecret('smtp-credentials') } });
    expect(sorted(compare(pixieOryAuth(), ours))).toStrictEqual(sorted(PRODUCTION_DIFFERENCES));
  });

  itIfKustomize("pl-oauth-config and pl-ory-service-config equal Pixie's for plc-dev", () => {
    const pixieDev = kustomizeBuild(path.join(copyPixieReference(), 'dev'));
    const ours = ossObjects();
    for (const name of ['pl-oauth-config', 'pl-ory-service-config']) {
      const get = (objects: any[]) => objects.find(o => o.kind === 'ConfigMap' && o.metadata.name === name);
      expect([name, get(ours).data]).toStrictEqual([name, get(pixieDev).data]);
    }
  });

  itIfKustomize("the default synth layers over Pixie's plc-dev overlay as a kustomize component", () => {
    // GIVEN
    const root = copyPixieReference();
    const synth = synthesizeConfigFile(path.join(REPO_ROOT, 'pixie-auth.yaml'));
    writeComponent(synth.files, root);
    fs.mkdirSync(path.join(root, 'overlay'));
    fs.writeFileSync(path.join(root, 'overlay', 'kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../dev\ncomponents:\n- ../pixie-auth\n');
    // WHEN
    const built = kustomizeBuild(path.join(root, 'overlay'));
    // THEN: Hydra and Kratos are there as OssAuth made them, and Pixie's readers roll on the config
    const get = (kind: string, name: string) => built.filter(o => o.kind === kind && o.metadata.name === name);
    expect(get('Deployment', 'hydra')).toHaveLength(1);
    expect(get('Deployment', 'kratos')).toHaveLength(1);
    expect(get('ConfigMap', 'pl-oauth-config')[0].data.PL_OAUTH_PROVIDER).toBe('hydra');
    expect(get('ConfigMap', 'pl-ory-service-config')).toHaveLength(1);
    expect(Object.keys(get('Deployment', 'auth-server')[0].spec.template.metadata.annotations).sort()).toStrictEqual(['checksum/pl-oauth-config', 'checksum/pl-ory-service-config']);
    expect(built.filter(o => o.kind === 'ExternalSecret').map(o => o.metadata.name).sort()).toStrictEqual([
      'pl-hydra-secrets', 'pl-kratos-admin-identity', 'pl-kratos-secrets', 'pl-kratos-smtp',
    ]);
  });

  test('the README lists every difference', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    for (const d of [...DEFAULT_DIFFERENCES, ...PRODUCTION_DIFFERENCES]) {
      expect([d.path, doc.includes(d.path)]).toStrictEqual([d.path, true]);
    }
  });
});
