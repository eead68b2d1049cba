import type { Diagnostic } from '../core/model';

/**
 * One diagnostic as compilers print them, `file:line:col: severity code: message`, with 1-based line and column
 * (the model's ranges are 0-based) so editors and CI annotate the right place.
 */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  const message = diagnostic.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `${file}:${line + 1}:${character + 1}: ${diagnostic.severity} ${diagnostic.code}: ${message}`;
}
