// CodeLens above every FROM (base, users, target, graph) and numeric reference (issue 3: CodeLens).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitled, waitFor, withSetting } from './dockerfileTestHelpers';
import { LENS_LINE_BUDGET } from '../../src/core/editor/fitLensLine';
import { panelReport } from './graphPanelReport';
import { getStageflowExtension } from './stageflowExtension';
import { workbenchScreenshot } from './workbenchScreenshot';

/** Lenses that act through another feature's command (graph view, naming a stage, building), which these tests leave out. */
const otherFeatures = new Set(['stageflow.showGraph', 'stageflow.nameStage', 'stageflow.build', 'stageflow.cancelBuild']);

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
  it('says above each FROM what ARGs make its base, how many stages use it and whether it is built; details in the tooltips', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    assert.deepEqual(await lensTitles(document), [
      '4: 2 users',
      '4: built',
      '9: unused',
      '9: not built',
      // "built" is the least telling lens: it gives its room to the FROM (LENS_LINE_BUDGET).
      '12: FROM alpine:3.20',
      '12: 1 user',
      '15: unused',
      '15: target',
    ]);
    // VS Code hands tooltips back to extensions only for lenses whose command takes objects; the unit tests read
    // every tooltip from the core.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.deepEqual(
      lenses.filter((lens) => lens.range.start.line === 4 && lens.command?.tooltip !== undefined).map((lens) => lens.command?.tooltip),
      [
        // VS Code for the Web cannot build, so it offers no Build lens (extensionHost.test.ts).
        ...(process.env.STAGEFLOW_TEST_MODE === 'web' ? [] : ['Build this stage: --target Build (stageflow.build.command, --progress=plain)']),
        'Used by test (FROM), runtime (COPY ×2, mount): show the references',
        'Open the stage graph of this Dockerfile with this stage highlighted',
      ],
    );
  });

  it('jumps to a base stage reached through an ARG and lists the users through real commands', async () => {
    const reached = await openUntitled('ARG BASE=build', 'FROM alpine AS build', 'FROM ${BASE} AS app');
    const [reveal, ...others] = await lensesWithCommand(reached, 'stageflow.revealStage');
    assert.deepEqual(others, []);
    assert.deepEqual([reveal.range.start.line, reveal.command?.title, reveal.command?.arguments], [2, 'FROM build', [reached.uri, 0]]);
    const document = await openFixture('features/stages.Dockerfile');
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
      assert.ok(titles.includes('15: not built'), titles.join('\n'));
      assert.ok(titles.includes('4: built'), titles.join('\n'));
    });
  });

  // SEMANTICS.md, "Variables": meta ARGs in FROM take --build-arg values.
  it('resolves FROM with the stageflow.buildArgs setting', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    await withSetting('buildArgs', { ALPINE: 'alpine:3.19' }, async () => {
      await waitFor(
        () => lensTitles(document),
        (current) => current.includes('12: FROM alpine:3.19'),
        'the lenses to use the build arg',
      );
    });
    assert.ok((await lensTitles(document)).includes('12: FROM alpine:3.20'));
  });

  it('keeps every line of lenses short enough for an editor beside the graph view, on the examples and the real Dockerfiles', async () => {
    const root = getStageflowExtension().extensionUri;
    const folders = ['examples', 'test/fixtures/real'];
    const files: vscode.Uri[] = [];
    for (const folder of folders) {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, folder)).then(
        (found) => found,
        () => [] as [string, vscode.FileType][],
      );
      files.push(...entries.filter(([name]) => name.endsWith('.Dockerfile')).map(([name]) => vscode.Uri.joinPath(root, folder, name)));
    }
    assert.ok(files.length >= 5, files.map((file) => file.path).join(', '));
    const longest: string[] = [];
    for (const file of files) {
      const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(file), 'dockerfile');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      const lines = new Map<number, string[]>();
      for (const lens of lenses) lines.set(lens.range.start.line, [...(lines.get(lens.range.start.line) ?? []), lens.command?.title ?? '']);
      const drawn = [...lines.values()].map((titles) => titles.join(' | '));
      assert.ok(drawn.length > 0, `${file.path} has lenses`);
      longest.push(drawn.reduce((a, b) => (b.length > a.length ? b : a)));
    }
    // The budget of the core's lensLineBudget test, here with every provider's lenses as VS Code joins them.
    assert.deepEqual(longest.filter((line) => line.length > LENS_LINE_BUDGET), [], longest.join('\n'));
  });

  // The layout of a 1280×800 workbench with the Explorer open and the graph beside the editor, where the editor's
  // text gets some 330 px: `--screenshots` photographs it and measures every lens line drawn (the runner's
  // NAME.codelens.json), the figures LENS_LINE_BUDGET is chosen from.
  it('fits every line of lenses, Compose and Bake lens included, beside the graph view with the Explorer open', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    // Earlier tests' output panel and notifications would cover the editor in the pictures.
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('notifications.clearAll');
    const real = await vscode.languages.setTextDocumentLanguage(
      await vscode.workspace.openTextDocument(vscode.Uri.joinPath(getStageflowExtension().extensionUri, 'test/fixtures/real/moby-buildkit.Dockerfile')),
      'dockerfile',
    );
    const project = await openFixture('entrypoints/Dockerfile');
    for (const [document, line, name] of [[real, 216, 'codelens-narrow-moby-buildkit'], [project, 0, 'codelens-narrow-compose-bake']] as const) {
      const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('stageflow.showGraph', document.uri);
      await waitFor(
        () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('stageflow.graph')),
        (open) => open,
        'the graph view to open',
      );
      // Drawn, so the pictures show the graph view's toolbar and drawing beside the lenses.
      await waitFor(panelReport, (report) => report?.documentUri === document.uri.toString() && report.rendered?.version === document.version, 'the graph to be drawn', 30_000);
      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
      const lines = await waitFor(
        async () => {
          const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
          const titles = new Map<number, string[]>();
          for (const lens of lenses) titles.set(lens.range.start.line, [...(titles.get(lens.range.start.line) ?? []), lens.command?.title ?? '']);
          return [...titles.values()].map((line) => line.join(' | '));
        },
        // The Compose and Bake lenses come once the workspace's files are read.
        (found) => document !== project || found.some((drawn) => drawn.includes('compose+bake')),
        `the lenses of ${document.uri.path}`,
      );
      assert.deepEqual(lines.filter((drawn) => drawn.length > LENS_LINE_BUDGET || !drawn.includes('Show in graph')), [], lines.join('\n'));
      await workbenchScreenshot(`${name}-light`);
      if (process.env.STAGEFLOW_TEST_SCREENSHOTS) {
        const workbench = vscode.workspace.getConfiguration('workbench');
        await workbench.update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
        await workbenchScreenshot(`${name}-dark`);
        await workbench.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
      }
    }
  });

  it('disappears when stageflow.codeLens.enabled is false', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    await withSetting('codeLens.enabled', false, async () => {
      assert.deepEqual(await lensTitles(document), []);
    });
    assert.ok((await lensTitles(document)).length > 0);
  });
});
