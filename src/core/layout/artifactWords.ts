import type { Artifact } from '../model';
import { shortenMiddle } from './shortenText';

/** Destinations longer than this keep their first and last segment (`/usr/…/bin/`). */
const DESTINATION_UP_TO = 16;

/** A path as written without the quotes a JSON-form or quoted shell word keeps. */
function unquote(path: string): string {
  return path.length >= 2 && (path[0] === '"' || path[0] === "'") && path.endsWith(path[0]) ? path.slice(1, -1) : path;
}

/** A segment that says nothing on its own: a bare wildcard, or nothing but a variable. */
function saysNothing(segment: string): boolean {
  return /^[*?]+$/.test(segment) || /^\$(\{[^}]*\}|\w+)$/.test(segment);
}

/**
 * A COPY or mount source in words a reader understands: a one-segment path as written (`/out` says more than
 * `out`), longer ones by their last meaningful segment (`/usr/bin/runc` -> `runc`, `/out/nydus-static/*` -> `nydus-static/*`, `*.so` stays), and
 * the root of the stage (`/`, `.`, `/*`) as `whole stage`; never a bare `/` or `*`.
 */
export function sourceWords(source: string): string {
  const path = unquote(source.trim());
  const directory = path.endsWith('/');
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || (segments.length === 1 && /^[*?]+$/.test(segments[0]))) return 'whole stage';
  if (segments.length === 1) return path;
  const last = segments[segments.length - 1];
  const words = saysNothing(last) && segments.length > 1 ? `${segments[segments.length - 2]}/${last}` : last;
  return directory ? `${words}/` : words;
}

/**
 * A destination in words: `.` and `./` are the working directory, long paths keep their first and last segments
 * (`/opt/…/bin/`), everything else as written.
 */
export function destinationWords(destination: string): string {
  const path = unquote(destination.trim());
  if (path === '.' || path === './') return 'workdir';
  if (Array.from(path).length <= DESTINATION_UP_TO) return path;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length < 3) return path;
  const shortened = `${path.startsWith('/') ? '/' : ''}${segments[0]}/…/${segments[segments.length - 1]}${path.endsWith('/') ? '/' : ''}`;
  return Array.from(shortened).length < Array.from(path).length ? shortened : path;
}

/** What the sources of one or more instructions carry, in words: `runc`, `bridge +4`. */
function sourcesSummary(sources: readonly string[]): string {
  const first = sourceWords(sources[0] ?? '/');
  return sources.length > 1 ? `${first} +${sources.length - 1}` : first;
}

/**
 * What one or several COPY (or mount) instructions between the same two stages move, in words: `runc → /usr/bin/`,
 * `whole stage → /out/`, `bridge +3` when the destinations differ. A file landing under its own name shows the
 * folder it lands in (`/tmp/.ldflags` mounted at `/tmp/.ldflags` -> `.ldflags → /tmp/`). Longer than `max`
 * characters, the destination keeps its last folder (`…/certs/`), then the source its ends (`ca-ce…es.crt`).
 */
export function artifactWords(artifacts: readonly Artifact[], max = Infinity): string {
  if (artifacts.length === 0) return '';
  const sources = artifacts.flatMap((artifact) => (artifact.sources.length > 0 ? artifact.sources : ['/']));
  const what = sourcesSummary(sources);
  const destinations = new Set(artifacts.map((artifact) => unquote(artifact.destination.trim())));
  const [destination] = destinations;
  // Merged copies landing in different places, or a mount with no target written: the sources say enough.
  if (destinations.size !== 1 || destination === '') return shortenMiddle(what, max);
  const where = destinationWords(landingFolder(sources, destination));
  const length = (text: string): number => Array.from(text).length;
  if (length(what) + 3 + length(where) <= max) return `${what} → ${where}`;
  const tail = lastFolder(where);
  return `${shortenMiddle(what, Math.max(MIN_SOURCE_LENGTH, max - 3 - length(tail)))} → ${tail}`;
}

/** The shortest a shortened source gets: enough to recognise it. */
const MIN_SOURCE_LENGTH = 8;

/** `…/` and the last segment of a path (with its trailing slash), when that is shorter. */
function lastFolder(path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '…');
  if (segments.length < 2) return path;
  const tail = `…/${segments[segments.length - 1]}${path.endsWith('/') ? '/' : ''}`;
  return Array.from(tail).length < Array.from(path).length ? tail : path;
}

/** The folder a single file lands in when the destination repeats its name, else the destination. */
function landingFolder(sources: readonly string[], destination: string): string {
  if (sources.length !== 1) return destination;
  const name = unquote(sources[0]).split('/').filter(Boolean).pop();
  if (!name || saysNothing(name) || !destination.endsWith(`/${name}`)) return destination;
  return destination.slice(0, destination.length - name.length);
}
