import { describe, expect, it } from 'vitest';
import type { BuildProgress } from '../../lambdas/core/build/progress';
import { terminalProgress } from '../../lambdas/cli/progress';
import { memoryRig } from '../helpers/memorySite';
import { loadProject } from '../../lambdas/adapters/fs/loadProject';
import { runBuild } from '../../lambdas/core/build/runBuild';
import { TEST_BASE_URL, TEST_NOW } from '../helpers/site';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, write: (text: string) => chunks.push(text) } as unknown as NodeJS.WriteStream };
}

describe('build progress', () => {
  it('counts every planned, rendered and written file of a build', async () => {
    const counts = { planned: 0, rendered: 0, written: 0, done: 0 };
    const progress: BuildProgress = {
      planned: (n) => (counts.planned = n),
      rendered: () => counts.rendered++,
      written: () => counts.written++,
      done: () => counts.done++,
    };
    const rig = memoryRig();
    const report = await runBuild({ ...rig, ...(await loadProject()), progress }, { baseUrl: new URL(TEST_BASE_URL), now: TEST_NOW });
    expect(counts.planned).toBe(Object.keys(report.publish.files).length);
    expect(counts.rendered).toBe(counts.planned);
    expect(counts.written).toBe(report.publish.uploads.length);
    expect(counts.done).toBe(1);
    // Nothing changed: only files without a fingerprint (the stylesheet) are rendered, nothing is written.
    const again = { ...counts, rendered: 0, written: 0 };
    await runBuild(
      { ...rig, ...(await loadProject()), progress: { ...progress, rendered: () => again.rendered++, written: () => again.written++ } },
      { baseUrl: new URL(TEST_BASE_URL), now: TEST_NOW },
    );
    const unfingerprinted = Object.values(rig.state.manifest.files).filter((e) => !e.fingerprint).length;
    expect([again.rendered, again.written]).toEqual([unfingerprinted, 0]);
  });

  it('stays quiet when the output is not a terminal', () => {
    expect(terminalProgress(fakeStream(false).stream)).toBeUndefined();
  });

  it('on a terminal, shows one rewritten line after the first second and clears it at the end', () => {
    const { chunks, stream } = fakeStream(true);
    let now = 0;
    const progress = terminalProgress(stream, () => now)!;
    progress.planned(3);
    progress.rendered();
    expect(chunks).toEqual([]); // a short build prints nothing
    now = 1500;
    progress.rendered();
    progress.written();
    now = 1700;
    progress.written();
    progress.done();
    expect(chunks).toEqual(['\r\x1b[Krendered 2 · written 0 of 3 files', '\r\x1b[Krendered 2 · written 2 of 3 files', '\r\x1b[K']);
  });
});
