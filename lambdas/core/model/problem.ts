/** One thing wrong with one input: where (file and JSON path) and what. */
export interface Problem {
  readonly file: string;
  /** JSONPath into the document, `$` for the whole file: `$.indicators[3].unit`. */
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** One line per problem, whatever the names hold: a file name with a newline or a quote is written as a JSON string. */
export function formatProblem(problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  return `${quoteName(problem.file)}: ${problem.path}: ${tag}${oneLine(problem.message)}`;
}

const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029"\\\s]/;
const LINE_BREAKING = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;

/** A file or key name as messages show it: bare when harmless, else quoted (`"briefings/a\nb.json"`). */
export function quoteName(name: string): string {
  return UNSAFE_IN_NAME.test(name) ? JSON.stringify(name) : name;
}

function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, (c) => JSON.stringify(c).slice(1, -1));
}

export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const name = String(segment);
    return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
  }, '$');
}
