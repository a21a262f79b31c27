import { describe, expect, it } from 'vitest';
import { type Manifest, parseManifest, serialiseManifest } from '../../lambdas/core/publish/manifest';
import { planDeletes, planPublish, uploadReason } from '../../lambdas/core/publish/plan';

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
    files: {
      'a.html': entry('1'),
      'gone.html': entry('2'),
      'en/briefings/bad/index.html': entry('3', 'bad'),
      'en/briefings/old/index.html': entry('4', 'old'),
    },
  };
  it.each([
    [
      'deletes what is no longer rendered',
      new Set(['a.html']),
      new Set<string>(),
      ['en/briefings/bad/index.html', 'en/briefings/old/index.html', 'gone.html'],
      [],
    ],
    [
      'keeps the pages of a briefing whose data failed',
      new Set(['a.html']),
      new Set(['bad']),
      ['en/briefings/old/index.html', 'gone.html'],
      ['en/briefings/bad/index.html'],
    ],
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

describe('planPublish (after Hugo deploy TestFindDiffs)', () => {
  type Spec = {
    path: string;
    role?: 'asset' | 'page' | 'feed' | 'index' | 'meta';
    fp?: string;
    owner?: string;
    replaceable?: boolean;
    supersedes?: readonly string[];
  };
  const planned = ({ path, role = 'page', fp, owner, replaceable, supersedes }: Spec) => ({
    path,
    role,
    contentType: 'text/html; charset=utf-8',
    ...(fp && { fingerprint: fp }),
    ...(owner && { owner }),
    ...(replaceable && { replaceable: true as const }),
    ...(supersedes && { supersedes }),
    render: () => {
      throw new Error('planning must not render');
    },
  });
  const held = (fp: string, role: 'page' | 'index' = 'page', owner?: string) => ({ ...entry('h', owner), role, fingerprint: fp });
  const manifest = (files: Manifest['files'], briefings = 0): Manifest => ({
    version: 1,
    files,
    ...(briefings > 0 && { briefings: Object.fromEntries(Array.from({ length: briefings }, (_, i) => [`b${i}`, 'h'])) }),
  });

  it.each([
    { name: 'empty site, empty store: nothing to do', site: [], previous: manifest({}), listed: 0, render: [], skip: [], deletes: [], refusals: 0 },
    {
      name: 'a first publish renders everything',
      site: [{ path: 'a' }, { path: 'b', fp: '1' }],
      previous: manifest({}),
      listed: 1,
      render: ['a', 'b'],
      skip: [],
      deletes: [],
      refusals: 0,
    },
    {
      name: 'same fingerprint: skipped, never rendered',
      site: [{ path: 'a', fp: '1' }],
      previous: manifest({ a: held('1') }),
      listed: 1,
      render: [],
      skip: ['a'],
      deletes: [],
      refusals: 0,
    },
    {
      name: 'new fingerprint: rendered, invalidated if its bytes change',
      site: [{ path: 'a', fp: '2' }],
      previous: manifest({ a: held('1') }),
      listed: 1,
      render: ['a'],
      skip: [],
      deletes: [],
      refusals: 0,
      invalidate: ['a'],
    },
    {
      name: 'a role change renders again',
      site: [{ path: 'a', fp: '1', role: 'index' }],
      previous: manifest({ a: held('1') }),
      listed: 1,
      render: ['a'],
      skip: [],
      deletes: [],
      refusals: 0,
    },
    {
      name: 'gone from the site: deleted',
      site: [{ path: 'a', fp: '1' }],
      previous: manifest({ a: held('1'), gone: held('1') }),
      listed: 1,
      render: [],
      skip: ['a'],
      deletes: ['gone'],
      refusals: 0,
    },
    {
      name: 'a failed briefing keeps its pages',
      site: [],
      previous: manifest({ p: held('1', 'page', 'bad') }),
      listed: 1,
      render: [],
      skip: [],
      deletes: [],
      kept: ['p'],
      keep: ['bad'],
      refusals: 0,
    },
    {
      name: 'more deletes than the limit: refused',
      site: [],
      previous: manifest({ x: held('1'), y: held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: [],
      skip: [],
      deletes: ['x', 'y'],
      refusals: 1,
    },
    {
      name: 'deletes up to the limit pass',
      site: [],
      previous: manifest({ x: held('1'), y: held('1') }),
      listed: 1,
      maxDeletes: 2,
      render: [],
      skip: [],
      deletes: ['x', 'y'],
      refusals: 0,
    },
    {
      name: 'stale fragments beside a rebuilt index (its folder and below) do not count against the limit',
      site: [{ path: 'idx/new', replaceable: true }],
      previous: manifest({ 'idx/old': held('1'), 'idx/shard/old': held('1'), gone: held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: ['idx/new'],
      skip: [],
      deletes: ['gone', 'idx/old', 'idx/shard/old'],
      refusals: 0,
    },
    {
      name: 'files a planned file supersedes (a redirect answers them) do not count against the limit; others do',
      site: [{ path: 's/feed.xml', supersedes: ['s/atom.xml', 's/feed.json'] }],
      previous: manifest({ 's/atom.xml': held('1'), 's/feed.json': held('1'), 's/notes.txt': held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: ['s/feed.xml'],
      skip: [],
      deletes: ['s/atom.xml', 's/feed.json', 's/notes.txt'],
      refusals: 0,
    },
    {
      name: 'superseded files count again once nothing supersedes them',
      site: [{ path: 's/feed.xml' }],
      previous: manifest({ 's/atom.xml': held('1'), 's/feed.json': held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: ['s/feed.xml'],
      skip: [],
      deletes: ['s/atom.xml', 's/feed.json'],
      refusals: 1,
    },
    {
      name: 'the same stale files count when no index is rebuilt',
      site: [{ path: 'idx/new' }],
      previous: manifest({ 'idx/old': held('1'), 'idx/shard/old': held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: ['idx/new'],
      skip: [],
      deletes: ['idx/old', 'idx/shard/old'],
      refusals: 1,
    },
    {
      name: 'a rebuilt index excuses nothing outside its folder',
      site: [{ path: 'idx/shard/new', replaceable: true }],
      previous: manifest({ 'idx/old': held('1'), 'pages/a': held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: ['idx/shard/new'],
      skip: [],
      deletes: ['idx/old', 'pages/a'],
      refusals: 1,
    },
    {
      name: 'a replaceable file at the root excuses nothing',
      site: [{ path: 'new', replaceable: true }],
      previous: manifest({ a: held('1'), b: held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: ['new'],
      skip: [],
      deletes: ['a', 'b'],
      refusals: 1,
    },
    {
      name: 'a skipped (unchanged) index still excuses its stale fragments',
      site: [{ path: 'idx/kept', fp: '1', replaceable: true }],
      previous: manifest({ 'idx/kept': held('1'), 'idx/old': held('1'), 'idx/older': held('1') }),
      listed: 1,
      maxDeletes: 1,
      render: [],
      skip: ['idx/kept'],
      deletes: ['idx/old', 'idx/older'],
      refusals: 0,
    },
    {
      name: 'an empty source under a published site: refused',
      site: [{ path: 'a' }],
      previous: manifest({ a: held('1') }, 6),
      listed: 0,
      render: ['a'],
      skip: [],
      deletes: [],
      refusals: 1,
    },
    {
      name: 'a source that lost 5 of 6 briefings: refused',
      site: [{ path: 'a' }],
      previous: manifest({ a: held('1') }, 6),
      listed: 1,
      render: ['a'],
      skip: [],
      deletes: [],
      refusals: 1,
    },
    {
      name: 'half the briefings remain: allowed',
      site: [{ path: 'a' }],
      previous: manifest({ a: held('1') }, 6),
      listed: 3,
      render: ['a'],
      skip: [],
      deletes: [],
      refusals: 0,
    },
    {
      name: 'a deliberate shrink with --allow-shrink',
      site: [{ path: 'a' }],
      previous: manifest({ a: held('1') }, 6),
      listed: 0,
      allowShrink: true,
      render: ['a'],
      skip: [],
      deletes: [],
      refusals: 0,
    },
    {
      name: 'a manifest path outside the site: refused, never deleted',
      site: [],
      previous: manifest({ '../victim.txt': held('1') }),
      listed: 1,
      render: [],
      skip: [],
      deletes: [],
      refusals: 1,
    },
    {
      name: 'a path rendered twice: refused',
      site: [{ path: 'a' }, { path: 'a' }],
      previous: manifest({}),
      listed: 1,
      render: ['a', 'a'],
      skip: [],
      deletes: [],
      refusals: 1,
    },
  ] as const)('$name', (c) => {
    const plan = planPublish({ files: c.site.map(planned), listed: c.listed, keepOwners: new Set('keep' in c ? c.keep : []) }, c.previous, {
      ...('maxDeletes' in c && { maxDeletes: c.maxDeletes }),
      ...('allowShrink' in c && { allowShrink: c.allowShrink }),
    });
    expect(plan.groups.flatMap((g) => g.files.map((f) => f.path))).toEqual(c.render);
    expect(Object.keys(plan.skipped)).toEqual(c.skip);
    expect(plan.deletes).toEqual(c.deletes);
    expect(plan.kept).toEqual('kept' in c ? c.kept : []);
    expect(plan.refusals).toHaveLength(c.refusals);
    if ('invalidate' in c) expect(plan.invalidateIfChanged).toEqual(c.invalidate);
  });

  it('groups files in publish order whatever order they come in, each role once', () => {
    const plan = planPublish(
      {
        files: [
          { path: 'i', role: 'index' },
          { path: 'p', role: 'page' },
          { path: 'c', role: 'asset' },
          { path: 'f', role: 'feed' },
        ].map((s) => planned(s as Spec)),
        listed: 1,
      },
      manifest({}),
    );
    expect(plan.groups.map((g) => g.role)).toEqual(['asset', 'page', 'feed', 'index']);
  });

  it('counts only the deletes the guard watches in its refusal', () => {
    const stale = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`idx/f${i}`, held('1')]));
    const plan = planPublish({ files: [planned({ path: 'idx/new', replaceable: true })], listed: 1 }, manifest({ ...stale, a: held('1'), b: held('1') }), {
      maxDeletes: 1,
    });
    expect(plan.deletes).toHaveLength(152);
    expect(plan.refusals).toEqual(['refusing to delete 2 files (limit 1); nothing was written. If the removal is deliberate, pass --max-deletes 2']);
  });

  it('says what was refused and which flag allows it', () => {
    const plan = planPublish({ files: [], listed: 0 }, manifest(Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, held('1')])), 4));
    expect(plan.refusals).toEqual([
      'refusing to delete 150 files (limit 100); nothing was written. If the removal is deliberate, pass --max-deletes 150',
      'the source lists 0 briefings but 4 were published (wrong or emptied data folder?); nothing was written. If the removal is deliberate, pass --allow-shrink',
    ]);
  });
});
