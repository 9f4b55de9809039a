import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isMap, isScalar, isSeq, Node, parseAllDocuments } from 'yaml';
import { runCommand } from './run-command';

/** One line that `git diff` reports as removed (`-`, old file) or added (`+`, new file). */
export interface ChangedLine {
  readonly file: string;
  readonly side: '-' | '+';
  /** 1-based line number in the old (`-`) or new (`+`) file. */
  readonly line: number;
  readonly text: string;
}

/** A scratch git repository in a temp dir, committing as a throwaway identity. */
export class ScratchRepo {
  public readonly dir: string;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pixie-auth-manifests-'));
    this.git('init', '-q');
  }

  /** Runs git in the repo and returns its stdout. */
  public git(...args: string[]): string {
    return runCommand('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], this.dir);
  }

  /** Stages everything and commits it. */
  public commitAll(message: string): void {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
  }

  /** `git status --porcelain` lines for `pathspec`, untracked files included. */
  public status(pathspec: string): string[] {
    return this.git('status', '--porcelain', '--untracked-files=all', '--', pathspec).split('\n').filter(l => l !== '');
  }

  /** Every line `git diff --unified=0` reports under `pathspec` against HEAD. */
  public changedLines(pathspec: string): ChangedLine[] {
    const diff = this.git('diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', 'HEAD', '--', pathspec);
    const lines: ChangedLine[] = [];
    let file = '';
    let oldLine = 0;
    let newLine = 0;
    for (const text of diff.split('\n')) {
      const hunk = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
      if (text.startsWith('+++ ')) {
        file = text.replace(/^\+\+\+ (b\/)?/, '');
      } else if (text.startsWith('--- ') || text.startsWith('diff ') || text.startsWith('index ')) {
        continue;
      } else if (hunk) {
        oldLine = Number(hunk[1]);
        newLine = Number(hunk[2]);
      } else if (text.startsWith('-')) {
        lines.push({ file, side: '-', line: oldLine++, text: text.slice(1) });
      } else if (text.startsWith('+')) {
        lines.push({ file, side: '+', line: newLine++, text: text.slice(1) });
      }
    }
    return lines;
  }

  /** A file's content at HEAD. */
  public atHead(file: string): string {
    return this.git('show', `HEAD:${file}`);
  }

  /** A file's content in the work tree. */
  public read(file: string): string {
    return fs.readFileSync(path.join(this.dir, file), 'utf8');
  }
}

/**
 * Where line `line` (1-based) of a YAML stream lies: `Kind name path`, the
 * path of the deepest key around the line's first character, list items
 * named by their `name` or `secretKey` when they have one, e.g.
 * `Deployment auth-server spec.template.metadata.annotations.checksum/pl-oauth-config`.
 */
export function locateLine(yamlText: string, line: number): string {
  const lineStart = yamlText.split('\n').slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  const offset = lineStart + (/^\s*/.exec(yamlText.slice(lineStart))![0].length);
  const doc = parseAllDocuments(yamlText).find(d => d.contents && d.range[0] <= offset && offset <= d.range[2]);
  if (!doc) {
    return '(outside any object)';
  }
  const object: any = doc.toJS();
  return `${object?.kind} ${object?.metadata?.name} ${descend(doc.contents as Node, offset, []).join('.')}`;
}

function descend(node: Node, offset: number, trail: string[]): string[] {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      const end = value?.range?.[2] ?? key.range![2];
      if (offset >= key.range![0] && offset < end) {
        const here = [...trail, String(isScalar(key) ? key.value : key)];
        return value && offset >= value.range![0] ? descend(value, offset, here) : here;
      }
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      const child = item as Node;
      if (offset >= child.range![0] && offset < child.range![2]) {
        const js: any = child.toJSON();
        const label = js?.name ?? js?.secretKey;
        const here = [...trail.slice(0, -1), `${trail[trail.length - 1] ?? ''}[${label ?? i}]`];
        return descend(child, offset, here);
      }
    }
  }
  return trail;
}
