import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './lexicons';

export const FIXTURE_SITE = join(PROJECT_ROOT, 'test/fixtures/site');
/** Briefings of a few provinces, a city and a district with main targets: ranges, qualifiers, gaps, a tie. */
export const COMPARE_FIXTURE = join(PROJECT_ROOT, 'test/fixtures/compare');

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
