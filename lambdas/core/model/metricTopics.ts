/**
 * The topic each metric belongs to, in one place: `locales/metrics.topics.json` (language-neutral;
 * the topic's words are in `locales/<lang>/topics.json`, the metric's in `locales/<lang>/metrics.json`).
 * An indicator still carries its own `topic` (the section of the report it was written in); this is the
 * vocabulary's home for the concept, for drafts and for grouping metrics.
 */
import topicsFile from '../../../locales/metrics.topics.json' with { type: 'json' };

export const METRIC_TOPICS_FILE = 'locales/metrics.topics.json';

const topics: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(topicsFile as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'),
);

/** Metric key → topic key. */
export function metricTopics(): Readonly<Record<string, string>> {
  return topics;
}

/** The topic of a metric, if the vocabulary has it. */
export function topicOfMetric(metric: string): string | undefined {
  return Object.hasOwn(topics, metric) ? topics[metric] : undefined;
}
