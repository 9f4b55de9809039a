/**
 * One scaling measurement in a fresh process (so peak RSS is this run's):
 * `scaling-worker.ts <count> <config file> [--plain-cdk8s]`. Prints one JSON
 * line. `--plain-cdk8s` renders with `chart.toJson()` per chart (see stacks.ts).
 *
 * A first stack is synthesized in its own App before timing ("cold": loading
 * validators, first-call JIT); then `count` stacks in one App are timed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { instrument, newTimers } from './instrument';
import { synthStacks } from './stacks';
import { parseConfigText } from '../src/config/parse-config';

const plainCdk8s = process.argv.includes('--plain-cdk8s');
const [countArg, configPath] = process.argv.slice(2).filter(a => a !== '--plain-cdk8s');
const count = Number(countArg);
if (!Number.isInteger(count) || count < 1 || !configPath) {
  throw new Error('usage: scaling-worker.ts <count ≥ 1> <config file> [--plain-cdk8s]');
}

const rssStartKb = process.resourceUsage().maxRSS;
const timers = newTimers();
instrument(timers);
const config = parseConfigText(fs.readFileSync(configPath, 'utf8'), path.basename(configPath));
const configDir = path.dirname(path.resolve(configPath));

const cold = { ...synthStacks(config, configDir, 1, 'plc-cold', plainCdk8s), timers: { ...timers } };
Object.assign(timers, newTimers());
const warm = { ...synthStacks(config, configDir, count, 'plc-dev', plainCdk8s), timers: { ...timers } };

process.stdout.write(JSON.stringify({ count, cold, warm, rssStartKb, rssPeakKb: process.resourceUsage().maxRSS }) + '\n');
