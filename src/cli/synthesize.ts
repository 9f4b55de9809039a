import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { OutputFile, renderStackFiles, validateConstructs } from './render-stack';
import { buildStack } from '../config/build-stack';
import { parseConfigText } from '../config/parse-config';
import { ChartRenderer } from '../output/chart-manifests';
import { RestartOnChange } from '../restart/restart-on-change';
import { InvalidInputError } from '../validation/problems';

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
  if (fs.statSync(configPath).isDirectory()) {
    throw new InvalidInputError([{ field: configPath, message: 'is a directory; pass --config <file>, the config file itself (e.g. pixie-auth.yaml)' }], 'Cannot read config');
  }
  const config = parseConfigText(fs.readFileSync(configPath, 'utf8'), configPath);
  return synthesizeConfig(config, path.dirname(path.resolve(configPath)), configPath);
}

/**
 * Like `synthesizeConfigFile`, for a parsed config whose relative paths start at `configDir`.
 * @param configName the config file as the user named it, for the error's heading
 */
export function synthesizeConfig(config: any, configDir: string, configName?: string): SynthResult {
  const app = new App({ outdir: 'unused' });
  const stack = buildStack(app, config, configDir, configName);
  validateConstructs(app);
  const files = renderStackFiles(stack, new ChartRenderer());
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
