/**
 * How reports name each region in Chinese (`regionAliases.json`: full and short forms, 四川省/四川,
 * 成都市/成都), for telling which region a report is about. Keys are region keys of
 * `locales/regions.tree.json`; keys starting with "$" are comments.
 */
import aliasFile from './regionAliases.json' with { type: 'json' };

export function regionAliases(): Record<string, readonly string[]> {
  return Object.fromEntries(
    Object.entries(aliasFile as Record<string, unknown>).filter(([key, value]) => !key.startsWith('$') && Array.isArray(value)),
  ) as Record<string, string[]>;
}
