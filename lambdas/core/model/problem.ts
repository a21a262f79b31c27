/** One thing wrong with one input: where (file and JSON path) and what. */
export interface Problem {
  readonly file: string;
  /** JSONPath into the document, `$` for the whole file: `$.indicators[3].unit`. */
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export function formatProblem(problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}: ${problem.path}: ${tag}${problem.message}`;
}

export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const name = String(segment);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
  }, '$');
}
