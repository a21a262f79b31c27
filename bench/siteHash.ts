/**
 * `node --import tsx bench/siteHash.ts DIR`: one SHA-256 over every published file of a built site (path and
 * bytes, in path order; the publisher's state folder left out, since its fingerprints name the code). Equal
 * hashes before and after an optimisation show the output stayed byte-identical.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FS_STATE_DIR } from '../lambdas/adapters/fs/fsStateStore';

export function siteHash(dir: string): { files: number; hash: string } {
  const paths = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .filter((p) => !p.startsWith(`${FS_STATE_DIR}/`))
    .sort();
  const hash = createHash('sha256');
  for (const path of paths)
    hash
      .update(path)
      .update('\0')
      .update(readFileSync(join(dir, path)))
      .update('\0');
  return { files: paths.length, hash: hash.digest('hex') };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, hash } = siteHash(process.argv[2] ?? 'dist/site');
  console.log(`${hash}  ${files} files`);
}
