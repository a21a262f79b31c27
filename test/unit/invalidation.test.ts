import { describe, expect, it } from 'vitest';
import { invalidationPaths } from '../../lambdas/core/publish/invalidation';

const upload = (path: string, reason: 'new' | 'changed' | 'content-type') => ({ path, reason, role: 'page' as const });

describe('invalidationPaths', () => {
  it.each([
    ['nothing changed', [], [], []],
    ['only new files: nothing was cached', [upload('en/new/index.html', 'new')], [], []],
    [
      'changed and deleted files, sorted, with a leading slash',
      [upload('en/index.html', 'changed'), upload('en/feed.xml', 'content-type')],
      ['en/briefings/x/index.html'],
      ['/en/briefings/x/index.html', '/en/feed.xml', '/en/index.html'],
    ],
    ['characters URLs must encode', [upload('zh/标签 1/index.html', 'changed')], [], ['/zh/%E6%A0%87%E7%AD%BE%201/index.html']],
  ])('%s', (_name, uploads, deletes, want) => {
    expect(invalidationPaths({ uploads, deletes })).toEqual(want);
  });

  it('falls back to one wildcard past the limit', () => {
    const uploads = Array.from({ length: 3001 }, (_, i) => upload(`p${i}.html`, 'changed'));
    expect(invalidationPaths({ uploads, deletes: [] })).toEqual(['/*']);
    expect(invalidationPaths({ uploads: uploads.slice(0, 3000), deletes: [] })).toHaveLength(3000);
  });
});
