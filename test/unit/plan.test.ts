import { describe, expect, it } from 'vitest';
import { type Manifest, parseManifest, serialiseManifest } from '../../lambdas/core/publish/manifest';
import { planDeletes, uploadReason } from '../../lambdas/core/publish/plan';

const entry = (hash: string, owner?: string) => ({ hash, contentType: 'text/html; charset=utf-8', role: 'page' as const, ...(owner && { owner }) });

describe('uploadReason', () => {
  it.each([
    ['a file the store never had', { hash: 'a', contentType: 't' }, undefined, 'new'],
    ['different bytes', { hash: 'b', contentType: 'text/html; charset=utf-8' }, entry('a'), 'changed'],
    ['a new content type', { hash: 'a', contentType: 'text/plain' }, entry('a'), 'content-type'],
    ['the same bytes and type', { hash: 'a', contentType: 'text/html; charset=utf-8' }, entry('a'), undefined],
  ] as const)('%s → %s', (_name, file, previous, want) => {
    expect(uploadReason(file, previous)).toBe(want);
  });
});

describe('planDeletes', () => {
  const previous: Manifest = {
    version: 1,
    files: { 'a.html': entry('1'), 'gone.html': entry('2'), 'en/briefings/bad/index.html': entry('3', 'bad'), 'en/briefings/old/index.html': entry('4', 'old') },
  };
  it.each([
    ['deletes what is no longer rendered', new Set(['a.html']), new Set<string>(), ['en/briefings/bad/index.html', 'en/briefings/old/index.html', 'gone.html'], []],
    ['keeps the pages of a briefing whose data failed', new Set(['a.html']), new Set(['bad']), ['en/briefings/old/index.html', 'gone.html'], ['en/briefings/bad/index.html']],
    ['deletes nothing when everything is rendered', new Set(Object.keys(previous.files)), new Set<string>(), [], []],
  ])('%s', (_name, rendered, keep, deletes, kept) => {
    expect(planDeletes(previous, rendered, keep)).toEqual({ deletes, kept });
  });
});

describe('manifest', () => {
  it('round-trips, sorted by path', () => {
    const manifest: Manifest = { version: 1, files: { 'b.html': entry('2'), 'a.html': entry('1') } };
    const text = serialiseManifest(manifest);
    expect(text.indexOf('a.html')).toBeLessThan(text.indexOf('b.html'));
    expect(parseManifest(text, 'm')).toEqual(manifest);
  });

  it.each(['not json', '{"files": {}}', '{"version": 2, "files": {}}', '{"version": 1}'])('refuses %s rather than guess what it owns', (text) => {
    expect(() => parseManifest(text, 'where')).toThrow(/^where: /);
  });
});
