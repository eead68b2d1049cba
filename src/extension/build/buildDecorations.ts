import * as vscode from 'vscode';
import { buildAnnotations, type AnnotationState, type LineAnnotation } from '../../core/buildrun/buildAnnotations';
import { Disposable } from '../disposable';
import type { BuildResults } from './buildResults';

/** The colour of each annotation state: theme colours only, so every theme (high contrast included) reads them. */
const STATE_COLORS: Record<AnnotationState, string> = {
  queued: 'editorCodeLens.foreground',
  running: 'editorInfo.foreground',
  done: 'editorCodeLens.foreground',
  cached: 'editorCodeLens.foreground',
  failed: 'editorError.foreground',
  canceled: 'editorWarning.foreground',
  'not-run': 'disabledForeground',
};

/**
 * Shows a build's time and state after each line of the Dockerfile it built, in every editor of that document:
 * `1.2s`, `cached`, `running 3s`, `failed` after instructions, the stage's summary after its FROM, with the
 * step's output and error in the hover. Gone as soon as the document changes (the results are dropped).
 */
export class BuildDecorations extends Disposable {
  private readonly types = new Map<AnnotationState, vscode.TextEditorDecorationType>();

  constructor(private readonly results: BuildResults) {
    super();
    for (const [state, color] of Object.entries(STATE_COLORS) as [AnnotationState, string][]) {
      this.types.set(
        state,
        this.register(vscode.window.createTextEditorDecorationType({
          after: { color: new vscode.ThemeColor(color), margin: '0 0 0 2em', fontStyle: state === 'cached' || state === 'not-run' ? 'italic' : 'normal' },
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        })),
      );
    }
    this.register(results.onDidChange((uri) => this.render(uri)));
    this.register(vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.renderEditor(editor))));
  }

  /** The annotations shown for a document now (for the integration tests). */
  annotations(uri: vscode.Uri): LineAnnotation[] {
    const result = this.results.get(uri);
    return result?.timeline ? buildAnnotations(result.timeline, result.graph, Date.now()) : [];
  }

  private render(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) this.renderEditor(editor);
    }
  }

  private renderEditor(editor: vscode.TextEditor): void {
    const byState = new Map<AnnotationState, vscode.DecorationOptions[]>();
    for (const annotation of this.annotations(editor.document.uri)) {
      if (annotation.line > editor.document.lineCount) continue;
      const line = editor.document.lineAt(annotation.line - 1);
      const options: vscode.DecorationOptions = {
        range: new vscode.Range(line.range.end, line.range.end),
        hoverMessage: hover(annotation),
        renderOptions: { after: { contentText: annotation.text } },
      };
      byState.set(annotation.state, [...(byState.get(annotation.state) ?? []), options]);
    }
    for (const [state, type] of this.types) editor.setDecorations(type, byState.get(state) ?? []);
  }
}

/** The hover of an annotation: its lines as text (nothing in them is read as Markdown), then the output. */
function hover(annotation: LineAnnotation): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  for (const line of annotation.detail) markdown.appendText(line).appendMarkdown('\n\n');
  if (annotation.output.length > 0) markdown.appendCodeblock(annotation.output.join('\n'), 'text');
  return markdown;
}
