/** The text with its first letter in upper case: a name or a sentence as English starts it. */
export function capitalise(text: string): string {
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text;
}
