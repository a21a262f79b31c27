import type { IndicatorKind } from './schema';

/** What a figure measures: a target's `measure` (default level), any other indicator's kind. */
export type Measure = Exclude<IndicatorKind, 'target'>;

/**
 * A main target of a work report (the paragraph of 主要预期目标), as a column of the targets table
 * and a comparison page `/{zh,en}/compare/<key>/<year>/`. Words: `ui:targets.column.<key>` and
 * `ui:targets.long.<key>` in both languages.
 */
export interface MainTarget {
  /** URL segment and locale key; the metric key it compares. */
  readonly key: string;
  readonly metric: string;
  /** What the target is stated as: only these fill the column (GDP is compared by growth, not level). */
  readonly measures: readonly Measure[];
}

/**
 * The main targets, in table column order: the one list to edit when a column is added. A metric
 * not (yet) in the glossary simply never matches, so the list may run ahead of the vocabulary.
 */
export const MAIN_TARGETS: readonly MainTarget[] = [
  { key: 'gdp', metric: 'gdp', measures: ['growth'] },
  { key: 'cpi', metric: 'cpi', measures: ['growth'] },
  { key: 'new_urban_jobs', metric: 'new_urban_jobs', measures: ['count', 'level'] },
  { key: 'urban_unemployment_rate', metric: 'urban_unemployment_rate', measures: ['share', 'level'] },
  { key: 'per_capita_disposable_income', metric: 'per_capita_disposable_income', measures: ['growth'] },
  { key: 'grain_output', metric: 'grain_output', measures: ['level', 'count'] },
  { key: 'energy_intensity', metric: 'energy_intensity', measures: ['growth'] },
  { key: 'general_budget_revenue', metric: 'general_budget_revenue', measures: ['growth'] },
  { key: 'fixed_asset_investment', metric: 'fixed_asset_investment', measures: ['growth'] },
  { key: 'retail_sales', metric: 'retail_sales', measures: ['growth'] },
  { key: 'foreign_trade', metric: 'foreign_trade', measures: ['growth'] },
  { key: 'industrial_value_added', metric: 'industrial_value_added', measures: ['growth'] },
];
