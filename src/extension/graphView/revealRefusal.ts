/** What the graph view asks the editor to show: the FROM of a stage (0-based index), or a line (1-based). */
export type RevealRequest = { stage: number } | { line: number };

/** The size of the document a reveal request is checked against, as the panel last drew it. */
export interface RevealBounds {
  stageCount: number;
  lineCount: number;
}

/**
 * Why a reveal request from the webview is refused, or null when it may go ahead. The webview is an untrusted
 * renderer and can lag behind edits, so a stage or line the document does not have is refused, never clamped.
 * Pure, so the check is unit-tested without VS Code.
 */
export function revealRefusal(request: RevealRequest, bounds: RevealBounds): string | null {
  if ('stage' in request) {
    const { stage } = request;
    if (Number.isInteger(stage) && stage >= 0 && stage < bounds.stageCount) return null;
    return `refused to reveal stage ${stage}; the file has ${bounds.stageCount} stages.`;
  }
  const { line } = request;
  if (Number.isInteger(line) && line >= 1 && line <= bounds.lineCount) return null;
  return `refused to reveal line ${line}; the document has ${bounds.lineCount} lines.`;
}
