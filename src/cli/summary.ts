import { SynthResult } from './synthesize';

/**
 * The short report printed after a synth: files written, which workloads
 * restart on which source, and what stays manual for the provider.
 */
export function formatSummary(result: SynthResult, outdir: string): string {
  const lines: string[] = [];
  lines.push(`Synthesized ${result.provider} auth into ${outdir}/:`);
  for (const file of result.files) {
    lines.push(`  ${outdir}/${file.path}`);
  }
  if (result.kustomize) {
    lines.push('  (a kustomize Component: add it to your overlay\'s components:)');
  }
  const bySource = new Map<string, string[]>();
  for (const r of result.restarts) {
    bySource.set(r.source, [...(bySource.get(r.source) ?? []), r.workload]);
  }
  if (bySource.size > 0) {
    lines.push('Pods that roll when a source changes:');
    for (const [source, workloads] of bySource) {
      lines.push(`  ${source} -> ${workloads.join(', ')}`);
    }
  }
  if (result.manualSteps.length > 0) {
    lines.push('Still manual:');
    for (const step of result.manualSteps) {
      lines.push(`  [ ] ${step}`);
    }
  }
  return lines.join('\n') + '\n';
}
