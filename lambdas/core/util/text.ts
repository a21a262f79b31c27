/** The text with its first letter in upper case: a name or a sentence as English starts it. */
/** The first letter upper-cased, after any opening quote mark (`“four good” roads` → `“Four good” roads`). */
export function capitalise(text: string): string {
  return text.replace(/^([“‘"']?)(.)/u, (_, mark: string, first: string) => `${mark}${first.toUpperCase()}`);
}
