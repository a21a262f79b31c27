import { type Command, type Io, UsageError, processIo } from './io';

/** Each command loads only its own modules: a build never parses the extractor or the preview server. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./commands/build')).buildCommand,
  publish: async () => (await import('./commands/build')).publishCommand,
  validate: async () => (await import('./commands/validate')).validateCommand,
  extract: async () => (await import('./commands/extract')).extractCommand,
  format: async () => (await import('./commands/format')).formatCommand,
  schema: async () => (await import('./commands/schema')).schemaCommand,
  preview: async () => (await import('./commands/preview')).previewCommand,
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
  const load = name === undefined || !Object.hasOwn(COMMANDS, name) ? undefined : COMMANDS[name];
  if (!load) {
    io.err(name === undefined || name === '--help' ? USAGE : `briefings: unknown command "${name}"\n${USAGE}`);
    return name === '--help' ? 0 : 2;
  }
  try {
    return await (await load())(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`briefings ${name}: ${error.message}\n${USAGE}`);
      return 2;
    }
    io.err(`briefings ${name}: ${(error as Error).message}`);
    return 1;
  }
}
