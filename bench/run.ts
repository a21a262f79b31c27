/**
 * `npm run bench [-- N... [--runs R] [--out-root DIR]]`: times whole `briefings build` processes, as
 * ../shared/peers/bench.mjs times Hugo and Eleventy, so the numbers compare:
 *   full    - build into a new, empty folder
 *   no-op   - build again into the previous output, nothing changed (must write 0 files)
 * One warm-up, then R counted runs; medians of wall time, CPU (user+sys) and peak RSS (GNU time).
 * "pages" counts as the peers do: 2N briefing pages + 2 language indexes; "files" is all we write
 * (topic, region and indicator pages, and feeds per topic and region, which the peers do not build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from './gen-data';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const RUNS = Number(option('--runs') ?? 5);
const SIZES = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).map(Number);
const WORK = resolve('.bench');
/** Where outputs go: the project disk by default; `--out-root /dev/shm` separates compute from disk speed. */
const OUT_ROOT = resolve(option('--out-root') ?? WORK);
/** The bundled CLI, as `npm start` runs it (`npm run bench` bundles first). */
const CLI = resolve('dist/cli/briefings.mjs');

interface Run {
  wall: number;
  cpu: number;
  rssMiB: number;
  written: number;
}

function timedBuild(data: string, out: string): Run {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, CLI, 'build', '--data', data, '--out', out, '--base-url', 'https://example.org/'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const num = (re: RegExp) => Number((r.stderr.match(re) ?? [])[1]);
  if (r.status !== 0) throw new Error(`build exited ${r.status}\n${r.stderr.slice(-2000)}`);
  const wall = (r.stderr.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/)?.[1] ?? '0').split(':').reduce((acc, p) => acc * 60 + Number(p), 0);
  return {
    wall,
    cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/),
    rssMiB: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024,
    written: Number(r.stdout.match(/wrote (\d+) files/)?.[1]),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

console.log(`runs: 1 warm-up + ${RUNS} counted; node ${process.version}; output under ${OUT_ROOT}`);
console.log('| mode | N | pages | files written | wall median s (min–max) | pages/s | cpu median s | peak RSS median MiB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const n of SIZES.length > 0 ? SIZES : [200, 1000, 5000]) {
  const data = join(WORK, `data-${n}`);
  if (!existsSync(join(data, 'briefings')) || readdirSync(join(data, 'briefings')).length !== n) await generate(n, data);
  const pages = 2 * n + 2;
  for (const mode of ['full', 'no-op'] as const) {
    const kept = mkdtempSync(join(OUT_ROOT, 'out-'));
    const rows: Run[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const out = mode === 'full' ? mkdtempSync(join(OUT_ROOT, 'out-')) : kept;
      const run = timedBuild(data, out);
      if (mode === 'full') rmSync(out, { recursive: true, force: true });
      if (i > 0) rows.push(run);
    }
    rmSync(kept, { recursive: true, force: true });
    const walls = rows.map((r) => r.wall);
    const wall = median(walls);
    console.log(
      `| ${mode} | ${n} | ${pages} | ${median(rows.map((r) => r.written))} | ${wall.toFixed(2)} (${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)}) | ${Math.round(pages / wall)} | ${median(rows.map((r) => r.cpu)).toFixed(2)} | ${median(rows.map((r) => r.rssMiB)).toFixed(0)} |`,
    );
  }
}
