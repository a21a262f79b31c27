/**
 * Folds the ways Chinese text writes the characters of a figure to one form, character for
 * character (the result has the same length, so offsets stay valid): full-width ASCII
 * (`１２．５％` → `12.5%`, `（` → `(`, as the extractor's compact text does), the ratio colon
 * `∶` → `:`, the circle `○` that often stands for 〇 in years, and every range dash
 * (`—`, `–`, `－`, `〜`, `～`) → `—`.
 */
export function foldFigureText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    const folded = code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : char;
    out += FOLDS[folded] ?? folded;
  }
  return out;
}

const FOLDS: Readonly<Record<string, string>> = {
  '∶': ':',
  '○': '〇',
  '–': '—',
  '―': '—',
  '‒': '—',
  '〜': '~',
};
