import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The repo root. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');


/** A binary of the repo's own devDependencies, e.g. `jsii/bin/jsii` or `cdk8s-cli/bin/cdk8s`. */
export function repoBin(packagePath: string): string {
  const file = path.join(REPO_ROOT, 'node_modules', packagePath);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run npm ci in the repo first`);
  }
  return file;
}

/** The exact version of a package installed in the repo's node_modules. */
export function installedVersion(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * Runs a command to completion and returns its stdout. Throws with the
 * command, the directory and both output streams when it fails.
 */
export function runCommand(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit code ${result.status}`;
    throw new Error([
      `${command} ${args.join(' ')} (in ${cwd}) failed: ${reason}`,
      `stdout:\n${(result.stdout ?? '').trim()}`,
      `stderr:\n${(result.stderr ?? '').trim()}`,
    ].join('\n'));
  }
  return result.stdout;
}

/** Runs a Node.js script with the current node binary. */
export function runNode(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  return runCommand(process.execPath, [script, ...args], cwd, env);
}
