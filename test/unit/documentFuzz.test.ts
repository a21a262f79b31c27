import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { assertWellFormed } from '../helpers/feeds';
import { sampleBriefing } from '../helpers/fixtures';
import { buildInMemory, memoryRig } from '../helpers/memorySite';

/** Text an editor, a bad export or an attacker could put in a field: markup, references, controls, huge and odd numbers. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '&#1;',
    '&#x0B;',
    '&#xFFFE;',
    '&#xFFFF;',
    '&#0;',
    '&#xD800;',
    '&#99999999;',
    '&amp;',
    ']]>',
    '<script>alert(1)</script>',
    '<![CDATA[x]]>',
    '\u0000\u0007\u001b',
    '\uD800',
    '\u2028',
    '"\'<>&',
    '**bold**',
    '[x](javascript:alert(1))',
    '<!--',
    '--!>',
    '\\u0000',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder as literal text is the point
    '${x}',
    '{{x}}',
    '%E0%A4%A',
  ),
  fc.array(fc.constantFrom('a', '中', '&#', 'x0B;', '<', '>', '&', ';', '\u0001', '\uFFFF', ' ', '\n'), { maxLength: 30 }).map((parts) => parts.join('')),
);
const number = fc.oneof(fc.double(), fc.constantFrom(-0, 0, 1e308, -1e308, 5e-324, 1e21, 2.2, 999, Number.MAX_SAFE_INTEGER));

const edit = fc.record({
  // A title must not be blank: a word in front keeps most titles valid, so their text reaches the pages.
  titleEn: nasty.map((t) => `T ${t}`),
  titleZh: nasty.map((t) => `标题${t}`),
  summaryEn: nasty,
  summaryZh: nasty,
  note: nasty.map((t) => `n${t}`),
  change: fc.oneof({ weight: 3, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) }, { weight: 1, arbitrary: number }),
  // Most runs keep the quoted figure, so the nasty text gets rendered; the rest break it.
  figure: fc.option(fc.record({ value: number, unit: fc.constantFrom('yuan_1e12', 'yuan_1e8', 'mu_1e4', 'percent', 'person_1e4', 'yuan_1e99', 'bogus') }), {
    freq: 2,
  }),
});

describe('fuzzing the fields of a document (fast-check)', () => {
  it('never crashes a build, never writes malformed XML or HTML, never loses a page', async () => {
    // Well-formed and valid, not tidy: a title an editor wrote with a line break may leave trailing spaces in the source.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off', 'no-trailing-whitespace': 'off' } });
    const rig = memoryRig();
    await buildInMemory(rig);
    const published = [...rig.store.files.keys()].filter((p) => p.includes('/briefings/'));
    let fresh = 0;
    await fc.assert(
      fc.asyncProperty(edit, async (e) => {
        const doc = sampleBriefing();
        doc.title = { zh: e.titleZh, en: e.titleEn };
        doc.summary = { zh: e.summaryZh, en: e.summaryEn };
        doc.indicators[1] = { ...doc.indicators[1], ...e.figure, note: { en: e.note }, change: { value: e.change, unit: 'percent' } };
        rig.source.files.set('briefings/sample-city-2026.json', JSON.stringify(doc));
        const report = await buildInMemory(rig);
        if (!report.stale.includes('sample-city-2026')) fresh++;
        for (const path of published) expect(rig.store.files.has(path), `lost ${path}`).toBe(true);
        expect(report.published).toContain('sample-city-2026');
        for (const file of rig.store.files.values()) {
          if (file.path.endsWith('.xml')) assertWellFormed(String(file.body), file.path);
          if (file.path.endsWith('.json')) JSON.parse(String(file.body));
        }
        for (const path of ['en/briefings/sample-city-2026/index.html', 'zh/briefings/sample-city-2026/index.html', 'en/index.html']) {
          const result = await validator.validateString(String(rig.store.files.get(path)!.body), path);
          expect(result.results.flatMap((r) => r.messages.map((m) => `${path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
        }
      }),
      { numRuns: 30, seed: 11 },
    );
    expect(fresh, 'runs that published the fuzzed text itself').toBeGreaterThan(5);
  }, 120_000);
});
