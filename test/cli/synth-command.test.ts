import { execFileSync } from 'child_process';
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

  test('a successful synth replaces the output directory wholesale (no stale files)', () => {
    const outdir = path.join(tempDir(), 'dist');
    fs.mkdirSync(path.join(outdir, 'old-component'), { recursive: true });
    fs.writeFileSync(path.join(outdir, 'old-component', 'kustomization.yaml'), 'stale');
    expect(synth(['--config', writeConfig(auth0Config()), '--output', outdir, '--quiet']).code).toBe(0);
    expect(Object.keys(readTree(outdir)).some(f => f.startsWith('old-component'))).toBe(false);
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
