import * as z from 'zod';
import { CHANGE_UNITS, QUALIFIERS } from '../quantity/types';

/**
 * The briefing data contract (README "Data"): one JSON document per source report.
 * Glossary keys (metric, unit, topic, region, peers, kind) are plain strings here and checked
 * against `locales/` by `validateBriefing`, which can name the missing key and where to add it.
 * `schema/briefing.schema.json` is generated from this file (`npm run schema`).
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lower-case letters, digits and single hyphens');
const key = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'a glossary key: lower-case letters, digits, "_" or "-"');
const year = z.number().int().min(1949).max(2100);
const text = z.string().trim().min(1);
const bilingual = z.strictObject({ zh: text, en: text });
const isoDate = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });

export const INDICATOR_KINDS = ['level', 'growth', 'share', 'rank', 'count', 'ratio', 'target'] as const;
export const BRIEFING_STATUSES = ['draft', 'reviewed'] as const;

const spanSchema = z.strictObject({ from: year, to: year }).refine((p) => p.from <= p.to, { message: '"from" must not be after "to"' });
export const periodSchema = z.union([year, spanSchema]);

const upper = z.number().optional().describe('upper bound of a range (value is the lower bound), in the same unit; greater than value');

/** A range's upper bound must lie above its lower bound (`4.5%—5%`: value 4.5, upper 5). */
function checkRange(figure: { value: number; upper?: number | undefined }, ctx: z.core.$RefinementCtx, path: PropertyKey[]): void {
  if (figure.upper !== undefined && !(figure.upper > figure.value)) {
    ctx.addIssue({ code: 'custom', path: [...path, 'upper'], message: `upper (${figure.upper}) must be greater than value (${figure.value})` });
  }
}

export const changeSchema = z
  .strictObject({
    value: z.number(),
    upper,
    unit: z.enum(CHANGE_UNITS),
    qualifier: z.enum(QUALIFIERS).optional().describe('defaults to "exact"'),
    averageOver: spanSchema
      .optional()
      .describe("年均: the change is the average yearly change over these years ({from: 2021, to: 2025}), not the change in the indicator's year"),
    over: spanSchema
      .optional()
      .describe("the change is the whole change over these years (五年来…增长2.4倍: {from: 2021, to: 2025}), not the change in the indicator's year"),
  })
  .superRefine((change, ctx) => {
    checkRange(change, ctx, []);
    for (const field of ['averageOver', 'over'] as const) {
      const span = change[field];
      if (span && span.from === span.to) ctx.addIssue({ code: 'custom', path: [field], message: 'a change over years runs over two years or more' });
    }
    if (change.averageOver && change.unit === 'doubling')
      ctx.addIssue({ code: 'custom', path: ['averageOver'], message: 'a doubling (翻番) is a whole change, never a yearly average: use over' });
    if (change.averageOver && change.over)
      ctx.addIssue({ code: 'custom', path: ['over'], message: 'a change is either a yearly average (averageOver) or the whole change (over), not both' });
  });

export const rankSchema = z.strictObject({
  position: z.number().int().min(1),
  peers: key.describe('key in locales/*/peers.json'),
});

export const indicatorSchema = z
  .strictObject({
    id: slug,
    metric: key.describe('key in locales/*/metrics.json'),
    topic: key.describe('key in locales/*/topics.json'),
    kind: z.enum(INDICATOR_KINDS),
    measure: z
      .enum(INDICATOR_KINDS.filter((k) => k !== 'target') as ['level', 'growth', 'share', 'rank', 'count', 'ratio'])
      .optional()
      .describe('for kind "target": what the target is stated as (default "level")'),
    value: z.number().describe("the number as written in the source, before its unit multiplier; a range's lower bound"),
    upper,
    unit: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .describe(
        'unit key: base in locales/*/units.json, optional _1eN multiplier (yuan_1e8 = 亿元); a fraction is fraction_overN, its value the numerator (fraction_over3 = /3)',
      ),
    qualifier: z.enum(QUALIFIERS),
    period: periodSchema.describe('the year the figure refers to, or the span {from, to} (十四五期间 = 2021-2025)'),
    change: changeSchema.optional(),
    rank: rankSchema.optional(),
    highlight: z.boolean().optional().describe('shown among the key numbers'),
    quote: text.describe('exact substring of the Chinese source'),
    offset: z.number().int().min(0).optional().describe('offset of the quote in the source file, in Unicode characters (code points)'),
    note: z.strictObject({ zh: text.optional(), en: text.optional() }).optional().describe('reader-facing note, shown beside the figure'),
    editorNote: text.optional().describe('for editors only: never rendered on the site or in feeds'),
    proposed: bilingual
      .optional()
      .describe('drafts only: `metric` is a proposed key not yet in the glossary; zh = the name as the text writes it, en = a draft English name'),
  })
  .superRefine((indicator, ctx) => {
    checkRange(indicator, ctx, []);
    if (indicator.upper !== undefined && (indicator.kind === 'rank' || indicator.measure === 'rank')) {
      ctx.addIssue({ code: 'custom', path: ['upper'], message: 'a rank has no range' });
    }
    if (indicator.measure && indicator.kind !== 'target') {
      ctx.addIssue({ code: 'custom', path: ['measure'], message: 'only a "target" indicator has a measure' });
    }
    const measured = indicator.kind === 'target' ? (indicator.measure ?? 'level') : indicator.kind;
    if (measured === 'rank' && !indicator.rank) {
      ctx.addIssue({ code: 'custom', path: ['rank'], message: 'a rank indicator needs rank {position, peers}' });
    }
    if (measured === 'rank' && indicator.rank && indicator.rank.position !== indicator.value) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `a rank's value must equal rank.position (${indicator.rank.position})` });
    }
    if (measured === 'growth' && !(CHANGE_UNITS as readonly string[]).includes(indicator.unit)) {
      ctx.addIssue({ code: 'custom', path: ['unit'], message: `a growth figure is in ${CHANGE_UNITS.map((u) => `"${u}"`).join(', ')}` });
    }
  });

export const correctionSchema = z.strictObject({
  date: isoDate,
  note: bilingual,
});

export const briefingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: slug,
    region: key.describe('key in locales/*/regions.json'),
    proposedRegion: bilingual
      .optional()
      .describe('drafts only: `region` is a proposed key not yet in the glossary; zh = the name as the text writes it, en = a draft English name'),
    kind: key.describe('key in locales/*/kinds.json'),
    published: isoDate.describe('date the source was published'),
    period: periodSchema.describe('the year or years the report covers'),
    title: bilingual,
    source: z.strictObject({
      title: bilingual,
      publisher: bilingual,
      url: z.url({ protocol: /^https?$/ }).optional(),
      file: z
        .string()
        .regex(/^[\w.-]+$/, 'a file name in data/sources/')
        .optional(),
    }),
    summary: z.strictObject({ zh: text.optional(), en: text.optional() }).optional().describe('markdown'),
    editorNote: text.optional().describe('for editors only (what the text we hold lacks, how it was read): never rendered on the site or in feeds'),
    status: z.enum(BRIEFING_STATUSES),
    publishAt: isoInstant.optional().describe('not published before this instant'),
    updated: z.union([isoInstant, isoDate]).optional(),
    corrections: z.array(correctionSchema).optional(),
    indicators: z.array(indicatorSchema),
    unmatched: z
      .array(
        z.strictObject({
          quote: text,
          offset: z.number().int().min(0),
          reason: text.describe('why it is not an indicator yet, e.g. "no glossary metric for 招聘活动"'),
        }),
      )
      .optional()
      .describe('drafts: quantitative phrases the extractor could not map; an editor adds them to the glossary or drops them'),
  })
  .superRefine((briefing, ctx) => {
    // Proposals are for an editor to accept into the glossary: a reviewed document holds none.
    if (briefing.status !== 'draft') {
      const why = 'a proposal is allowed only in a draft: add the key to locales/en and locales/zh-CN, then remove "proposed"';
      if (briefing.proposedRegion) ctx.addIssue({ code: 'custom', path: ['proposedRegion'], message: why });
      briefing.indicators.forEach((indicator, index) => {
        if (indicator.proposed) ctx.addIssue({ code: 'custom', path: ['indicators', index, 'proposed'], message: why });
      });
    }
    const seen = new Map<string, number>();
    briefing.indicators.forEach((indicator, index) => {
      const first = seen.get(indicator.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', index, 'id'],
          message: `duplicate indicator id "${indicator.id}" (first at indicators[${first}])`,
        });
      } else seen.set(indicator.id, index);
    });
  });

export type BriefingInput = z.infer<typeof briefingSchema>;
export type IndicatorInput = z.infer<typeof indicatorSchema>;
export type Period = z.infer<typeof periodSchema>;

/** A period as a span: 2025 is {from: 2025, to: 2025}. */
export function periodSpan(period: Period): { from: number; to: number } {
  return typeof period === 'number' ? { from: period, to: period } : period;
}
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
