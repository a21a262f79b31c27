import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { FIXTURE_SITE } from '../helpers/fixtures';
import { PROJECT_ROOT } from '../helpers/lexicons';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'briefings-cli-'));
  cpSync(FIXTURE_SITE, join(work, 'data'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => !p.startsWith('.') && statSync(join(dir, p)).isFile())
    .sort();

describe('briefings build', () => {
  it('writes the site to --out and says what it wrote', async () => {
    const run = await runCli(['build', '--data', join(work, 'data'), '--out', join(work, 'site'), '--base-url', 'https://example.org']);
    expect(run.code).toBe(0);
    expect(run.out[0]).toBe('2 briefings published: sample-city-2026, sample-district-2024');
    const files = listFiles(join(work, 'site'));
    expect(run.out.join('\n')).toMatch(new RegExp(`wrote ${files.length} files to .*; 0 unchanged; 0 deleted`));
    expect(files).toContain('en/briefings/sample-city-2026/index.html');
    expect(readFileSync(join(work, 'site/robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/sitemap.xml');
  });

  it('writes nothing the second time, and deletes what a removed briefing left', async () => {
    const args = ['build', '--data', join(work, 'data'), '--out', join(work, 'site')];
    await runCli(args);
    const before = statSync(join(work, 'site/en/index.html')).mtimeMs;
    const again = await runCli(args);
    expect(again.out.join('\n')).toMatch(/wrote 0 files to .*; \d+ unchanged; 0 deleted/);
    expect(statSync(join(work, 'site/en/index.html')).mtimeMs).toBe(before);

    rmSync(join(work, 'data/briefings/sample-district-2024.json'));
    const removed = await runCli(args);
    expect(removed.code).toBe(0);
    expect(listFiles(join(work, 'site')).filter((f) => f.includes('sample-district-2024') || f.includes('qingbaijiang'))).toEqual([]);
  });

  it('reports a bad file (file, JSON path, problem), builds the rest and exits 1', async () => {
    const doc = JSON.parse(readFileSync(join(work, 'data/briefings/sample-district-2024.json'), 'utf8'));
    doc.indicators[0].metric = 'gpd';
    writeFileSync(join(work, 'data/briefings/sample-district-2024.json'), JSON.stringify(doc));
    const run = await runCli(['build', '--data', join(work, 'data'), '--out', join(work, 'site')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      `${join(work, 'data')}/briefings/sample-district-2024.json: $.indicators[0].metric: unknown metric "gpd" (did you mean "gdp"?); add it to locales/en and locales/zh-CN first`,
    );
    expect(run.out[0]).toBe('1 briefings published: sample-city-2026');
    expect(listFiles(join(work, 'site'))).toContain('en/briefings/sample-city-2026/index.html');
  });

  it('rejects a base URL that is not http(s) with a usage error', async () => {
    const run = await runCli(['build', '--data', join(work, 'data'), '--out', join(work, 'site'), '--base-url', 'ftp://x']);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('--base-url must be http or https');
  });
});

describe('briefings validate', () => {
  it('exits 0 on valid files and 1 with one line per problem', async () => {
    expect((await runCli(['validate', join(work, 'data/briefings/sample-city-2026.json')])).code).toBe(0);
    writeFileSync(join(work, 'bad.json'), JSON.stringify({ id: 'Bad Id', indicators: [] }));
    const run = await runCli(['validate', join(work, 'bad.json'), join(work, 'missing.json')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${join(work, 'bad.json')}: $.id: a slug: lower-case letters, digits and single hyphens`);
    expect(run.err).toContain(`${join(work, 'bad.json')}: $.region: expected string, received undefined`);
    expect(run.err.some((l) => l.startsWith(`${join(work, 'missing.json')}: $: cannot read:`))).toBe(true);
  });

  it('checks quotes against the source text beside the briefings folder', async () => {
    const path = join(work, 'data/briefings/sample-district-2024.json');
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    doc.indicators[0].quote = '不在原文中的句子';
    writeFileSync(path, JSON.stringify(doc));
    const run = await runCli(['validate', join(work, 'data/briefings')]);
    expect(run.err).toContain(`${path}: $.indicators[0].quote: quote not found in the source`);
  });
});

describe('briefings format', () => {
  it('prints one line per text, in the chosen language', async () => {
    expect((await runCli(['format', '--lang', 'en', '7489.8亿元', '增长6%'])).out).toEqual(['748.98 billion yuan', 'up 6%']);
    expect((await runCli(['format', '--lang', 'zh', '7489.8亿元'])).out).toEqual(['7489.8亿元']);
    const bad = await runCli(['format', '12盏']);
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toContain('unknown unit "盏"');
  });

  it('reads ranges, qualifiers and counters, and names the text and the part it cannot read', async () => {
    const run = await runCli(['format', '--lang', 'en', '30亿至60亿元', '近9万户', '5000余名志愿者', '3%—4%左右', '12盏', '万人']);
    expect(run.out).toEqual(['3-6 billion yuan', 'nearly 90,000', 'more than 5,000 volunteers', 'about 3-4%']);
    expect(run.err).toEqual([
      'briefings format: "12盏": cannot read "盏" (character 3): unknown unit "盏" (units are in locales/*/units.json)',
      'briefings format: "万人": cannot read "万人" (character 1): no number found',
    ]);
    expect(run.code).toBe(1);
  });
});

describe('the briefings binary', () => {
  it('runs from a shell: bin/briefings.mjs format', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(PROJECT_ROOT, 'bin/briefings.mjs'), 'format', '--lang', 'en', '7489.8亿元']);
    expect(stdout).toBe('748.98 billion yuan\n');
  });
});
