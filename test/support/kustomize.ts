import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse, parseAllDocuments } from 'yaml';

import { PIXIE_REFERENCE_DIR } from './reference';

export { PIXIE_REFERENCE_DIR };

/** One file to write: a path relative to the target directory and its content. */
export interface FileToWrite {
  readonly path: string;
  readonly content: string;
}

/** Why `kubectl kustomize` cannot run here, or undefined when it can. Probed once. */
export const kustomizeSkipReason: string | undefined = probeKustomize();

/** True when `kubectl kustomize` runs on this machine. */
export const hasKustomize: boolean = kustomizeSkipReason === undefined;

/**
 * `it` when `kubectl kustomize` is available; otherwise `it.skip` with
 * ` [skipped: <reason>]` appended to the title, so the test shows as skipped
 * by name and reason, never as passed.
 */
export function itIfKustomize(title: string, fn: jest.ProvidesCallback, timeout?: number): void {
  if (hasKustomize) {
    it(title, fn, timeout);
  } else {
    it.skip(`${title} [skipped: ${kustomizeSkipReason}]`, fn, timeout);
  }
}

/** Copies Pixie's reference manifests into a fresh temp dir and returns that dir. */
export function copyPixieReference(): string {
  if (!fs.existsSync(path.join(PIXIE_REFERENCE_DIR, 'dev', 'kustomization.yaml'))) {
    throw new Error(`Pixie's reference manifests are missing at ${PIXIE_REFERENCE_DIR}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pixie-cloud-'));
  fs.cpSync(PIXIE_REFERENCE_DIR, dir, { recursive: true });
  return dir;
}

/** Runs `kubectl kustomize dir` and returns every object of the output. */
export function kustomizeBuild(dir: string): any[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e: any) {
    throw new Error(`kubectl kustomize ${dir} failed: ${String(e.stderr ?? e.message).trim()}`);
  }
  return parseAllDocuments(output).map(doc => {
    if (doc.errors.length > 0) {
      throw new Error(`kubectl kustomize ${dir} printed invalid YAML: ${doc.errors[0].message}`);
    }
    return doc.toJS();
  }).filter(o => o !== null && o !== undefined);
}

/** Writes files (e.g. `KustomizeComponent.renderFiles()`) under `dir`, creating folders. */
export function writeComponent(files: readonly FileToWrite[], dir: string): void {
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
}

function probeKustomize(): string | undefined {
  const probe = spawnSync('kubectl', ['kustomize', '--help'], { encoding: 'utf8', timeout: 30_000 });
  if (probe.error) {
    const code = (probe.error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'kubectl is not on PATH' : `kubectl could not run (${probe.error.message})`;
  }
  if (probe.status !== 0) {
    const detail = `${probe.stderr ?? ''}`.trim().split('\n')[0];
    return `this kubectl has no kustomize subcommand${detail ? ` (${detail})` : ''}`;
  }
  return undefined;
}

/** The synthesized object of `kind`/`name`, from whichever component file holds it (exactly one). */
export function synthesizedObject(files: readonly FileToWrite[], kind: string, name: string): any {
  const objects = files.filter(f => f.path.endsWith('.yaml') && !f.path.endsWith('kustomization.yaml'))
    .flatMap(f => f.content.split(/^---$/m).map(doc => parse(doc)));
  const found = objects.filter(o => o?.kind === kind && o.metadata?.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** `Kind namespace/name` of a built object. */
export const objectKey = (o: any) => `${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

/** Every built object of that kind and name. */
export const findAll = (objects: any[], kind: string, name: string) => objects.filter(o => o.kind === kind && o.metadata?.name === name);

/** The env of auth-server's auth-server container in a kustomize build. */
export const authServerEnv = (objects: any[]) => findAll(objects, 'Deployment', 'auth-server')[0]
  .spec.template.spec.containers.find((c: any) => c.name === 'auth-server').env;
