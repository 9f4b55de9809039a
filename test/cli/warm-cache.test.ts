import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CACHE_DIR_VARIABLE } from '../../src/validate/validator-cache';
import { REPO_ROOT, tempDir } from '../support/temp-config';

describe('bin/warm-cache.js', () => {
  test('npm ci runs it after compiling (the prepare script)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepare).toBe('tsc -p tsconfig.json && node bin/warm-cache.js');
  });

  test('fills the validator cache with every validator the shipped config needs, and writes nothing else', () => {
    // GIVEN an empty cache directory
    const dir = tempDir('pixie-auth-cache-');
    const before = fs.readdirSync(REPO_ROOT).sort();

    // WHEN
    execFileSync(process.execPath, ['bin/warm-cache.js'], { cwd: REPO_ROOT, env: { ...process.env, [CACHE_DIR_VARIABLE]: dir }, stdio: 'pipe' });

    // THEN the config schema's and each synthesized kind's validator (ConfigMap, Deployment, Service, ExternalSecret, Password)
    const validators = fs.readdirSync(dir).filter(f => f.endsWith('.js'));
    expect(validators.length).toBeGreaterThanOrEqual(6);
    expect(fs.readdirSync(REPO_ROOT).sort()).toStrictEqual(before);
  });

  test('never fails the install: a broken cache directory only means the first synth compiles the validators', () => {
    // GIVEN a cache "directory" that is a file
    const file = path.join(tempDir('pixie-auth-cache-'), 'not-a-directory');
    fs.writeFileSync(file, '');

    // WHEN
    const run = () => execFileSync(process.execPath, ['bin/warm-cache.js'], { cwd: REPO_ROOT, env: { ...process.env, [CACHE_DIR_VARIABLE]: file }, stdio: 'pipe' });

    // THEN
    expect(run).not.toThrow();
  });
});
