import * as fs from 'fs';
import * as path from 'path';
import { OutputFile } from './render-stack';

/**
 * The directory, in the output directory, that records which entries the
 * synth command wrote there: a file of the entry's name for each. Only those
 * does a later synth replace. One file an entry, so synths of different
 * configs running at once into one output directory cannot lose each
 * other's records.
 */
export const OWNED_ENTRIES_DIR = '.pixie-auth-synth';

const OWNED_ENTRY_TEXT = 'Written by the cdk8s-pixie-auth synth command (node bin/synth.js), which replaces the entry of this name on every synth.\n';

/**
 * Writes `files` into the output directory `outdir`, replacing only the one
 * top-level entry they make up (the component directory, or the manifest
 * file), atomically as far as the file system allows.
 *
 * Everything is written to a staging directory inside `outdir` first, and
 * nothing in `outdir` changes until that has succeeded; then the entry is
 * renamed into place. Anything else in `outdir` (other components, a `.git`,
 * the user's own files) is left alone. An entry that is already there is
 * replaced only if an earlier synth wrote it, as `OWNED_ENTRIES_DIR`
 * records; otherwise nothing is written and the error says what to do.
 * If `outdir` is a symbolic link, the directory it points to is written to.
 */
export function replaceOutputEntry(outdir: string, files: readonly OutputFile[]): void {
  const target = outputDirectory(outdir);
  const entry = onlyEntry(files);
  const current = path.join(target, entry);
  const record = path.join(target, OWNED_ENTRIES_DIR, entry);
  if (exists(current) && !exists(record)) {
    throw new Error(
      `--output ${outdir}: ${path.join(outdir, entry)} is already there and was not written by this command ` +
      `(${path.join(outdir, OWNED_ENTRIES_DIR)} has no record of it), so it is left alone. ` +
      'Move it away if it is an earlier synth\'s output, or write to another name (output.componentDirectory or output.fileName in the config) or another --output.',
    );
  }
  makeDirectory(outdir, path.dirname(record));
  const staging = fs.mkdtempSync(path.join(target, '.pixie-auth-staging-'));
  try {
    for (const file of files) {
      const dest = path.join(staging, 'new', file.path);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, file.content);
    }
    fs.writeFileSync(path.join(staging, 'record'), OWNED_ENTRY_TEXT);
    fs.renameSync(path.join(staging, 'record'), record);
    // The entry it replaces goes aside first, and back if the rename fails.
    const hadPrevious = exists(current);
    if (hadPrevious) {
      fs.renameSync(current, path.join(staging, 'previous'));
    }
    try {
      fs.renameSync(path.join(staging, 'new', entry), current);
    } catch (e) {
      if (hadPrevious) {
        fs.renameSync(path.join(staging, 'previous'), current);
      }
      throw e;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The real directory to write to: `outdir` with links followed; an error if it is not a directory. */
function outputDirectory(outdir: string): string {
  const resolved = path.resolve(outdir);
  if (!exists(resolved)) {
    return resolved;
  }
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    throw new Error(`--output ${outdir}: is a symbolic link to ${fs.readlinkSync(resolved)}, which does not exist; create that directory or give another --output`);
  }
  if (!fs.statSync(real).isDirectory()) {
    throw new Error(`--output ${outdir}: is a file, not a directory. Give a directory (it is created if missing).`);
  }
  return real;
}

/** `mkdir -p dir`, with an error that names --output when a part of the path is a file. */
function makeDirectory(outdir: string, dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file, not a directory' : (e as Error).message;
    throw new Error(`--output ${outdir}: cannot create the directory: ${why}; give another --output`);
  }
}

/** The one top-level entry `files` make up: a synth writes one component directory or one manifest file. */
function onlyEntry(files: readonly OutputFile[]): string {
  const entries = new Set(files.map(file => {
    const [first] = path.normalize(file.path).split(path.sep);
    if (path.isAbsolute(file.path) || first === '..' || first === '' || first === '.' || first === OWNED_ENTRIES_DIR) {
      throw new Error(`refusing to write outside the output directory: ${file.path}`);
    }
    return first;
  }));
  if (entries.size !== 1) {
    throw new Error(`a synth writes one entry into the output directory, not ${entries.size} (${[...entries].join(', ')})`);
  }
  return [...entries][0];
}

/** Whether anything (a file, directory or link, even a dangling one) is at `p`. */
function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
