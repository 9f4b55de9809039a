import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runSynth } from '../../src/cli/synth-command';
import { auth0Config, readTree, REPO_ROOT, tempDir, writeConfig } from '../support/temp-config';

function synth(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runSynth(args, t => (out += t), t => (err += t));
  return { code, out, err };
}

describe('synth command', () => {
  test('writes the component into the output directory and prints a summary', () => {
    // GIVEN
    const config = writeConfig(auth0Config());
    const outdir = path.join(tempDir(), 'dist');
    // WHEN
    const result = synth(['--config', config, '--output', outdir]);
    // THEN
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(Object.keys(readTree(outdir)).sort()).toStrictEqual([
      '.pixie-auth-synth/pixie-auth',
      'pixie-auth/kustomization.yaml',
      'pixie-auth/patches/configmap-pl-oauth-config.yaml',
      'pixie-auth/patches/deployment-auth-server.yaml',
      'pixie-auth/patches/deployment-cloud-proxy.yaml',
      'pixie-auth/patches/deployment-profile-server.yaml',
      'pixie-auth/resources.yaml',
    ]);
    expect(result.out).toContain(`${outdir}/pixie-auth/kustomization.yaml`);
    expect(result.out).toContain('ConfigMap pl-oauth-config -> Deployment auth-server, Deployment profile-server, Deployment cloud-proxy');
    expect(result.out).toContain('ExternalSecret cloud-auth0-secrets -> Deployment auth-server');
    expect(result.out).toContain('[ ] Under Advanced Settings > Grant Types, enable client_credentials');
  });

  test('--quiet prints nothing', () => {
    const result = synth(['--config', writeConfig(auth0Config()), '--output', path.join(tempDir(), 'dist'), '--quiet']);
    expect(result).toStrictEqual({ code: 0, out: '', err: '' });
  });

  test('a failed synth leaves the output directory exactly as it was and exits non-zero', () => {
    // GIVEN a previous good synth, plus a stray file the user keeps there
    const dir = tempDir();
    const outdir = path.join(dir, 'dist');
    expect(synth(['--config', writeConfig(auth0Config()), '--output', outdir, '--quiet']).code).toBe(0);
    fs.writeFileSync(path.join(outdir, 'keep.txt'), 'mine');
    const before = readTree(outdir);
    const bad = auth0Config();
    bad.auth0.domain = 'https://x.auth0.com/';
    // WHEN
    const result = synth(['--config', writeConfig(bad), '--output', outdir]);
    // THEN
    expect(result.code).toBe(1);
    expect(result.err).toContain('auth0.domain: "https://x.auth0.com/" must be a bare host');
    expect(result.err).toContain('Nothing was written; the output directory is unchanged.');
    expect(readTree(outdir)).toStrictEqual(before);
    expect(fs.readdirSync(dir)).toStrictEqual(['dist']); // no staging directory left behind
  });

  test('a successful synth replaces its own entry wholesale (no stale files) and leaves everything else in the output directory', () => {
    // GIVEN an earlier synth, a stale file in its component, and the user's own files beside it
    const outdir = path.join(tempDir(), 'dist');
    const config = writeConfig(auth0Config());
    expect(synth(['--config', config, '--output', outdir, '--quiet']).code).toBe(0);
    fs.writeFileSync(path.join(outdir, 'pixie-auth', 'stale.yaml'), 'stale');
    fs.mkdirSync(path.join(outdir, '.git'));
    fs.writeFileSync(path.join(outdir, '.git', 'HEAD'), 'ref: refs/heads/main');
    fs.writeFileSync(path.join(outdir, 'notes.md'), 'mine');
    // WHEN
    expect(synth(['--config', config, '--output', outdir, '--quiet']).code).toBe(0);
    // THEN
    const tree = readTree(outdir);
    expect(tree['pixie-auth/stale.yaml']).toBeUndefined();
    expect(tree['pixie-auth/kustomization.yaml']).toContain('kind: Component');
    expect(tree['.git/HEAD']).toBe('ref: refs/heads/main');
    expect(tree['notes.md']).toBe('mine');
    expect(fs.readdirSync(outdir).sort()).toStrictEqual(['.git', '.pixie-auth-synth', 'notes.md', 'pixie-auth']); // no staging left
  });

  test('two configs with their own componentDirectory share one output directory', () => {
    // GIVEN
    const outdir = path.join(tempDir(), 'dist');
    const staging = writeConfig(auth0Config({ namespace: 'plc-staging', output: { componentDirectory: 'auth-staging' } }));
    const prod = writeConfig(auth0Config({ namespace: 'plc-prod', output: { componentDirectory: 'auth-prod' } }));
    // WHEN
    expect(synth(['--config', staging, '--output', outdir, '--quiet']).code).toBe(0);
    expect(synth(['--config', prod, '--output', outdir, '--quiet']).code).toBe(0);
    expect(synth(['--config', staging, '--output', outdir, '--quiet']).code).toBe(0);
    // THEN
    const tree = readTree(outdir);
    expect(tree['auth-staging/resources.yaml']).toContain('namespace: plc-staging');
    expect(tree['auth-prod/resources.yaml']).toContain('namespace: plc-prod');
    expect(fs.readdirSync(path.join(outdir, '.pixie-auth-synth')).sort()).toStrictEqual(['auth-prod', 'auth-staging']);
  });

  test('an entry of the same name that no synth wrote is left alone, and nothing is written', () => {
    // GIVEN the user's own directory where the component would go
    const outdir = path.join(tempDir(), 'manifests');
    fs.mkdirSync(path.join(outdir, 'pixie-auth'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'pixie-auth', 'kustomization.yaml'), 'mine');
    const before = readTree(outdir);
    // WHEN
    const result = synth(['--config', writeConfig(auth0Config()), '--output', outdir, '--quiet']);
    // THEN
    expect(result.code).toBe(1);
    expect(result.err).toContain(`--output ${outdir}: ${outdir}/pixie-auth is already there and was not written by this command`);
    expect(result.err).toContain(`(${outdir}/.pixie-auth-synth has no record of it)`);
    expect(result.err).toContain('output.componentDirectory or output.fileName in the config');
    expect(readTree(outdir)).toStrictEqual(before);
    expect(fs.readdirSync(outdir)).toStrictEqual(['pixie-auth']);
  });

  test('--output naming a file is an error that leaves the file as it was', () => {
    const file = path.join(tempDir(), 'afile');
    fs.writeFileSync(file, 'mine');
    const result = synth(['--config', writeConfig(auth0Config()), '--output', file, '--quiet']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`--output ${file}: is a file, not a directory. Give a directory (it is created if missing).`);
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
  });

  test('synths of several configs at once into one output directory keep every record, so each can synth again', async () => {
    // GIVEN six configs, each with its own component directory
    const outdir = path.join(tempDir(), 'dist');
    const configs = [1, 2, 3, 4, 5, 6].map(i => writeConfig(auth0Config({ output: { componentDirectory: `c${i}` } })));
    const run = (config: string) => new Promise<number | null>(resolve => {
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'synth.js'), '--config', config, '--output', outdir, '--quiet'], { stdio: 'ignore' });
      child.on('exit', resolve);
    });
    // WHEN they all run at once, twice
    expect(await Promise.all(configs.map(run))).toStrictEqual(configs.map(() => 0));
    expect(await Promise.all(configs.map(run))).toStrictEqual(configs.map(() => 0));
    // THEN
    expect(fs.readdirSync(path.join(outdir, '.pixie-auth-synth')).sort()).toStrictEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(fs.readdirSync(outdir).sort()).toStrictEqual(['.pixie-auth-synth', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  }, 60_000);

  test('--output naming a dangling link, or a path through a file, is an error that names --output', () => {
    const dir = tempDir();
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling'));
    fs.writeFileSync(path.join(dir, 'afile'), 'mine');
    const config = writeConfig(auth0Config());
    expect(synth(['--config', config, '--output', path.join(dir, 'dangling')]).err).toContain(
      `--output ${dir}/dangling: is a symbolic link to ${dir}/gone, which does not exist; create that directory or give another --output`,
    );
    expect(synth(['--config', config, '--output', path.join(dir, 'afile', 'sub')]).err).toContain(
      `--output ${dir}/afile/sub: cannot create the directory: a part of the path is a file, not a directory; give another --output`,
    );
    expect(fs.readdirSync(dir).sort()).toStrictEqual(['afile', 'dangling']);
  });

  test('an empty --output or --config (an unset variable) is an error, and --output=DIR works', () => {
    const config = writeConfig(auth0Config());
    expect(synth(['--config', config, '--output', '']).err).toContain('--output needs a value, not an empty string (an unset variable?)');
    expect(synth(['--config=', '--output', 'x']).err).toContain('--config needs a value, not an empty string');
    const outdir = path.join(tempDir(), 'dist');
    expect(synth([`--config=${config}`, `--output=${outdir}`, '--quiet']).code).toBe(0);
    expect(fs.existsSync(path.join(outdir, 'pixie-auth', 'kustomization.yaml'))).toBe(true);
  });

  test('--config naming a directory says to give the file', () => {
    const dir = tempDir();
    expect(synth(['--config', dir, '--output', path.join(dir, 'dist')]).err).toContain(`${dir}: is a directory; pass --config <file>, the config file itself`);
  });

  test('--output through a symbolic link writes into the linked directory and keeps the link', () => {
    // GIVEN dist -> ../real (say, a manifests repository)
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'real'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'dist'));
    // WHEN
    expect(synth(['--config', writeConfig(auth0Config()), '--output', path.join(dir, 'dist'), '--quiet']).code).toBe(0);
    // THEN
    expect(fs.lstatSync(path.join(dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real', 'pixie-auth', 'kustomization.yaml'), 'utf8')).toContain('kind: Component');
  });

  test('the output directory and what is written in it get the usual modes (the umask), not a temporary directory\'s 0700', () => {
    const outdir = path.join(tempDir(), 'dist');
    expect(synth(['--config', writeConfig(auth0Config()), '--output', outdir, '--quiet']).code).toBe(0);
    /* eslint-disable no-bitwise */ // file modes are bit masks
    const umask = process.umask();
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(outdir)).toBe(0o777 & ~umask);
    expect(mode(path.join(outdir, 'pixie-auth'))).toBe(0o777 & ~umask);
    expect(mode(path.join(outdir, 'pixie-auth', 'patches'))).toBe(0o777 & ~umask);
    expect(mode(path.join(outdir, 'pixie-auth', 'kustomization.yaml'))).toBe(0o666 & ~umask);
    /* eslint-enable no-bitwise */
  });

  test('a missing config file is an error that says what to do', () => {
    const outdir = path.join(tempDir(), 'dist');
    const result = synth(['--config', '/nonexistent/pixie-auth.yaml', '--output', outdir]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('/nonexistent/pixie-auth.yaml: the config file does not exist');
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('an unknown argument is an error', () => {
    expect(synth(['--frobnicate']).err).toContain("unknown argument '--frobnicate'; usage: synth [--config pixie-auth.yaml] [--output dist] [--quiet] (--help for more)");
  });

  test('--help prints every option, exits 0 and writes nothing', () => {
    // GIVEN
    const outdir = path.join(tempDir(), 'dist');

    // WHEN
    const result = synth(['--output', outdir, '--help']);

    // THEN
    expect(result).toMatchObject({ code: 0, err: '' });
    for (const flag of ['--config FILE', '--output DIR', '--quiet', '--help']) {
      expect(result.out).toContain(flag);
    }
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('two synths in separate processes give byte-identical output', () => {
    const config = writeConfig(auth0Config());
    const outputs = [1, 2].map(() => {
      const outdir = path.join(tempDir(), 'dist');
      execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', 'src/cli/synth-command.ts', '--config', config, '--output', outdir, '--quiet'], { cwd: REPO_ROOT });
      return readTree(outdir);
    });
    expect(Object.keys(outputs[0]).length).toBeGreaterThan(0);
    expect(outputs[1]).toStrictEqual(outputs[0]);
  });
});
