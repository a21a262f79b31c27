import { main } from '../../lambdas/cli/main';
import type { Io } from '../../lambdas/cli/io';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** Runs the CLI in-process with captured output (the same `main` the `briefings` binary calls). */
export async function runCli(args: string[], now = new Date('2026-06-01T00:00:00Z')): Promise<CliRun> {
  const run: CliRun = { code: -1, out: [], err: [] };
  const io: Io = { out: (l) => run.out.push(l), err: (l) => run.err.push(l), now: () => now };
  run.code = await main(args, io);
  return run;
}
