import * as fs from 'fs';
import * as path from 'path';
import { OutputFile } from './render-stack';

/**
 * Replaces `outdir` with exactly `files`, atomically as far as the file
 * system allows: everything is written to a staging directory beside it,
 * which is then renamed into place. Until that rename, `outdir` is untouched;
 * if writing fails, the staging directory is removed and `outdir` is as it was.
 */
export function writeDirectoryAtomically(outdir: string, files: readonly OutputFile[]): void {
  const target = path.resolve(outdir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  fs.mkdirSync(parent, { recursive: true });
  const staging = fs.mkdtempSync(path.join(parent, `.${base}-staging-`));
  try {
    for (const file of files) {
      const dest = path.join(staging, file.path);
      if (!dest.startsWith(staging + path.sep)) {
        throw new Error(`refusing to write outside the output directory: ${file.path}`);
      }
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, file.content);
    }
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const previous = `${staging}-previous`;
  const hadPrevious = fs.existsSync(target);
  if (hadPrevious) {
    fs.renameSync(target, previous);
  }
  try {
    fs.renameSync(staging, target);
  } catch (e) {
    if (hadPrevious) {
      fs.renameSync(previous, target);
    }
    fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  if (hadPrevious) {
    fs.rmSync(previous, { recursive: true, force: true });
  }
}
