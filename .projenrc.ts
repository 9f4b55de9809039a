import { cdk8s, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

const CDK8S_VERSION = '2.70.106';
const CDK8S_PLUS_VERSION = '2.9.5';
const CONSTRUCTS_VERSION = '10.3.0';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-pixie-auth',
  description: 'cdk8s constructs that synthesize Pixie Cloud authentication (Ory Hydra + Kratos, Auth0, OIDC) as deterministic YAML, with secrets only as External Secrets references and restart hashes on every workload that reads the config.',
  author: 'cdk8s-pixie-auth team',
  authorAddress: 'team@cdk8s-pixie-auth.dev',
  repositoryUrl: 'https://example.invalid/cdk8s-pixie-auth.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',
  typescriptVersion: '~5.9.3',
  keywords: ['cdk8s', 'pixie', 'auth0', 'hydra', 'kratos', 'external-secrets', 'kustomize'],

  cdk8sVersion: CDK8S_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  peerDeps: [`cdk8s-plus-27@^${CDK8S_PLUS_VERSION}`],
  devDeps: [
    `cdk8s-plus-27@${CDK8S_PLUS_VERSION}`,
    'cdk8s-cli@2.207.60',
    'fast-check@^4',
    '@types/node@^20',
    'ts-node@^10.9.2',
  ],
  bundledDeps: ['ajv@^8.17.1', 'yaml@^2.6.0'],

  // Synthesized manifests own dist/ (the cdk8s default); jsii artifacts go elsewhere.
  artifactsDirectory: 'artifacts',

  // No automation that needs a forge: CI is .ci/run on a clean clone.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,

  jestOptions: {
    // Snapshots must be able to fail; `npx projen test:update` updates them on purpose.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 120_000,
      testPathIgnorePatterns: ['/node_modules/', '/artifacts/', '/dist/'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'build-tools', 'projenrc', 'scripts', 'bench'],
  },
  tsconfigDev: {
    compilerOptions: {},
    include: ['../scripts/**/*.ts', '../bench/**/*.ts'],
  },
  gitignore: ['/dist/', '/.dist-staging-*', '/.dist-previous-*', '/artifacts/', '/cdk8s.out/'],
});

// Typed classes for the External Secrets CRDs, generated the way cdk8s-plus generates its k8s imports.
const importTask = project.addTask('import', {
  condition: 'test -d ../shared/schemas/crds',
  description: 'Regenerate src/imports from the External Secrets CRDs in ../shared/schemas',
});
for (const crd of ['external-secrets.io_externalsecrets.yaml', 'generators.external-secrets.io_passwords.yaml']) {
  importTask.exec(`cdk8s import ../shared/schemas/crds/${crd} --language typescript --output src/imports`);
}

// The JSON Schemas the validator needs at runtime ship inside the package (schemas/), copied from ../shared.
project.addTask('copy-schemas', {
  condition: 'test -d ../shared/schemas',
  description: 'Copy the Kubernetes 1.27 and External Secrets schemas from ../shared into schemas/',
  exec: 'ts-node --transpile-only scripts/copy-schemas.ts',
});

project.addTask('synth', {
  description: 'Synthesize the configured stack into dist/ atomically (dist/ is left untouched on any error)',
  exec: 'ts-node --transpile-only src/cli/synth-command.ts',
  receiveArgs: true,
});

project.addTask('bench', {
  description: 'Benchmark synth speed, memory and scaling against kubectl kustomize',
  exec: 'ts-node --transpile-only bench/run.ts',
  receiveArgs: true,
});

project.npmignore?.exclude('/dist/', '/bench/', '/scripts/', '/.ci/', '/artifacts/', '/docs/', '/bin/', '/cdk8s.yaml', '/pixie-auth.yaml', '/test-reports/', '/coverage/');

// A one-line coverage summary instead of projen's per-file table.
project.package.file.addOverride('jest.coverageReporters', ['json', 'lcov', 'text-summary']);

project.synth();
