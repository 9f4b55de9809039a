import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';
import { writeConsumerApp } from './consumer-app';
import { packLibrary, PackedLibrary } from './pack-library';
import { installedVersion, REPO_ROOT, repoBin, runCommand, runNode } from './run-command';
import { ContentHash } from '../../src/restart/content-hash';
import { PIXIE_REFERENCE_DIR } from '../support/reference';

// Packs the library as a release would, installs the tarball into a fresh cdk8s
// app with the peers, and runs the real `cdk8s synth` on a TypeScript and a
// JavaScript consumer. About a minute alone, two to three on a busy machine.
const SETUP_TIMEOUT = 10 * 60 * 1000;

const PIXIE_BASE = path.join(PIXIE_REFERENCE_DIR, 'base');
const READERS = ['auth-server', 'profile-server', 'cloud-proxy'];
const AUTH0_ENV = ['PL_AUTH0_CLIENT_ID', 'PL_AUTH0_CLIENT_SECRET'];

let workDir: string;
let packed: PackedLibrary;
let appDir: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pixie-auth-consumers-'));
  packed = packLibrary(workDir);

  // ../shared beside the app, as beside the repo.
  fs.cpSync(PIXIE_REFERENCE_DIR, path.join(workDir, 'shared', 'reference', 'pixie-cloud'), { recursive: true });
  appDir = path.join(workDir, 'app');
  writeConsumerApp(appDir);

  const devDeps = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).devDependencies;
  runCommand('npm', [
    'install',
    packed.tarball,
    ...['cdk8s', 'cdk8s-plus-27', 'constructs'].map(peer => `${peer}@${devDeps[peer]}`),
    ...['ts-node', 'typescript', '@types/node'].map(tool => `${tool}@${installedVersion(tool)}`),
    '--no-audit', '--no-fund', '--prefer-offline',
  ], appDir);

  const cdk8s = repoBin('cdk8s-cli/bin/cdk8s');
  runNode(cdk8s, ['synth', '--check-upgrade', 'false'], appDir);
  runNode(cdk8s, ['synth', '--check-upgrade', 'false', '--app', 'node main.js', '--output', 'dist-js'], appDir);
}, SETUP_TIMEOUT);

afterAll(() => {
  if (workDir) {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
});

function readObjects(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map(doc => doc.toJS()).filter(o => o !== null && o !== undefined);
}

const key = (o: any) => `${o.kind} ${o.metadata?.namespace}/${o.metadata?.name}`;
const find = (objects: any[], kind: string, name: string) => {
  const found = objects.filter(o => o.kind === kind && o.metadata?.name === name);
  expect(found).toHaveLength(1);
  return found[0];
};

/** Every `checksum/<source>` annotation whose value is not the hash of `<source>` as synthesized. */
function staleChecksums(objects: any[]): string[] {
  const hashOf = (name: string): string | undefined => {
    const source = objects.find(o => ['ConfigMap', 'ExternalSecret', 'Secret'].includes(o.kind) && o.metadata.name === name);
    if (source?.kind === 'ConfigMap') return ContentHash.ofConfigMap(source);
    if (source?.kind === 'ExternalSecret') return ContentHash.ofExternalSecret(source);
    return source ? ContentHash.ofSecret(source) : undefined;
  };
  return objects.flatMap(o => Object.entries<string>(o.spec?.template?.metadata?.annotations ?? {})
    .filter(([k, v]) => k.startsWith('checksum/') && v !== hashOf(k.slice('checksum/'.length)))
    .map(([k]) => `${key(o)} ${k}`));
}

/** Pixie's Deployment as its file has it. */
function pixieDeployment(name: string): any {
  const objects = fs.readdirSync(PIXIE_BASE).filter(f => f.endsWith('_deployment.yaml'))
    .flatMap(f => readObjects(path.join(PIXIE_BASE, f)));
  return find(objects, 'Deployment', name);
}

/** A synthesized Deployment with what Auth0Auth adds taken out again. */
function withoutAuthChanges(deployment: any): any {
  const copy = structuredClone(deployment);
  delete copy.metadata.namespace;
  delete copy.spec.template.metadata.annotations;
  for (const container of copy.spec.template.spec.containers) {
    container.env = container.env?.filter((e: any) => !AUTH0_ENV.includes(e.name));
  }
  return copy;
}

describe('the npm package', () => {
  test('holds lib/, the jsii manifest, schemas/ and the bundled dependencies, and no sources or tests', () => {
    const shippedSchemas = fs.readdirSync(path.join(REPO_ROOT, 'schemas')).filter(f => f.endsWith('.json')).map(f => `schemas/${f}`);
    expect(shippedSchemas.length).toBeGreaterThan(0);
    expect(packed.files).toEqual(expect.arrayContaining([
      'package.json', '.jsii', 'README.md', 'LICENSE',
      'lib/index.js', 'lib/index.d.ts', 'lib/validate/manifest-validator.js',
      ...shippedSchemas,
      'node_modules/ajv/package.json', 'node_modules/yaml/package.json',
    ]));
    expect(packed.bundled).toEqual(expect.arrayContaining(['ajv', 'yaml']));
    const top = [...new Set(packed.files.map(f => f.split('/')[0]))];
    for (const unwanted of ['src', 'test', 'dist', 'coverage', 'bench', 'scripts', 'tsconfig.json']) {
      expect(top).not.toContain(unwanted);
    }
    expect(packed.files.filter(f => f.startsWith('lib/') && f.endsWith('.ts') && !f.endsWith('.d.ts'))).toStrictEqual([]);
  });

  test('installs into the app and shares its single copy of the peers', () => {
    const installed = path.join(appDir, 'node_modules', 'cdk8s-pixie-auth');
    expect(fs.existsSync(path.join(installed, 'lib', 'index.js'))).toBe(true);
    expect(fs.readdirSync(path.join(installed, 'node_modules')).sort()).toEqual(expect.arrayContaining(['ajv', 'yaml']));
    // The peers resolve to the app's single copy, so constructs from cdk8s and from us mix.
    expect(fs.existsSync(path.join(installed, 'node_modules', 'cdk8s'))).toBe(false);
    expect(fs.existsSync(path.join(installed, 'node_modules', 'constructs'))).toBe(false);
  });
});

describe('a TypeScript cdk8s app (ts-node, type-checked) with Auth0Auth', () => {
  let objects: any[];
  beforeAll(() => {
    objects = readObjects(path.join(appDir, 'dist', 'auth0.k8s.yaml'));
  });

  test('writes one manifest per chart', () => {
    expect(fs.readdirSync(path.join(appDir, 'dist')).sort()).toStrictEqual(['auth0.k8s.yaml', 'oss.k8s.yaml']);
  });

  test('synthesizes Pixie\'s Deployments, pl-oauth-config and the ExternalSecret in plc-dev', () => {
    expect(objects.map(key)).toStrictEqual([
      'Deployment plc-dev/auth-server',
      'Deployment plc-dev/profile-server',
      'Deployment plc-dev/cloud-proxy',
      'ConfigMap plc-dev/pl-oauth-config',
      'ExternalSecret plc-dev/cloud-auth0-secrets',
    ]);
    expect(find(objects, 'ConfigMap', 'pl-oauth-config').data).toStrictEqual({
      PL_OAUTH_PROVIDER: 'auth0',
      PL_AUTH_URI: 'example-org.us.auth0.com',
      PL_AUTH_CLIENT_ID: 'pixie-cloud-example-client',
      PL_AUTH_EMAIL_PASSWORD_CONN: 'Username-Password-Authentication',
    });
    const externalSecret = find(objects, 'ExternalSecret', 'cloud-auth0-secrets');
    expect(externalSecret.apiVersion).toBe('external-secrets.io/v1');
    expect(externalSecret.spec).toStrictEqual({
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'pixie-secrets' },
      target: { name: 'cloud-auth0-secrets', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
      data: [
        { secretKey: 'auth0-client-id', remoteRef: { key: 'pixie/auth0', property: 'client-id' } },
        { secretKey: 'auth0-client-secret', remoteRef: { key: 'pixie/auth0', property: 'client-secret' } },
      ],
    });
  });

  test('annotates every reader of pl-oauth-config, and auth-server for the credentials, with content hashes', () => {
    const configHash = ContentHash.ofConfigMap(find(objects, 'ConfigMap', 'pl-oauth-config'));
    const credentialsHash = ContentHash.ofExternalSecret(find(objects, 'ExternalSecret', 'cloud-auth0-secrets'));
    const annotations = Object.fromEntries(READERS.map(name => [name, find(objects, 'Deployment', name).spec.template.metadata.annotations]));
    expect(annotations).toStrictEqual({
      'auth-server': { 'checksum/pl-oauth-config': configHash, 'checksum/cloud-auth0-secrets': credentialsHash },
      'profile-server': { 'checksum/pl-oauth-config': configHash },
      'cloud-proxy': { 'checksum/pl-oauth-config': configHash },
    });
    expect(staleChecksums(objects)).toStrictEqual([]);
  });

  test('wires the credentials into auth-server and leaves the rest of Pixie\'s Deployments as they were', () => {
    const authServer = find(objects, 'Deployment', 'auth-server');
    const env = authServer.spec.template.spec.containers.find((c: any) => c.name === 'auth-server').env;
    expect(env.filter((e: any) => AUTH0_ENV.includes(e.name))).toStrictEqual([
      { name: 'PL_AUTH0_CLIENT_ID', valueFrom: { secretKeyRef: { name: 'cloud-auth0-secrets', key: 'auth0-client-id', optional: false } } },
      { name: 'PL_AUTH0_CLIENT_SECRET', valueFrom: { secretKeyRef: { name: 'cloud-auth0-secrets', key: 'auth0-client-secret', optional: false } } },
    ]);
    for (const name of READERS) {
      expect(withoutAuthChanges(find(objects, 'Deployment', name))).toStrictEqual(pixieDeployment(name));
    }
  });

  test('holds no secret values: no Secret objects, no stringData', () => {
    expect(objects.filter(o => o.kind === 'Secret')).toStrictEqual([]);
    expect(fs.readFileSync(path.join(appDir, 'dist', 'auth0.k8s.yaml'), 'utf8')).not.toContain('stringData');
  });
});

describe('the same TypeScript app with OssAuth (Hydra + Kratos)', () => {
  let objects: any[];
  beforeAll(() => {
    objects = readObjects(path.join(appDir, 'dist', 'oss.k8s.yaml'));
  });

  test('synthesizes Hydra, Kratos, their config and ExternalSecrets next to Pixie\'s Deployments, all in plc-dev', () => {
    const keys = objects.map(key);
    expect(keys).toEqual(expect.arrayContaining([
      ...READERS.map(name => `Deployment plc-dev/${name}`),
      'ConfigMap plc-dev/pl-oauth-config',
      'ConfigMap plc-dev/pl-ory-service-config',
      'ConfigMap plc-dev/hydra-config',
      'Deployment plc-dev/hydra',
      'Service plc-dev/hydra',
      'ExternalSecret plc-dev/pl-hydra-secrets',
      'ConfigMap plc-dev/kratos-config',
      'Deployment plc-dev/kratos',
      'Service plc-dev/kratos',
      'ExternalSecret plc-dev/pl-kratos-secrets',
    ]));
    expect(new Set(keys).size).toBe(keys.length);
    expect([...new Set(objects.map(o => o.metadata.namespace))]).toStrictEqual(['plc-dev']);
    expect(find(objects, 'ConfigMap', 'pl-oauth-config').data).toStrictEqual({
      PL_OAUTH_PROVIDER: 'hydra',
      PL_AUTH_URI: '/oauth/hydra',
      PL_AUTH_CLIENT_ID: 'auth-code-client',
      PL_AUTH_EMAIL_PASSWORD_CONN: '',
    });
  });

  test('takes the enum from the package: Kratos logs at debug', () => {
    expect(parse(find(objects, 'ConfigMap', 'kratos-config').data['kratos.yml']).log.level).toBe('debug');
  });

  test('annotates Pixie\'s readers, Hydra and Kratos with hashes that match their sources', () => {
    for (const name of READERS) {
      expect(Object.keys(find(objects, 'Deployment', name).spec.template.metadata.annotations)).toContain('checksum/pl-oauth-config');
    }
    expect(Object.keys(find(objects, 'Deployment', 'hydra').spec.template.metadata.annotations)).toContain('checksum/hydra-config');
    expect(Object.keys(find(objects, 'Deployment', 'kratos').spec.template.metadata.annotations)).toContain('checksum/kratos-config');
    expect(staleChecksums(objects)).toStrictEqual([]);
  });

  test('holds no Secret objects: every secret is an ExternalSecret', () => {
    expect(objects.filter(o => o.kind === 'Secret')).toStrictEqual([]);
  });
});

describe('a JavaScript cdk8s app using require', () => {
  test('synthesizes, in cdk8s\'s own App, byte-identical manifests to the TypeScript app\'s LinearSynthApp', () => {
    const tsFiles = fs.readdirSync(path.join(appDir, 'dist')).sort();
    expect(fs.readdirSync(path.join(appDir, 'dist-js')).sort()).toStrictEqual(tsFiles);
    for (const file of tsFiles) {
      expect(fs.readFileSync(path.join(appDir, 'dist-js', file), 'utf8')).toBe(fs.readFileSync(path.join(appDir, 'dist', file), 'utf8'));
    }
  });
});

/** The README's complete TypeScript examples: the ```ts blocks that import the package. */
function readmeSnippets(): string[] {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1]).filter(code => code.includes("from 'cdk8s-pixie-auth'"));
}

describe('the README\'s TypeScript examples, in an app with `cdk8s init typescript-app`\'s tsconfig', () => {
  // cdk8s's own template: strict, noUnusedLocals, noUnusedParameters.
  const template = () => fs.readFileSync(repoBin('cdk8s-cli/templates/typescript-app/tsconfig.json'), 'utf8');

  const examples = readmeSnippets().map((code, i) => ({ i, code, inApp: code.includes('PixieWorkloads.inApp(') }));

  test('there are examples to check: the kustomize Component, and LinearSynthApp\'s with Components and with Deployments in the app', () => {
    expect(examples.filter(e => !e.inApp).length).toBeGreaterThanOrEqual(2);
    expect(examples.filter(e => e.inApp).length).toBeGreaterThanOrEqual(1);
  });

  /** Writes example `i` into an app dir beside Pixie's base (a pixie-io/pixie checkout), type-checks it, runs it, and returns the dir. */
  function runExample(i: number, code: string): string {
    const dir = path.join(appDir, `readme-example-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(PIXIE_BASE, path.join(dir, '..', 'pixie', 'k8s', 'cloud', 'base'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), template());
    fs.writeFileSync(path.join(dir, 'main.ts'), code);
    runNode(path.join(appDir, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', '.', '--noEmit'], dir);
    runNode(path.join(appDir, 'node_modules', 'ts-node', 'dist', 'bin.js'), ['main.ts'], dir);
    return dir;
  }

  test.each(examples.filter(e => !e.inApp).map(e => [e.i, e.code]))('example %i type-checks, runs and writes a Component in each namespace', (i, code) => {
    // GIVEN / WHEN
    const dir = runExample(i as number, code as string);

    // THEN: every kustomization written names its patches, and each patch stays in its chart's namespace
    const kustomizations = fs.readdirSync(path.join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('kustomization.yaml'));
    expect(kustomizations.length).toBeGreaterThanOrEqual(1);
    for (const file of kustomizations) {
      const componentDir = path.join(dir, 'dist', path.dirname(file));
      const patches = fs.readdirSync(path.join(componentDir, 'patches'));
      expect(patches).toEqual(expect.arrayContaining(['deployment-auth-server.yaml', 'configmap-pl-oauth-config.yaml']));
      const namespaces = new Set(patches.flatMap(p => readObjects(path.join(componentDir, 'patches', p)).map(o => o.metadata.namespace)));
      expect(namespaces.size).toBe(1);
    }
  });

  test.each(examples.filter(e => e.inApp).map(e => [e.i, e.code]))('example %i type-checks, runs and wires the Deployments it includes, in each chart\'s namespace', (i, code) => {
    // GIVEN / WHEN
    const dir = runExample(i as number, code as string);

    // THEN: each chart's manifest holds Pixie's three Deployments in its own namespace, each restarted on pl-oauth-config
    const manifests = fs.readdirSync(path.join(dir, 'dist')).filter(f => f.endsWith('.k8s.yaml')).sort();
    expect(manifests).toStrictEqual(['dev.k8s.yaml', 'prod.k8s.yaml', 'staging.k8s.yaml']);
    for (const file of manifests) {
      const objects = readObjects(path.join(dir, 'dist', file));
      const namespace = `plc-${file.replace('.k8s.yaml', '')}`;
      expect(find(objects, 'ConfigMap', 'pl-oauth-config').metadata.namespace).toBe(namespace);
      for (const name of READERS) {
        const deployment = find(objects, 'Deployment', name);
        expect(deployment.metadata.namespace).toBe(namespace);
        expect(Object.keys(deployment.spec.template.metadata.annotations)).toContain('checksum/pl-oauth-config');
      }
      expect(staleChecksums(objects)).toStrictEqual([]);
    }
  });
});
