/** One row of the benchmark's table. */
export interface Row {
  /** Which part of the benchmark: 1 main job, 2 scaling, 3 validation, 4 hashing. */
  readonly section: number;
  readonly measure: string;
  readonly value: string;
  /** The target, e.g. `≤ 1.5`; empty when there is none. */
  readonly target?: string;
  /** Whether the target is met; undefined when there is none. */
  readonly met?: boolean;
}

/** The rows as one Markdown table. */
export function renderTable(rows: readonly Row[]): string {
  const cells = [
    ['#', 'Measure', 'Value', 'Target', 'Met'],
    ...rows.map(r => [String(r.section), r.measure, r.value, r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : '**NO**']),
  ];
  const widths = cells[0].map((_, i) => Math.max(...cells.map(c => c[i].length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map(w => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
