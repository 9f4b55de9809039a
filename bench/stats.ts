/** Small number helpers for the benchmark. */

/** The median of some samples (the mean of the middle two for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) {
    throw new Error('median of no samples');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds as `0.382 s` (≥ 1 s or `seconds`) or `12.3 ms`. */
export function formatMs(ms: number, unit: 'auto' | 'seconds' = 'auto'): string {
  return unit === 'seconds' || ms >= 1000 ? `${(ms / 1000).toFixed(3)} s` : `${ms.toFixed(1)} ms`;
}

/** A share as `12.3%`. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}

/** Kilobytes as `123 MB`. */
export function formatKb(kb: number): string {
  return `${Math.round(kb / 1024)} MB`;
}
