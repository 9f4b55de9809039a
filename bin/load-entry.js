'use strict';
// Loads a module of this package the fastest way that runs the current code:
// lib/ (JavaScript compiled by `npx projen compile`) when it is at least as
// new as every file in src/, else src/ itself through ts-node (transpile
// only), which adds ~4 s of start-up. Plain JavaScript, so `node` runs it
// without a compile step.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const LIB = path.join(ROOT, 'lib');

/** `relative` is the module's path under src/ and lib/, without extension, e.g. `cli/synth-command`. */
function loadEntry(relative) {
  if (!fs.existsSync(SRC) || libIsCurrent(SRC, LIB)) {
    return require(path.join(LIB, `${relative}.js`));
  }
  process.stderr.write('note: lib/ is missing or older than src/, so src/ runs through ts-node (slower); `npx projen compile` makes it fast again\n');
  require('ts-node').register({ transpileOnly: true, project: path.join(ROOT, 'tsconfig.json') });
  return require(path.join(SRC, `${relative}.ts`));
}

/** True when every .ts under `src` has a .js under `lib` that is at least as new. */
function libIsCurrent(src, lib) {
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    if (entry.isDirectory()) {
      if (!libIsCurrent(from, path.join(lib, entry.name))) return false;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const compiled = fs.statSync(path.join(lib, `${entry.name.slice(0, -3)}.js`), { throwIfNoEntry: false });
      if (!compiled || compiled.mtimeMs < fs.statSync(from).mtimeMs) return false;
    }
  }
  return true;
}

module.exports = { loadEntry, libIsCurrent };
