import type { BuildProgress } from '../core/build/progress';

/** Quiet for the first second: short builds print nothing but their report. */
const SHOW_AFTER_MS = 1000;
const EVERY_MS = 100;

/**
 * One self-rewriting line on a terminal: "rendered 1,200 · written 950 of 2,875 files". Nothing at
 * all when the output is not a terminal (pipes, CI logs, tests).
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stdout, clock: () => number = Date.now): BuildProgress | undefined {
  if (!stream.isTTY) return undefined;
  const started = clock();
  let total = 0;
  let rendered = 0;
  let written = 0;
  let last = 0;
  let shown = false;
  const format = (n: number) => n.toLocaleString('en');
  const show = () => {
    const now = clock();
    if (now - started < SHOW_AFTER_MS || now - last < EVERY_MS) return;
    last = now;
    shown = true;
    stream.write(`\r\x1b[Krendered ${format(rendered)} · written ${format(written)} of ${format(total)} files`);
  };
  return {
    planned: (n) => {
      total = n;
    },
    rendered: () => {
      rendered++;
      show();
    },
    written: () => {
      written++;
      show();
    },
    done: () => {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
