/**
 * Sums up a V8 CPU profile (`node --cpu-prof`): the functions with the most
 * self time, and the packages or source files with the most inclusive time.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/synth.js --output /tmp/out --quiet
 *   npx ts-node --transpile-only bench/profile-summary.ts /tmp/prof/*.cpuprofile [top]
 */
import * as fs from 'fs';

/** One node of a V8 CPU profile. */
export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: number[];
}

/** A V8 CPU profile, as `node --cpu-prof` writes it. */
export interface Profile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

/**
 * The time spent inside (at any depth) a frame that `inside` accepts, and
 * the profile's total, in ms.
 */
export function timeInside(profile: Profile, inside: (functionName: string, url: string) => boolean): { inside: number; total: number } {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  profile.nodes.forEach(n => (n.children ?? []).forEach(c => parent.set(c, n.id)));
  let total = 0;
  let within = 0;
  profile.samples.forEach((id, i) => {
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const { functionName, url } = byId.get(cur)!.callFrame;
      if (inside(functionName, url)) {
        within += micros;
        break;
      }
    }
  });
  return { inside: within / 1000, total: total / 1000 };
}

function summarize(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map(n => [n.id, n]));
  const parent = new Map<number, number>();
  profile.nodes.forEach(n => (n.children ?? []).forEach(c => parent.set(c, n.id)));
  const sampled = new Map<number, number>();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, micros] of sampled) {
    total += micros;
    add(self, frame(byId.get(id)!), micros);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const where = source(byId.get(cur)!);
      if (where && !seen.has(where)) {
        seen.add(where);
        add(inclusive, where, micros);
      }
    }
  }
  return [
    `total ${(total / 1000).toFixed(0)} ms`,
    section(`top ${top} functions by self time`, self, top),
    section(`top ${top} packages and files by inclusive time`, inclusive, top),
  ].join('\n\n');
}

function frame(node: ProfileNode): string {
  const { functionName, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${source(node) ?? '(native)'}:${lineNumber + 1}`;
}

/** `cdk8s-plus-27`, `lib/restart/restart-source.js`, `node:fs`; undefined for V8's own entries. */
function source(node: ProfileNode): string | undefined {
  const url = node.callFrame.url;
  if (!url) return undefined;
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)(?!.*node_modules)/);
  if (pkg) return pkg[1] === '.cache' ? 'validator cache' : pkg[1];
  return url.startsWith('node:') ? url : url.replace(/^.*?\/(src|lib|bin|bench)\//, '$1/');
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

function section(title: string, times: Map<string, number>, top: number): string {
  const rows = [...times].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [title, ...rows.map(([name, micros]) => `${(micros / 1000).toFixed(1).padStart(9)} ms  ${name}`)].join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  }
  process.stdout.write(`${summarize(JSON.parse(fs.readFileSync(file, 'utf8')), Number(top ?? 25))}\n`);
}
