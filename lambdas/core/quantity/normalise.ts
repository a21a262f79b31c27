/**
 * Folds the ways Chinese text writes the characters of a figure to one form, character for
 * character (the result has the same length, so offsets stay valid): full-width ASCII
 * (`１２．５％` → `12.5%`, `（` → `(`, as the extractor's compact text does), the ratio colon
 * `∶` → `:`, the circle `○` that often stands for 〇 in years, and every range dash
 * (`—`, `–`, `－`, `〜`, `～`) → `—`.
 */
export function foldFigureText(text: string): string {
  let out = '';
  for (const char of text) out += String.fromCharCode(foldFigureCode(char.charCodeAt(0)));
  return out;
}

/** One UTF-16 code of a figure's characters, folded as `foldFigureText` folds it. */
export function foldFigureCode(code: number): number {
  const folded = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  return FOLDED_CODES.get(folded) ?? folded;
}

const FOLDS: Readonly<Record<string, string>> = {
  '∶': ':',
  '○': '〇',
  '–': '—',
  '―': '—',
  '‒': '—',
  '〜': '~',
};

const FOLDED_CODES: ReadonlyMap<number, number> = new Map(Object.entries(FOLDS).map(([from, to]) => [from.charCodeAt(0), to.charCodeAt(0)]));
