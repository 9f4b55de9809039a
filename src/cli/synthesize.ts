import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { buildStack } from '../config/build-stack';
import { parseConfigText } from '../config/parse-config';
import { toYamlStream } from '../output/yaml';
import { withHashMemo } from '../restart/hash-memo';
import { KustomizeComponent } from '../restart/kustomize-component';
import { RestartOnChange } from '../restart/restart-on-change';
import { ManifestValidator } from '../validate/manifest-validator';
import { InvalidInputError } from '../validation/problems';

/** One file of synthesized output, relative to the output directory. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** Which workload rolls on which source. */
export interface PlannedRestart {
  readonly workload: string;
  readonly source: string;
}

/** A synth done in memory: nothing is written yet. */
export interface SynthResult {
  readonly files: OutputFile[];
  readonly restarts: PlannedRestart[];
  readonly provider: string;
  readonly manualSteps: string[];
  readonly kustomize: boolean;
}

/**
 * Reads, checks and synthesizes a config file entirely in memory, then
 * validates every object. Throws, having written nothing, on any problem.
 */
export function synthesizeConfigFile(configPath: string): SynthResult {
  if (!fs.existsSync(configPath)) {
    throw new InvalidInputError([{ field: configPath, message: 'the config file does not exist; pass --config <file> or create pixie-auth.yaml (see examples/)' }], 'Cannot read config');
  }
  const config = parseConfigText(fs.readFileSync(configPath, 'utf8'), path.basename(configPath));
  return synthesizeConfig(config, path.dirname(path.resolve(configPath)));
}

/** Like `synthesizeConfigFile`, for a parsed config whose relative paths start at `configDir`. */
export function synthesizeConfig(config: any, configDir: string): SynthResult {
  const app = new App({ outdir: 'unused' });
  const stack = buildStack(app, config, configDir);
  // Construct validations (node.addValidation), as App.synth() runs them: every construct's, all reported at once.
  const failed = app.node.findAll().flatMap(c => c.node.validate().map(message => `${c.node.path}: ${message}`));
  if (failed.length > 0) {
    throw new Error(failed.join('\n'));
  }
  // Built: from here on nothing changes, so each restart source is hashed once.
  const files = withHashMemo((): OutputFile[] => {
    const objects = stack.chart.toJson();
    ManifestValidator.assertValid(objects);
    return stack.kustomize
      ? KustomizeComponent.of(stack.chart).renderFiles(objects).map(f => ({ path: `${stack.outputName}/${f.path}`, content: f.content }))
      : [{ path: stack.outputName, content: toYamlStream(objects) }];
  });
  return {
    files,
    restarts: plannedRestarts(app),
    provider: stack.provider.key,
    manualSteps: stack.provider.manualSteps(stack.section, stack.chart.namespace!),
    kustomize: stack.kustomize,
  };
}

function plannedRestarts(app: App): PlannedRestart[] {
  const restarts: PlannedRestart[] = [];
  for (const construct of app.node.findAll()) {
    if (construct instanceof RestartOnChange) {
      for (const target of construct.targets) {
        for (const source of construct.sources) {
          restarts.push({ workload: `${target.kind} ${target.name}`, source: `${source.kind} ${source.name}` });
        }
      }
    }
  }
  return restarts;
}
