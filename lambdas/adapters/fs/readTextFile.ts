import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { LIMITS } from '../../core/model/limits';

export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
}

/**
 * A data or source file's text, refusing what is not plainly one: a symbolic link (never followed,
 * so no message can echo what it points at), a FIFO or device (opened without blocking, so none
 * hangs a build), a directory, a file over `maxBytes`, bytes that are not UTF-8. `undefined` when
 * there is no such file.
 */
export async function readTextFile(path: string, maxBytes: number = LIMITS.fileBytes): Promise<string | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' || code === 'EMLINK') throw new UnreadableFileError('a symbolic link; data files must be regular files');
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UnreadableFileError(`not a regular file (${kindOf(info)})`);
    if (info.size > maxBytes) throw new UnreadableFileError(`${info.size} bytes is too large (at most ${maxBytes})`);
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) throw new UnreadableFileError(`more than ${maxBytes} bytes (it grew while being read)`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UnreadableFileError('not UTF-8 text (saved as GB18030 or another encoding?); save it as UTF-8');
    }
  } finally {
    await handle.close();
  }
}

function kindOf(info: import('node:fs').Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}
