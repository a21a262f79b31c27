import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lexicons';

export const FIXTURE_SITE = join(PROJECT_ROOT, 'test/fixtures/site');
/** Briefings of a few provinces, a city and a district with main targets: ranges, qualifiers, gaps, a tie. */
export const COMPARE_FIXTURE = join(PROJECT_ROOT, 'test/fixtures/compare');

let cityDataDir: string | undefined;

/** Three of the bundled briefings: a city's work report, a research office's analysis, a district's feature. */
export const CITY_BRIEFINGS = ['chengdu-2026-work-report', 'chengdu-2024-research-office-analysis', 'qingbaijiang-2023-news-feature'];

/**
 * CITY_BRIEFINGS with their source texts, copied once per test process into a data folder of their
 * own: real data, a site of ~1,500 files rather than the whole bundle's ~11,000, for the tests that
 * publish it to the S3 server again and again (each object a real HTTP round trip).
 */
export function cityData(): string {
  if (cityDataDir) return cityDataDir;
  const from = join(PROJECT_ROOT, 'data');
  const dir = mkdtempSync(join(tmpdir(), 'city-data-'));
  for (const folder of ['briefings', 'sources']) mkdirSync(join(dir, folder));
  for (const name of CITY_BRIEFINGS.map((id) => `${id}.json`)) {
    cpSync(join(from, 'briefings', name), join(dir, 'briefings', name));
    const source = JSON.parse(readFileSync(join(from, 'briefings', name), 'utf8')).source?.file;
    if (source) cpSync(join(from, 'sources', source), join(dir, 'sources', source));
  }
  cityDataDir = dir;
  return dir;
}

/** The sample briefing used across tests, parsed fresh each call so a test may change it. */
export function sampleBriefing(): Record<string, any> {
  return JSON.parse(readFileSync(join(FIXTURE_SITE, 'briefings/sample-city-2026.json'), 'utf8'));
}

export function sampleSourceText(): string {
  return readFileSync(join(FIXTURE_SITE, 'sources/sample-report.txt'), 'utf8');
}

/** A minimal valid briefing with one indicator; override any field. */
export function minimalBriefing(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    id: 'mini-2025',
    region: 'chengdu',
    kind: 'work-report',
    published: '2025-02-01',
    period: 2024,
    title: { zh: '迷你简报', en: 'Mini briefing' },
    source: { title: { zh: '报告', en: 'Report' }, publisher: { zh: '政府', en: 'Government' } },
    status: 'reviewed',
    indicators: [
      {
        id: 'gdp-2024',
        metric: 'gdp',
        topic: 'economy',
        kind: 'level',
        value: 2.35,
        unit: 'yuan_1e12',
        qualifier: 'exact',
        period: 2024,
        quote: '地区生产总值2.35万亿元',
      },
    ],
    ...overrides,
  };
}
