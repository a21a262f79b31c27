import { resolve } from 'node:path';
import { createStaticServer } from '../../adapters/fs/staticServer';
import { type Command, UsageError, parseOptions } from '../io';

/** `briefings preview [--out DIR] [--port N]`: serve a built site locally, as CloudFront would. */
export const previewCommand: Command = async (args, io) => {
  const { values } = parseOptions(args, { out: { type: 'string', default: 'dist/site' }, port: { type: 'string', default: '8080' } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port "${values.port}" is not a port number`);
  const server = createStaticServer(resolve(values.out));
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  io.out(`serving ${values.out} at http://localhost:${port}/ (Ctrl-C to stop)`);
  await new Promise<void>((closed) => server.on('close', closed));
  return 0;
};
