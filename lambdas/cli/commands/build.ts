import { loadProject } from '../../adapters/fs/loadProject';
import { runBuild } from '../../core/build/runBuild';
import { type Command, UsageError, parseOptions } from '../io';
import { briefingSourceAt, parseBaseUrl, siteStoreAt } from '../locations';
import { printBuildReport } from '../report';

/** Where `npm start` serves the site (`npm run preview`); pass --base-url for a real host. */
export const DEFAULT_BASE_URL = 'http://localhost:8080/';

export const buildCommand: Command = async (args, io) => {
  const { values } = parseOptions(args, {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist/site' },
    'base-url': { type: 'string', default: DEFAULT_BASE_URL },
    now: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  });
  const now = values.now === undefined ? io.now() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${values.now}" is not an ISO date-time`);
  const deps = { source: briefingSourceAt(values.data), ...siteStoreAt(values.out), ...(await loadProject()) };
  const report = await runBuild(deps, { baseUrl: parseBaseUrl(values['base-url']), now, dryRun: values['dry-run'] });
  printBuildReport(report, values.out, io, values.verbose);
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
};
