/**
 * Precision and recall of extracted statements against a hand-labelled list. An extracted
 * statement is right when its quote overlaps a labelled one (code-point ranges intersect) and
 * value, unit and kind agree; each label is matched at most once.
 */

export interface Labelled {
  readonly quote: string;
  readonly offset: number;
  readonly value: number;
  /** Unit key; null when the glossary has no unit for what was written (`unitWord`). */
  readonly unit: string | null;
  readonly unitWord?: string;
  readonly kind: string;
  readonly metric?: string;
}

export interface Scored<T extends Labelled = Labelled> {
  readonly labelled: number;
  readonly extracted: number;
  readonly right: number;
  readonly precision: number;
  readonly recall: number;
  /** Labels nothing matched. */
  readonly missed: readonly Labelled[];
  /** Extracted statements that matched no label. */
  readonly wrong: readonly T[];
  /** Each label with the statement that matched it. */
  readonly pairs: ReadonlyArray<readonly [Labelled, T]>;
}

export function score<T extends Labelled>(labels: readonly Labelled[], extracted: readonly T[]): Scored<T> {
  const used = new Set<number>();
  const missed: Labelled[] = [];
  const pairs: Array<readonly [Labelled, T]> = [];
  for (const label of labels) {
    const index = extracted.findIndex((e, i) => !used.has(i) && overlaps(label, e) && agrees(label, e));
    if (index < 0) missed.push(label);
    else {
      used.add(index);
      pairs.push([label, extracted[index] as T]);
    }
  }
  const right = used.size;
  return {
    labelled: labels.length,
    extracted: extracted.length,
    right,
    precision: extracted.length === 0 ? 1 : right / extracted.length,
    recall: labels.length === 0 ? 1 : right / labels.length,
    missed,
    wrong: extracted.filter((_, i) => !used.has(i)),
    pairs,
  };
}

function overlaps(a: Labelled, b: Labelled): boolean {
  return a.offset < b.offset + length(b.quote) && b.offset < a.offset + length(a.quote);
}

function agrees(label: Labelled, e: Labelled): boolean {
  if (Math.abs(label.value - e.value) > 1e-9 || label.kind !== e.kind) return false;
  return label.unit === null ? e.unit === null && (label.unitWord ?? '') === (e.unitWord ?? '') : label.unit === e.unit;
}

function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
