// Diagnostics from the core (BuildKit errors and build checks, Stageflow hints) with codes, documentation links and
// quick fixes (issue 3: Diagnostics).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitled, waitFor, withSetting } from './dockerfileTestHelpers';

/** A diagnostic as "line:severity:code:message", the link appended when the code has one. */
function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const code = typeof diagnostic.code === 'object' ? `${diagnostic.code.value} <${diagnostic.code.target.toString(true)}>` : String(diagnostic.code);
  return `${diagnostic.range.start.line}:${vscode.DiagnosticSeverity[diagnostic.severity]}:${code}:${diagnostic.message}`;
}

/** Waits until the document's Stageflow diagnostics are exactly `expected` (as `describeDiagnostic`, any order). */
async function expectDiagnostics(document: vscode.TextDocument, expected: string[]): Promise<vscode.Diagnostic[]> {
  const read = () => vscode.languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'stageflow');
  const same = (current: vscode.Diagnostic[]) => JSON.stringify(current.map(describeDiagnostic).sort()) === JSON.stringify([...expected].sort());
  try {
    return await waitFor(read, same, `the diagnostics of ${document.uri.toString(true)}`);
  } catch {
    // Timed out: show the difference as a diff rather than as JSON.
    const current = read();
    assert.deepEqual(current.map(describeDiagnostic).sort(), [...expected].sort());
    return current;
  }
}

async function quickFixesAt(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, range, vscode.CodeActionKind.QuickFix.value);
  return actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value && action.title !== undefined);
}

describe('Stage diagnostics', () => {
  afterEach(closeAllEditors);

  // SEMANTICS.md: a numeric --from beyond the last stage is an error (index-out-of-range); StageNameCasing is a
  // build check; a --from naming no stage is pulled as an image, which Stageflow flags when a stage name is close.
  it('reports errors, build checks and hints with codes and documentation links', async () => {
    const document = await openFixture('features/errors.Dockerfile');
    await expectDiagnostics(document, [
      "0:Warning:StageNameCasing <https://docs.docker.com/go/dockerfile/rule/stage-name-casing/>:Stage name 'Builder' should be lowercase",
      "4:Warning:stageflow.misspeltStage:'bulider' is not a stage, so it is pulled as an image; did you mean stage 'builder'?",
      '5:Error:InvalidStageIndex:invalid stage index 7',
    ]);
  });

  it('greys out a stage that is not built for the target', async () => {
    const document = await openUntitled('FROM alpine AS unused', 'FROM alpine AS app');
    const [hint] = await expectDiagnostics(document, ["0:Hint:stageflow.unreachableStage:Stage 'unused' is not built for target 'app'."]);
    assert.deepEqual(hint.tags, [vscode.DiagnosticTag.Unnecessary]);
  });

  it('fixes a misspelt stage reference', async () => {
    const document = await openUntitled('FROM alpine AS builder', 'FROM scratch', 'COPY --from=bulider /x /x');
    await expectDiagnostics(document, [
      "0:Hint:stageflow.unreachableStage:Stage 'builder' is not built for target 'stage-1'.",
      "2:Warning:stageflow.misspeltStage:'bulider' is not a stage, so it is pulled as an image; did you mean stage 'builder'?",
    ]);
    const [fix] = await quickFixesAt(document, new vscode.Range(2, 14, 2, 14));
    assert.equal(fix.title, "Use stage 'builder'");
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(document.getText(), 'FROM alpine AS builder\nFROM scratch\nCOPY --from=builder /x /x\n');
    await expectDiagnostics(document, []);
  });

  it('fixes a stage name that is not lowercase, with every reference', async () => {
    const document = await openUntitled('FROM alpine AS Builder', 'FROM scratch', 'COPY --from=BUILDER /x /x');
    await expectDiagnostics(document, [
      "0:Warning:StageNameCasing <https://docs.docker.com/go/dockerfile/rule/stage-name-casing/>:Stage name 'Builder' should be lowercase",
    ]);
    const [fix] = await quickFixesAt(document, new vscode.Range(0, 16, 0, 16));
    assert.equal(fix.title, "Rename stage to 'builder'");
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(document.getText(), 'FROM alpine AS builder\nFROM scratch\nCOPY --from=builder /x /x\n');
    await expectDiagnostics(document, []);
  });

  it('clears them when stageflow.diagnostics.enabled is false, and brings them back', async () => {
    const document = await openFixture('features/duplicates.Dockerfile');
    const duplicate =
      '3:Warning:DuplicateStageName <https://docs.docker.com/go/dockerfile/rule/duplicate-stage-name/>:Duplicate stage name "tools", stage names should be unique';
    await expectDiagnostics(document, [duplicate]);
    await withSetting('diagnostics.enabled', false, async () => {
      await expectDiagnostics(document, []);
    });
    await expectDiagnostics(document, [duplicate]);
  });
});
