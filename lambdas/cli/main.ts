import { buildCommand, publishCommand } from './commands/build';
import { extractCommand } from './commands/extract';
import { formatCommand } from './commands/format';
import { previewCommand } from './commands/preview';
import { schemaCommand } from './commands/schema';
import { validateCommand } from './commands/validate';
import { type Command, type Io, UsageError, processIo } from './io';

const COMMANDS: Record<string, Command> = {
  build: buildCommand,
  publish: publishCommand,
  validate: validateCommand,
  extract: extractCommand,
  format: formatCommand,
  schema: schemaCommand,
  preview: previewCommand,
};

const USAGE = `usage: briefings <command> [options]

  build    [--data DIR|s3://bucket/prefix] [--out DIR|s3://bucket] [--base-url URL] [--dry-run] [--verbose]
           [--max-deletes N] [--allow-shrink] [--verify] [--wait SECONDS]
  publish  --data DIR|s3://bucket/prefix --out s3://bucket [--endpoint URL] [--distribution ID]
           [--state s3://bucket/prefix] [--max-deletes N] [--allow-shrink] [--verify] [--wait SECONDS]
           [--base-url URL] [--dry-run]
  validate PATH...
  extract  REPORT.txt [--region KEY] [--id ID]
  format   [--lang en|zh] TEXT...
  schema   print the briefing JSON Schema
  preview  [--out DIR] [--port 8080]   serve a built site locally`;

/** Runs one CLI invocation; returns the exit code (0 ok, 1 failed or invalid input, 2 usage). */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.err(name === undefined || name === '--help' ? USAGE : `briefings: unknown command "${name}"\n${USAGE}`);
    return name === '--help' ? 0 : 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`briefings ${name}: ${error.message}\n${USAGE}`);
      return 2;
    }
    io.err(`briefings ${name}: ${(error as Error).message}`);
    return 1;
  }
}
