import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes: the real terminal, or a buffer in tests. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** The moment of the run (scheduled briefings compare against it). */
  now(): Date;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => new Date(),
};

export type Command = (args: readonly string[], io: Io) => Promise<number>;

export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util parseArgs, with its errors turned into usage errors. */
export function parseOptions<T extends ParseArgsConfig['options']>(args: readonly string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
