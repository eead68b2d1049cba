/**
 * One line of BuildKit's plain progress output (`docker build --progress=plain`, `docker buildx build`), as the
 * printer of `util/progress/progressui` writes it: `#N <header>`, `#N DONE 1.2s`, `#N CACHED`, `#N CANCELED`,
 * `#N ERROR: <message>`, `#N 1.055 <output>`, `#N ...` (the vertex continues later), `#N <status>`; and the build's
 * closing error. CI logs may put a timestamp before each line (GitHub Actions: `2024-05-01T12:00:00.1234567Z `).
 */

/** What a `#N` line says about vertex N. */
export type VertexEvent =
  | { kind: 'done'; durationMs: number }
  | { kind: 'cached' }
  | { kind: 'canceled' }
  | { kind: 'error'; message: string }
  /** `#N ...`: the printer switches to another vertex; this one continues later under a repeated header. */
  | { kind: 'paused' }
  | { kind: 'output'; seconds: number; text: string }
  /** A header (`[base 2/3] RUN make`, `exporting to image`) or a status line (`transferring context: 2B done`):
   *  which one depends on what the reader has seen of the vertex. */
  | { kind: 'text'; text: string };

/** A classified line, with the wall-clock time of its timestamp prefix (ms since the epoch) or null. */
export type ProgressLine = { time: number | null } & (
  | { kind: 'vertex'; id: number; event: VertexEvent }
  /** The build's closing error: `ERROR: failed to solve: ...`, or Docker 20.10's `failed to solve with frontend ...`. */
  | { kind: 'build-error'; message: string }
  /** `------`, which opens and closes the summary BuildKit prints about a failed step. */
  | { kind: 'summary-rule' }
  | { kind: 'blank' }
  | { kind: 'other'; text: string }
);

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)) ?/;
const HASH = 35;
const SPACE = 32;
const DONE = /^DONE (\d+(?:\.\d+)?)s$/;
const OUTPUT = /^(\d+\.\d+)(?: (.*))?$/;
const BUILD_ERROR = /^(?:(?:ERROR|error): (.*)|(failed to solve.*))$/;
// ANSI colour codes, which some CI runners add (`docker buildx` in a TTY-less CI prints none itself).
const ANSI_ESCAPE = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Classifies one line (without its line break); never throws. */
export function parseProgressLine(raw: string): ProgressLine {
  let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.includes('\u001b')) line = line.replace(ANSI_ESCAPE, '');
  let time: number | null = null;
  if (isDigit(line.charCodeAt(0))) {
    const stamp = TIMESTAMP.exec(line);
    if (stamp) {
      const parsed = Date.parse(stamp[1]);
      if (!Number.isNaN(parsed)) {
        time = parsed;
        line = line.slice(stamp[0].length);
      }
    }
  }
  if (line.charCodeAt(0) === HASH) {
    // `#<digits> <rest>`, read by hand: this runs for every line of logs of 50,000 lines and more.
    let end = 1;
    while (isDigit(line.charCodeAt(end))) end++;
    if (end > 1 && line.charCodeAt(end) === SPACE) {
      return { time, kind: 'vertex', id: Number(line.slice(1, end)), event: vertexEvent(line.slice(end + 1)) };
    }
  }
  if (line.trim() === '') return { time, kind: 'blank' };
  if (line === '------') return { time, kind: 'summary-rule' };
  const error = BUILD_ERROR.exec(line);
  if (error) return { time, kind: 'build-error', message: error[1] ?? error[2] };
  return { time, kind: 'other', text: line };
}

function vertexEvent(rest: string): VertexEvent {
  switch (rest) {
    case 'CACHED':
      return { kind: 'cached' };
    case 'CANCELED':
      return { kind: 'canceled' };
    case '...':
      return { kind: 'paused' };
  }
  if (rest.startsWith('DONE ')) {
    const done = DONE.exec(rest);
    if (done) return { kind: 'done', durationMs: Math.round(Number(done[1]) * 1000) };
  }
  if (rest.startsWith('ERROR')) {
    if (rest === 'ERROR') return { kind: 'error', message: '' };
    if (rest.startsWith('ERROR: ')) return { kind: 'error', message: rest.slice('ERROR: '.length) };
  }
  if (isDigit(rest.charCodeAt(0))) {
    const output = OUTPUT.exec(rest);
    if (output) return { kind: 'output', seconds: Number(output[1]), text: output[2] ?? '' };
  }
  return { kind: 'text', text: rest };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
