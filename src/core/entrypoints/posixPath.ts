/**
 * POSIX path arithmetic on plain strings, so the entry-point core runs where Node's `path` does not (a web worker).
 * Paths are `/`-separated; a leading `/` makes them absolute; anything else is relative to the caller's root.
 */

/** Resolves `.` and `..` segments and repeated slashes; `..` above a relative root is kept. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..') segments.pop();
    else if (segment !== '..' || !absolute) segments.push(segment);
  }
  const joined = segments.join('/');
  return absolute ? `/${joined}` : joined === '' ? '.' : joined;
}

/** `relative` taken from directory `base` (an absolute `relative` stands alone). */
export function joinPath(base: string, relative: string): string {
  return normalizePath(relative.startsWith('/') ? relative : `${base}/${relative}`);
}

/** The directory part of a path (`.` for a bare file name). */
export function parentDirectory(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : path.slice(0, slash);
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The path of `to` seen from directory `from` (both normalised the same way): `../Dockerfile`, `app/Dockerfile`. */
export function relativePath(from: string, to: string): string {
  const fromSegments = normalizePath(from).split('/').filter((segment) => segment !== '' && segment !== '.');
  const toSegments = normalizePath(to).split('/').filter((segment) => segment !== '' && segment !== '.');
  let shared = 0;
  while (shared < fromSegments.length && shared < toSegments.length && fromSegments[shared] === toSegments[shared]) shared++;
  const up = fromSegments.slice(shared).map(() => '..');
  return [...up, ...toSegments.slice(shared)].join('/') || '.';
}
