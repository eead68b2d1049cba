// CodeLens above every FROM (base, users, target, graph) and numeric reference (issue 3: CodeLens).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitled, waitFor, withSetting } from './dockerfileTestHelpers';

/** Lenses that act through another feature's command (graph view, refactorings, building), which these tests leave out. */
const otherFeatures = new Set(['stageflow.showGraph', 'stageflow.nameStage', 'stageflow.extractStage', 'stageflow.extractBase', 'stageflow.build', 'stageflow.cancelBuild']);

/** The stage summary lenses as "line: title", in the order the editor shows them. */
async function lensTitles(document: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return lenses
    .filter((lens) => !otherFeatures.has(lens.command?.command ?? ''))
    .map((lens) => `${lens.range.start.line}: ${lens.command?.title ?? '(unresolved)'}`);
}

async function lensesWithCommand(document: vscode.TextDocument, command: string): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return lenses.filter((lens) => lens.command?.command === command);
}

describe('Stage CodeLens', () => {
  afterEach(closeAllEditors);

  // SEMANTICS.md, "What gets built": the last stage is the target; stages it does not reach are skipped.
  it('says above each FROM where the stage builds from, who uses it and whether it is built', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    assert.deepEqual(await lensTitles(document), [
      '4: builds on golang:1.22',
      '4: used by 2 stages: test (FROM), runtime (COPY ×2, mount)',
      '4: built for runtime',
      '9: builds on stage build',
      '9: used by no other stage',
      '9: not built for runtime',
      '12: builds on alpine:3.20',
      '12: used by 1 stage: runtime (FROM)',
      '12: built for runtime',
      '15: builds on stage app-base',
      '15: used by no other stage',
      '15: default target',
    ]);
  });

  it('jumps to the base stage and lists the users through real commands', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    const [reveal] = await lensesWithCommand(document, 'stageflow.revealStage');
    assert.deepEqual(reveal.command?.arguments, [document.uri, 0]);
    const [users] = await lensesWithCommand(document, 'editor.action.showReferences');
    const locations = users.command?.arguments?.[2] as vscode.Location[];
    assert.deepEqual(
      locations.map((location) => location.range.start.line),
      [9, 13, 16, 17],
    );
  });

  it('offers "Show in graph" on every FROM, and the lens opens the graph view on that stage (the cursor moves to its FROM)', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    const lenses = await lensesWithCommand(document, 'stageflow.showGraph');
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.arguments]),
      [4, 9, 12, 15].map((line, stage) => [line, 'Show in graph', [document.uri, stage]]),
    );
    await vscode.commands.executeCommand(lenses[1].command?.command ?? '', ...(lenses[1].command?.arguments ?? []));
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [9, 0]);
    await waitFor(
      () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('stageflow.graph')),
      (open) => open,
      'the graph view to open',
    );
  });

  it('offers to name a stage that is referenced by index, on the FROM and on the reference', async () => {
    const document = await openUntitled('FROM alpine', 'RUN true', 'FROM scratch', 'COPY --from=0 / /');
    const lenses = await lensesWithCommand(document, 'stageflow.nameStage');
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.arguments]),
      [
        [0, 'Name stage 0…', [document.uri, 0]],
        [3, 'Name stage 0…', [document.uri, 0]],
      ],
    );
  });

  it("offers a named stage's name for a numeric reference, and the lens's command applies it", async () => {
    const document = await openUntitled('FROM alpine AS base', 'FROM scratch', 'COPY --from=0 / /');
    const [lens, ...others] = await lensesWithCommand(document, 'stageflow.nameStage');
    assert.deepEqual(others, []);
    assert.deepEqual([lens.range.start.line, lens.command?.title, lens.command?.arguments], [2, 'Use the name base', [document.uri, 0, 'base']]);
    await vscode.commands.executeCommand(lens.command?.command ?? '', ...(lens.command?.arguments ?? []));
    assert.equal(document.getText(), 'FROM alpine AS base\nFROM scratch\nCOPY --from=base / /\n');
  });

  it('follows the stageflow.target setting', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    await withSetting('target', 'test', async () => {
      const titles = await waitFor(
        () => lensTitles(document),
        (current) => current.includes('9: target'),
        'the lenses to follow the target setting',
      );
      assert.ok(titles.includes('15: not built for test'), titles.join('\n'));
      assert.ok(titles.includes('4: built for test'), titles.join('\n'));
    });
  });

  // SEMANTICS.md, "Variables": meta ARGs in FROM take --build-arg values.
  it('resolves FROM with the stageflow.buildArgs setting', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    await withSetting('buildArgs', { ALPINE: 'alpine:3.19' }, async () => {
      await waitFor(
        () => lensTitles(document),
        (current) => current.includes('12: builds on alpine:3.19'),
        'the lenses to use the build arg',
      );
    });
    assert.ok((await lensTitles(document)).includes('12: builds on alpine:3.20'));
  });

  it('disappears when stageflow.codeLens.enabled is false', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    await withSetting('codeLens.enabled', false, async () => {
      assert.deepEqual(await lensTitles(document), []);
    });
    assert.ok((await lensTitles(document)).length > 0);
  });
});
