import * as vscode from 'vscode';
import type * as core from '../core/model';

/** The one place where the pure core's plain data becomes `vscode` types, and back. */

/** A core position (0-based, UTF-16, like the editor's) as a `vscode.Position`. */
export function toPosition(position: core.Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

/** A `vscode.Position` as a core position. */
export function fromPosition(position: vscode.Position): core.Position {
  return { line: position.line, character: position.character };
}

/** A core range (0-based, end exclusive, like the editor's) as a `vscode.Range`. */
export function toRange(range: core.Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** A `vscode.Range` as a core range. */
export function fromRange(range: vscode.Range): core.Range {
  return { start: fromPosition(range.start), end: fromPosition(range.end) };
}

/** A core edit as a `vscode.TextEdit`. */
export function toTextEdit(edit: core.TextEdit): vscode.TextEdit {
  return vscode.TextEdit.replace(toRange(edit.range), edit.newText);
}

/** Core edits of one document as a `vscode.WorkspaceEdit`, applied as one undoable step. */
export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly core.TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(uri, edits.map(toTextEdit));
  return workspaceEdit;
}

const severities: Record<core.Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The `source` shown next to every Stageflow diagnostic. */
export const diagnosticSource = 'stageflow';

/** A core diagnostic as a `vscode.Diagnostic`, its code linked to the rule's documentation when there is one. */
export function toDiagnostic(diagnostic: core.Diagnostic): vscode.Diagnostic {
  const converted = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, severities[diagnostic.severity]);
  converted.source = diagnosticSource;
  if (diagnostic.code === 'stageflow.unreachableStage') {
    // Greyed out like unused code: the stage is parsed but never built for the target.
    converted.tags = [vscode.DiagnosticTag.Unnecessary];
  }
  converted.code = diagnostic.href
    ? { value: diagnostic.code, target: vscode.Uri.parse(diagnostic.href, true) }
    : diagnostic.code;
  return converted;
}

/** The rule name of a diagnostic code, whether or not it carries a documentation link. */
export function diagnosticCodeValue(code: vscode.Diagnostic['code']): string | undefined {
  if (code === undefined) {
    return undefined;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}
