import * as vscode from 'vscode';
import { toDot } from '../../core/export/toDot';
import { toMermaid } from '../../core/export/toMermaid';
import { toSvg } from '../../core/export/toSvg';
import type { StageGraph } from '../../core/model';
import type { ExportFormat } from '../../shared/protocol';
import type { LayoutRequest, LayoutRunner } from './layoutRunner';
import { uriBaseName } from './uriBaseName';

/**
 * The view's export buttons for a document's resolved `graph`: SVG (the view's own picture, laid out by `runner`
 * off the host's event loop from `request`) to a file the user picks, Mermaid or DOT to the clipboard. Returns the
 * sentence the view shows, or undefined when the user cancelled.
 */
export async function exportGraph(
  format: ExportFormat,
  document: vscode.TextDocument,
  graph: StageGraph,
  request: LayoutRequest,
  runner: Pick<LayoutRunner, 'run'>,
): Promise<string | undefined> {
  if (format === 'svg') {
    const target = await vscode.window.showSaveDialog({
      defaultUri: document.isUntitled ? undefined : document.uri.with({ path: `${document.uri.path}.svg` }),
      filters: { SVG: ['svg'] },
      title: 'Save Stage Graph as SVG',
    });
    if (!target) return undefined;
    const svg = toSvg(graph, await runner.run(request));
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
    return `Saved ${uriBaseName(target)}`;
  }
  await vscode.env.clipboard.writeText(format === 'mermaid' ? toMermaid(graph) : toDot(graph));
  return `${format === 'mermaid' ? 'Mermaid' : 'DOT'} copied to the clipboard`;
}
