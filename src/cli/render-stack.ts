import { App } from 'cdk8s';
import { BuiltStack } from '../config/build-stack';
import { ChartRenderer } from '../output/chart-manifests';
import { toYamlStream } from '../output/yaml';
import { KustomizeComponent } from '../restart/kustomize-component';
import { withSynthesisPass } from '../restart/synthesis-pass';
import { ManifestValidator } from '../validate/manifest-validator';

/** One file of synthesized output, relative to the output directory. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Runs every construct's validations (`node.addValidation`), as
 * `App.synth()` does, and throws with all of their messages at once.
 * @internal
 */
export function validateConstructs(app: App): void {
  const failed = app.node.findAll().flatMap(c => c.node.validate().map(message => `${c.node.path}: ${message}`));
  if (failed.length > 0) {
    throw new Error(failed.join('\n'));
  }
}

/**
 * A built stack's output files: its chart's manifests, validated against the
 * Kubernetes and External Secrets schemas, written as a kustomize component
 * or as one YAML stream. One synthesis pass per stack, so each restart source
 * is hashed once, and the stack's objects can be freed as soon as its files
 * are written.
 * @param renderer the synthesis's renderer, shared by every stack of the app
 * @internal
 */
export function renderStackFiles(stack: BuiltStack, renderer: ChartRenderer): OutputFile[] {
  return withSynthesisPass(() => {
    const objects = renderer.manifests(stack.chart);
    ManifestValidator.assertValid(objects);
    return stack.kustomize
      ? KustomizeComponent.of(stack.chart).renderFiles(objects).map(f => ({ path: `${stack.outputName}/${f.path}`, content: f.content }))
      : [{ path: stack.outputName, content: toYamlStream(objects) }];
  });
}
