import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { GNU_TIME } from './setup';

export interface Sample {
  /** Seconds, whole process, timed from outside. */
  readonly wall: number;
  /** User + system seconds. */
  readonly cpu: number;
  /** Peak resident set of the largest process, MiB. */
  readonly rssMiB: number;
  readonly stdout: string;
}

const REPORT = join(tmpdir(), `bench-time-${process.pid}.txt`);

/** Runs one command under GNU time: wall from our clock, CPU and peak RSS from the kernel's accounting of that child. */
export function measure(command: string, args: readonly string[], cwd?: string): Sample {
  const started = process.hrtime.bigint();
  const run = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', REPORT, command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}\n${(run.stderr ?? '').slice(-2000)}`);
  const [user = 0, sys = 0, kb = 0] = readFileSync(REPORT, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(REPORT, { force: true });
  return { wall, cpu: user + sys, rssMiB: kb / 1024, stdout: run.stdout };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface Summary {
  readonly runs: number;
  readonly wall: number;
  readonly wallMin: number;
  readonly wallMax: number;
  readonly cpu: number;
  readonly rssMiB: number;
}

export function summarise(samples: readonly Sample[]): Summary {
  const walls = samples.map((s) => s.wall);
  return {
    runs: samples.length,
    wall: median(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: median(samples.map((s) => s.cpu)),
    rssMiB: median(samples.map((s) => s.rssMiB)),
  };
}
