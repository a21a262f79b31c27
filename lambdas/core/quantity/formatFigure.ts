import type { Figure } from './figure';
import type { QuantityFormatter } from './format';

/** Writes a parsed figure in the formatter's language: English house style, or the Chinese form regenerated. */
export function formatFigure(figure: Figure, formatter: QuantityFormatter): string {
  switch (figure.kind) {
    case 'amount':
      return formatter.amount(figure.quantity);
    case 'change':
      return formatter.change(figure.change);
    case 'rank':
      return formatter.rank(figure.rank);
    case 'top':
      return formatter.top(figure.value, figure.percent, figure.peers);
    case 'fraction':
      return formatter.fraction(figure.numerator, figure.denominator, figure.qualifier);
    case 'tier':
      return formatter.tier(figure.power);
    case 'period':
      return formatter.period(figure.from, figure.to);
    case 'plan':
      return formatter.plan(figure.plan, figure.from, figure.to);
  }
}

export const formatStatement = formatFigure;
