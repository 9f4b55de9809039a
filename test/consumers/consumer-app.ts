import * as fs from 'fs';
import * as path from 'path';

/**
 * A cdk8s app as a user writes one against the published package, in
 * TypeScript (`main.ts`, run by ts-node with type checking) and in plain
 * JavaScript (`main.js`, `require`). Both include Pixie's own Deployments
 * from `../shared` by path and synthesize the same charts: the TypeScript
 * app in a `LinearSynthApp`, the JavaScript one in cdk8s's own `App`.
 */
export const CONSUMER_FILES: Readonly<Record<string, string>> = {
  'package.json': JSON.stringify({ name: 'pixie-auth-consumer', version: '0.0.0', private: true }, undefined, 2) + '\n',
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      target: 'ES2020',
      module: 'commonjs',
      lib: ['es2020'],
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['main.ts'],
  }, undefined, 2) + '\n',
  // What `cdk8s init typescript-app` writes, without --transpile-only: ts-node type-checks main.ts.
  'cdk8s.yaml': 'language: typescript\napp: npx ts-node main.ts\n',
  'main.ts': `import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, Chart, Include } from 'cdk8s';
import {
  Auth0Auth,
  ClientCredentials,
  LinearSynthApp,
  ManifestValidator,
  OryLogLevel,
  OssAuth,
  PixieWorkloads,
  SecretStoreKind,
} from 'cdk8s-pixie-auth';

// Pixie's own Deployments, read from ../shared by path.
const PIXIE_BASE = path.join(__dirname, '..', 'shared', 'reference', 'pixie-cloud', 'base');

/** Includes every *_deployment.yaml of Pixie's base and hands the three readers of pl-oauth-config over. */
function pixieWorkloads(chart: Chart): PixieWorkloads {
  const objects: ApiObject[] = fs.readdirSync(PIXIE_BASE)
    .filter(file => file.endsWith('_deployment.yaml'))
    .sort()
    .flatMap(file => new Include(chart, file, { url: path.join(PIXIE_BASE, file) }).apiObjects);
  const deployment = (name: string): ApiObject => {
    const found = objects.find(o => o.kind === 'Deployment' && o.name === name);
    if (!found) {
      throw new Error(\`no Deployment \${name} in \${PIXIE_BASE}\`);
    }
    return found;
  };
  return PixieWorkloads.inApp({
    authServer: deployment('auth-server'),
    profileServer: deployment('profile-server'),
    cloudProxy: deployment('cloud-proxy'),
  });
}

const app = new LinearSynthApp();

const auth0 = new Chart(app, 'auth0', { namespace: 'plc-dev', disableResourceNameHashes: true });
new Auth0Auth(auth0, 'Auth0', {
  domain: 'example-org.us.auth0.com',
  clientId: 'pixie-cloud-example-client',
  emailPasswordConnection: 'Username-Password-Authentication',
  credentials: ClientCredentials.fromStore({
    store: { name: 'pixie-secrets', kind: SecretStoreKind.CLUSTER_SECRET_STORE },
    clientId: { key: 'pixie/auth0', property: 'client-id' },
    clientSecret: { key: 'pixie/auth0', property: 'client-secret' },
  }),
  workloads: pixieWorkloads(auth0),
});

// Pixie's open-source auth (Hydra + Kratos), over its own copy of Pixie's Deployments.
const oss = new Chart(app, 'oss', { namespace: 'plc-dev', disableResourceNameHashes: true });
new OssAuth(oss, 'Oss', {
  workloads: pixieWorkloads(oss),
  kratos: { logLevel: OryLogLevel.DEBUG },
});

// The validator reads the Kubernetes and External Secrets schemas shipped in the package;
// chartManifests() renders every chart in one pass.
for (const { manifests } of app.chartManifests()) {
  ManifestValidator.assertValid(manifests);
}
app.synth();
`,
  'main.js': `'use strict';
const fs = require('fs');
const path = require('path');
const { App, Chart, Include } = require('cdk8s');
const { Auth0Auth, ClientCredentials, ManifestValidator, OryLogLevel, OssAuth, PixieWorkloads, SecretStoreKind } = require('cdk8s-pixie-auth');

// Pixie's own Deployments, read from ../shared by path.
const PIXIE_BASE = path.join(__dirname, '..', 'shared', 'reference', 'pixie-cloud', 'base');

function pixieWorkloads(chart) {
  const objects = fs.readdirSync(PIXIE_BASE)
    .filter(file => file.endsWith('_deployment.yaml'))
    .sort()
    .flatMap(file => new Include(chart, file, { url: path.join(PIXIE_BASE, file) }).apiObjects);
  const deployment = name => {
    const found = objects.find(o => o.kind === 'Deployment' && o.name === name);
    if (!found) {
      throw new Error(\`no Deployment \${name} in \${PIXIE_BASE}\`);
    }
    return found;
  };
  return PixieWorkloads.inApp({
    authServer: deployment('auth-server'),
    profileServer: deployment('profile-server'),
    cloudProxy: deployment('cloud-proxy'),
  });
}

const app = new App();

const auth0 = new Chart(app, 'auth0', { namespace: 'plc-dev', disableResourceNameHashes: true });
new Auth0Auth(auth0, 'Auth0', {
  domain: 'example-org.us.auth0.com',
  clientId: 'pixie-cloud-example-client',
  emailPasswordConnection: 'Username-Password-Authentication',
  credentials: ClientCredentials.fromStore({
    store: { name: 'pixie-secrets', kind: SecretStoreKind.CLUSTER_SECRET_STORE },
    clientId: { key: 'pixie/auth0', property: 'client-id' },
    clientSecret: { key: 'pixie/auth0', property: 'client-secret' },
  }),
  workloads: pixieWorkloads(auth0),
});

// Pixie's open-source auth (Hydra + Kratos), over its own copy of Pixie's Deployments.
const oss = new Chart(app, 'oss', { namespace: 'plc-dev', disableResourceNameHashes: true });
new OssAuth(oss, 'Oss', {
  workloads: pixieWorkloads(oss),
  kratos: { logLevel: OryLogLevel.DEBUG },
});

for (const chart of app.charts) {
  ManifestValidator.assertValid(chart.toJson());
}
app.synth();
`,
};

/** Writes the consumer app into `dir`. */
export function writeConsumerApp(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(CONSUMER_FILES)) {
    fs.writeFileSync(path.join(dir, name), content);
  }
}
