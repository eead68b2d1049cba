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
