/**
 * The bench's own setup: the peers it compares against and the process meter, installed when
 * missing (Debian packages through apt-get, Eleventy from bench/package-lock.json).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
export const ELEVENTY_CMD = join(BENCH_DIR, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
/** GNU time: CPU seconds and peak RSS of exactly one child process (and its own children). */
export const GNU_TIME = '/usr/bin/time';

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

function aptInstall(packages: string[]): void {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => execFileSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: 'inherit' });
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', ...packages]);
}

export function ensurePeers(): { hugo: string } {
  const missing = [...(onPath('hugo') ? [] : ['hugo']), ...(existsSync(GNU_TIME) ? [] : ['time'])];
  if (missing.length > 0) aptInstall(missing);
  if (!existsSync(ELEVENTY_CMD)) execFileSync('npm', ['ci', '--prefix', BENCH_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  const hugo = execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  return { hugo };
}
