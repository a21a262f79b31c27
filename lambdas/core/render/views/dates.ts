import type { Lexicon } from '../../i18n/lexicon';

export interface DateView {
  /** Machine-readable: `2026-01-28` for a date; for an instant, ISO 8601 in China time (`2026-01-28T00:00:00+08:00`). */
  readonly iso: string;
  /** In the page language, as a date in China (UTC+8): "28 January 2026", "2026年1月28日". */
  readonly text: string;
  /** RFC 822 for RSS, in China time (`Wed, 28 Jan 2026 00:00:00 +0800`): no reader sees the day before. */
  readonly rfc822: string;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Dates are written from locale patterns, not Intl, so every Node.js build prints the same bytes. */
export function dateView(isoDateOrInstant: string, lexicon: Lexicon): DateView {
  const isDate = isoDateOrInstant.length === 10;
  const instant = new Date(isDate ? `${isoDateOrInstant}T00:00:00+08:00` : isoDateOrInstant);
  const china = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const [year, month, day] = [china.getUTCFullYear(), china.getUTCMonth() + 1, china.getUTCDate()];
  return {
    iso: isDate ? isoDateOrInstant : `${china.toISOString().slice(0, 19)}+08:00`,
    text: lexicon.t('ui:date', { year, day, month: lexicon.t(`ui:months.${month}`) }),
    rfc822: rfc822(china),
  };
}

/** `china` holds China's wall-clock time in its UTC fields. */
function rfc822(china: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(china.getUTCHours())}:${pad(china.getUTCMinutes())}:${pad(china.getUTCSeconds())}`;
  return `${DAYS[china.getUTCDay()]}, ${pad(china.getUTCDate())} ${MONTHS[china.getUTCMonth()]} ${china.getUTCFullYear()} ${time} +0800`;
}
