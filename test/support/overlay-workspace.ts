import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { copyPixieReference } from './kustomize';
import { REPO_ROOT, tempDir } from './temp-config';
import { runSynth } from '../../src/cli/synth-command';

/** A workspace laid out as the README's kustomize overlays expect: pixie-io/pixie beside this repo. */
export interface OverlayWorkspace {
  /** Holds `pixie/` and `cdk8s-pixie-auth/`. */
  readonly root: string;
  /** `<root>/cdk8s-pixie-auth`, with the example files and `dist/`. */
  readonly repo: string;
  /** The objects of the synthesized component's resources. */
  readonly component: any[];
}

/**
 * `<root>/pixie/k8s/cloud/...` (Pixie's reference) and
 * `<root>/cdk8s-pixie-auth/{examples,dist}`: `exampleFiles` (paths in this
 * repo) copied in, and `configFile` synthesized into `dist/` by the synth
 * command, which must succeed.
 */
export function layOutOverlayWorkspace(exampleFiles: readonly string[], configFile: string): OverlayWorkspace {
  const root = tempDir('pixie-auth-workspace-');
  fs.mkdirSync(path.join(root, 'pixie', 'k8s'), { recursive: true });
  fs.renameSync(copyPixieReference(), path.join(root, 'pixie', 'k8s', 'cloud'));
  const repo = path.join(root, 'cdk8s-pixie-auth');
  for (const file of exampleFiles) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(repo, file));
  }
  let err = '';
  const code = runSynth(['--config', configFile, '--output', path.join(repo, 'dist'), '--quiet'], () => {}, t => (err += t));
  expect(err).toBe('');
  expect(code).toBe(0);
  const componentDir = path.join(repo, 'dist', 'pixie-auth');
  const resourceFiles: string[] = parse(fs.readFileSync(path.join(componentDir, 'kustomization.yaml'), 'utf8')).resources ?? [];
  const component = resourceFiles.flatMap(file => fs.readFileSync(path.join(componentDir, file), 'utf8').split(/^---$/m).map(doc => parse(doc)));
  return { root, repo, component: component.filter(o => o) };
}
