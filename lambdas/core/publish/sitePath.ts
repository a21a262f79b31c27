/**
 * Whether a path names a file inside the site: relative, `/`-separated, no empty, `.` or `..`
 * segment, no backslash or control character. Paths from a manifest are checked with this before
 * a store is asked to delete them (a tampered `../victim.txt` must never leave the site).
 */
export function isSitePath(path: string): boolean {
  if (path === '' || path.length > 1024 || path.startsWith('/') || /[\\\u0000-\u001F\u007F]/.test(path)) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
