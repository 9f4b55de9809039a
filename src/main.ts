import * as path from 'path';
import { runSynth } from './cli/synth-command';

/**
 * Entry point for `cdk8s synth` (see cdk8s.yaml). The cdk8s CLI deletes its
 * output directory before it runs this, so prefer `npm run synth`, which
 * leaves dist/ untouched when anything is wrong.
 */
const outdir = process.env.CDK8S_OUTDIR ?? 'dist';
process.exitCode = runSynth(['--output', path.resolve(outdir), ...process.argv.slice(2)]);
