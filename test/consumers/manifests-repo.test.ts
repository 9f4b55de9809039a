import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments, stringify } from 'yaml';
import { ChangedLine, locateLine, ScratchRepo } from './git-diff';
import { runSynth } from '../../src/cli/synth-command';
import { ContentHash } from '../../src/restart/content-hash';
import { PIXIE_REFERENCE_DIR } from '../support/reference';
import { auth0Config } from '../support/temp-config';

// The manifests-repo flow: the config and the synthesized output live in a git
// repo; a config change is reviewed as the `git diff` it makes. That diff must
// touch only the changed data and the restart hashes that depend on it.

const OUT = 'manifests';
const COMPONENT = `${OUT}/pixie-auth`;
const IN_APP = `${OUT}/pixie-auth.k8s.yaml`;
const READERS = ['auth-server', 'profile-server', 'cloud-proxy'];

/** Writes `config` as the repo's pixie-auth.yaml and synthesizes it into `manifests/`, as `npm run synth` does. */
function synth(repo: ScratchRepo, config: any): void {
  const configPath = path.join(repo.dir, 'pixie-auth.yaml');
  fs.writeFileSync(configPath, stringify(config));
  let err = '';
  const code = runSynth(['--config', configPath, '--output', path.join(repo.dir, OUT), '--quiet'], () => {}, t => (err += t));
  expect(err).toBe('');
  expect(code).toBe(0);
}

/** Synthesizes `before`, commits, synthesizes `after`; returns the repo. */
const repos: ScratchRepo[] = [];
afterAll(() => repos.forEach(repo => fs.rmSync(repo.dir, { recursive: true, force: true })));

function changeAndResynth(before: any, after: any, prepare: (repo: ScratchRepo) => void = () => {}): ScratchRepo {
  const repo = new ScratchRepo();
  repos.push(repo);
  prepare(repo);
  synth(repo, before);
  repo.commitAll('first synth');
  synth(repo, after);
  return repo;
}

/** Each changed line as `file: Kind name path`, removed and added apart, sorted. */
function whereChanged(repo: ScratchRepo): { removed: string[]; added: string[] } {
  const lines = repo.changedLines(OUT);
  const where = (l: ChangedLine) => `${l.file}: ${locateLine(l.side === '-' ? repo.atHead(l.file) : repo.read(l.file), l.line)}`;
  return {
    removed: lines.filter(l => l.side === '-').map(where).sort(),
    added: lines.filter(l => l.side === '+').map(where).sort(),
  };
}

/** Every object of every YAML file under `manifests/`. */
function outputObjects(repo: ScratchRepo): any[] {
  const files = repo.git('ls-files', '--cached', '--others', '--exclude-standard', '--', OUT).split('\n').filter(f => f.endsWith('.yaml'));
  return files.flatMap(f => parseAllDocuments(repo.read(f)).map(d => d.toJS())).filter(o => o?.kind && o.kind !== 'Kustomization' && o.kind !== 'Component');
}

const annotationsOf = (objects: any[], name: string) =>
  objects.find(o => o.kind === 'Deployment' && o.metadata.name === name).spec.template.metadata.annotations;
const configMap = (objects: any[], name: string) => objects.find(o => o.kind === 'ConfigMap' && o.metadata.name === name);

function withClientId(config: any, clientId: string): any {
  return { ...config, auth0: { ...config.auth0, clientId } };
}

describe('a config change in a manifests repo', () => {
  test('kustomize component: a new Auth0 client id changes pl-oauth-config\'s data line and the hashes of its three readers, nothing else', () => {
    // GIVEN a committed synth of the Auth0 config
    const before = auth0Config();
    // WHEN the client id changes and the config is synthesized again
    const repo = changeAndResynth(before, withClientId(before, 'pixie-cloud-rotated-client'));
    // THEN
    expect(repo.status(OUT)).toStrictEqual([
      ` M ${COMPONENT}/patches/configmap-pl-oauth-config.yaml`,
      ...READERS.map(r => ` M ${COMPONENT}/patches/deployment-${r}.yaml`).sort(),
    ]);
    const expected = [
      `${COMPONENT}/patches/configmap-pl-oauth-config.yaml: ConfigMap pl-oauth-config data.PL_AUTH_CLIENT_ID`,
      ...READERS.map(r => `${COMPONENT}/patches/deployment-${r}.yaml: Deployment ${r} spec.template.metadata.annotations.checksum/pl-oauth-config`),
    ].sort();
    expect(whereChanged(repo)).toStrictEqual({ removed: expected, added: expected });
    const objects = outputObjects(repo);
    expect(configMap(objects, 'pl-oauth-config').data.PL_AUTH_CLIENT_ID).toBe('pixie-cloud-rotated-client');
    const hash = ContentHash.ofConfigMap(configMap(objects, 'pl-oauth-config'));
    for (const reader of READERS) {
      expect(annotationsOf(objects, reader)['checksum/pl-oauth-config']).toBe(hash);
    }
  });

  test('in-app manifest: the same change touches the same lines of the single manifest', () => {
    // GIVEN Pixie's Deployments vendored into the repo and included by the config
    const manifests = ['auth_deployment.yaml', 'profile_deployment.yaml', 'proxy_deployment.yaml'];
    const vendor = (repo: ScratchRepo) => {
      fs.mkdirSync(path.join(repo.dir, 'pixie'));
      for (const file of manifests) {
        fs.copyFileSync(path.join(PIXIE_REFERENCE_DIR, 'base', file), path.join(repo.dir, 'pixie', file));
      }
    };
    const before = auth0Config({ pixie: { manifests: manifests.map(f => `pixie/${f}`) } });
    // WHEN
    const repo = changeAndResynth(before, withClientId(before, 'pixie-cloud-rotated-client'), vendor);
    // THEN
    expect(repo.status(OUT)).toStrictEqual([` M ${IN_APP}`]);
    const expected = [
      `${IN_APP}: ConfigMap pl-oauth-config data.PL_AUTH_CLIENT_ID`,
      ...READERS.map(r => `${IN_APP}: Deployment ${r} spec.template.metadata.annotations.checksum/pl-oauth-config`),
    ].sort();
    expect(whereChanged(repo)).toStrictEqual({ removed: expected, added: expected });
    const objects = outputObjects(repo);
    const hash = ContentHash.ofConfigMap(configMap(objects, 'pl-oauth-config'));
    expect(READERS.map(r => annotationsOf(objects, r)['checksum/pl-oauth-config'])).toStrictEqual([hash, hash, hash]);
  });

  test('a pinned secret version bump changes the ExternalSecret and auth-server\'s credentials hash only', () => {
    // GIVEN
    const before = auth0Config();
    const after = structuredClone(before);
    after.auth0.credentials.fromStore.clientSecret.version = '2';
    // WHEN
    const repo = changeAndResynth(before, after);
    // THEN the version line is new; the only line replaced is auth-server's credentials hash
    expect(whereChanged(repo)).toStrictEqual({
      removed: [
        `${COMPONENT}/patches/deployment-auth-server.yaml: Deployment auth-server spec.template.metadata.annotations.checksum/cloud-auth0-secrets`,
      ],
      added: [
        `${COMPONENT}/patches/deployment-auth-server.yaml: Deployment auth-server spec.template.metadata.annotations.checksum/cloud-auth0-secrets`,
        `${COMPONENT}/resources.yaml: ExternalSecret cloud-auth0-secrets spec.data[auth0-client-secret].remoteRef.version`,
      ],
    });
  });

  test('Hydra and Kratos: a new Hydra token lifespan changes hydra-config\'s data and hydra\'s hash only', () => {
    // GIVEN the open-source provider with Pixie's defaults
    const oss = (lifespan: string) => ({ namespace: 'plc-dev', oss: { hydra: { accessTokenLifespan: lifespan } }, pixie: { oauthConfig: 'patch' } });
    // WHEN
    const repo = changeAndResynth(oss('1h'), oss('2h'));
    // THEN
    expect(repo.status(OUT)).toStrictEqual([` M ${COMPONENT}/resources.yaml`]);
    expect(whereChanged(repo)).toStrictEqual({
      removed: [
        `${COMPONENT}/resources.yaml: ConfigMap hydra-config data.hydra.yml`,
        `${COMPONENT}/resources.yaml: Deployment hydra spec.template.metadata.annotations.checksum/hydra-config`,
      ],
      added: [
        `${COMPONENT}/resources.yaml: ConfigMap hydra-config data.hydra.yml`,
        `${COMPONENT}/resources.yaml: Deployment hydra spec.template.metadata.annotations.checksum/hydra-config`,
      ],
    });
    const objects = outputObjects(repo);
    expect(annotationsOf(objects, 'hydra')['checksum/hydra-config']).toBe(ContentHash.ofConfigMap(configMap(objects, 'hydra-config')));
  });

  test('synthesizing an unchanged config again leaves the work tree clean', () => {
    const repo = changeAndResynth(auth0Config(), auth0Config());
    expect(repo.status('.')).toStrictEqual([]);
  });
});
