import { toMermaid } from '../export/toMermaid';
import { buildStageGraph } from '../graph/buildStageGraph';
import type { TextEdit } from '../model';
import type { DiagramBlock } from './findDiagramBlocks';

/** What one diagram block needs. */
export interface DiagramBlockUpdate {
  block: DiagramBlock;
  /**
   * `current`: the block already holds the diagram of its Dockerfile; `stale`: `edit` replaces what it holds;
   * `missingDockerfile`: the caller had no text for `block.dockerfile`.
   */
  status: 'current' | 'stale' | 'missingDockerfile';
  /** Replaces `block.contentRange` with the diagram; null unless stale. */
  edit: TextEdit | null;
  /** BuildKit's message when the Dockerfile does not build for the marker's options (the diagram is still drawn). */
  buildError: string | null;
}

/**
 * Decides, for each block, whether it shows the current diagram of its Dockerfile, and the edit that makes it do so.
 * `dockerfileText` gives the text of a Dockerfile by its path as written in the marker (undefined when it cannot be
 * had); the caller reads the files, so this works on an editor's unsaved buffers as well as on disk.
 */
export function updateDiagramBlocks(
  blocks: readonly DiagramBlock[],
  dockerfileText: (dockerfile: string) => string | undefined,
): DiagramBlockUpdate[] {
  return blocks.map((block) => {
    const text = dockerfileText(block.dockerfile);
    if (text === undefined) return { block, status: 'missingDockerfile', edit: null, buildError: null };
    const graph = buildStageGraph(text, block.options);
    const content = diagramBlockContent(toMermaid(graph), block);
    const buildError = graph.ok ? null : (graph.error ?? 'BuildKit would reject this Dockerfile');
    if (content === block.content) return { block, status: 'current', edit: null, buildError };
    return { block, status: 'stale', edit: { range: block.contentRange, newText: content }, buildError };
  });
}

/**
 * The lines a block holds: a fenced `mermaid` code block with the diagram, in the block's line breaks and
 * indentation. The fence is longer than any run of backticks in the diagram, so nothing in it can close the fence.
 */
function diagramBlockContent(mermaid: string, block: Pick<DiagramBlock, 'eol' | 'indent'>): string {
  const longestRun = Math.max(0, ...(mermaid.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  const lines = [`${fence}mermaid`, ...mermaid.replace(/\n$/, '').split('\n'), fence];
  return lines.map((line) => `${block.indent}${line}${block.eol}`).join('');
}
