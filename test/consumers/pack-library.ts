import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT, repoBin, runCommand, runNode } from './run-command';

/** What `npm pack` produced. */
export interface PackedLibrary {
  /** Absolute path of the tarball. */
  readonly tarball: string;
  /** Every path inside the package, relative to its root (no `package/` prefix). */
  readonly files: string[];
  /** The dependencies npm bundled into the tarball. */
  readonly bundled: string[];
}

/** Build output and local state that a fresh clone does not have; never copied. */
const NOT_IN_A_CLONE = new Set([
  '.git', 'node_modules', 'lib', 'dist', 'coverage', 'test-reports', 'artifacts', 'cdk8s.out', '.jsii', 'tsconfig.tsbuildinfo',
]);

/**
 * Compiles the library with jsii and packs it, as a release would, in a temp
 * copy of the repo: the work tree never gets a `lib/`, and no other test sees
 * a half-written one. jsii compiles against the repo's node_modules (a
 * symlink, for the peers' assemblies); npm packs with a node_modules of its own.
 */
export function packLibrary(workDir: string): PackedLibrary {
  const buildDir = path.join(workDir, 'build');
  fs.cpSync(REPO_ROOT, buildDir, {
    recursive: true,
    filter: source => {
      const relative = path.relative(REPO_ROOT, source);
      const top = relative.split(path.sep)[0];
      return !NOT_IN_A_CLONE.has(top) && !top.startsWith('.dist-') && !relative.endsWith('.tgz');
    },
  });
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(buildDir, 'node_modules'), 'dir');

  runNode(repoBin('jsii/bin/jsii'), ['--silence-warnings=reserved-word'], buildDir);

  // npm cannot see through a symlinked node_modules to the bundled dependencies' own
  // dependencies (it packs ajv without fast-deep-equal), so pack from a real one that
  // holds the production dependencies only, laid out by npm from the lockfile.
  fs.unlinkSync(path.join(buildDir, 'node_modules'));
  runCommand('npm', ['ci', '--omit=dev', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], buildDir);

  const packDir = path.join(workDir, 'pack');
  fs.mkdirSync(packDir);
  // --ignore-scripts: `prepare` (tsc into lib/) is for clones; jsii already compiled lib/ here.
  const output = runCommand('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], buildDir);
  const [packed] = JSON.parse(output.slice(output.indexOf('[')));
  return {
    tarball: path.join(packDir, packed.filename),
    files: (packed.files as Array<{ path: string }>).map(f => f.path).sort(),
    bundled: [...packed.bundled].sort(),
  };
}
