import type { BuildReport } from '../core/build/runBuild';
import { formatProblem } from '../core/model/problem';
import { ROLES } from '../core/render/outputFormats';
import type { Io } from './io';

/** Problems to stderr, one line each; then what was written, to stdout. */
export function printBuildReport(report: BuildReport, target: string, io: Io, verbose = false): void {
  for (const problem of report.problems) io.err(formatProblem(problem));
  const { publish } = report;
  const verb = publish.dryRun ? 'would write' : 'wrote';
  const byRole = ROLES.map((role) => [role, publish.uploads.filter((u) => u.role === role).length] as const)
    .filter(([, n]) => n > 0)
    .map(([role, n]) => `${n} ${role}`)
    .join(', ');
  const ids = report.published.length <= 10 || verbose ? `: ${report.published.join(', ') || 'none'}` : '';
  io.out(`${report.published.length} briefings published${ids}`);
  for (const held of report.held) io.out(`held back: ${held.id} (${held.reason}${held.until ? ` until ${held.until}` : ''})`);
  io.out(
    `${verb} ${publish.uploads.length} files to ${target}${byRole ? ` (${byRole})` : ''}; ${publish.unchanged} unchanged; ${publish.deletes.length} deleted`,
  );
  if (report.stale.length > 0) io.out(`published from their last good copy (data broken): ${report.stale.join(', ')}`);
  if (publish.kept.length > 0) io.out(`kept ${publish.kept.length} files of briefings whose data failed to load`);
  if (report.invalidated.length > 0) io.out(`invalidated ${report.invalidated.length} CDN paths`);
  if (verbose) {
    for (const upload of publish.uploads) io.out(`  ${upload.reason.padEnd(12)} ${upload.path}`);
    for (const path of publish.deletes) io.out(`  ${'deleted'.padEnd(12)} ${path}`);
  }
}
