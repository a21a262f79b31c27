/**
 * Whether a path names a file inside the site: relative, `/`-separated, no empty, `.` or `..`
 * segment, no backslash or control character. Paths from a manifest are checked with this before
 * a store is asked to delete them (a tampered `../victim.txt` must never leave the site).
 */
export function isSitePath(path: string): boolean {
  return path.length <= 1024 && SITE_PATH.test(path);
}

/** One segment: not `.` or `..`, no slash, backslash or control character (one regex: the planner checks every file). */
const SEGMENT = String.raw`(?!\.\.?(?:/|$))[^/\\\u0000-\u001F\u007F]+`;
const SITE_PATH = new RegExp(`^${SEGMENT}(?:/${SEGMENT})*$`);
