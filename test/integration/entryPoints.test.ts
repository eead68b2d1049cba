// Compose services and Bake targets as entry points of the Dockerfiles they build (issue 11: "In the editor",
// "Rename across files"). The fixture folder entrypoints/ holds a Dockerfile, a compose.yaml (a misspelt target
// `tset` and an undeclared build arg GOFLAGS on purpose) and a docker-bake.hcl; tests that change files on disk
// put them back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, positionOf, waitFor } from './dockerfileTestHelpers';
import { panelReport } from './graphPanelReport';

function fixtureUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/**
 * Stageflow's diagnostics of a file as "line:col code: message", once there are `count` of them. Files written to
 * disk reach the index through VS Code's file watcher, which a loaded machine may take seconds to deliver.
 */
async function diagnosticsOf(uri: vscode.Uri, count: number, timeoutMs = 10_000): Promise<string[]> {
  const read = () =>
    vscode.languages
      .getDiagnostics(uri)
      .filter((diagnostic) => diagnostic.source === 'stageflow')
      .map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code)}: ${diagnostic.message}`);
  return waitFor(read, (found) => found.length === count, `${count} diagnostics in ${uri.path}`, timeoutMs);
}

/** Where a definition or reference points, as "file:line:col" relative to the workspace. */
function place(uri: vscode.Uri, range: vscode.Range): string {
  return `${vscode.workspace.asRelativePath(uri)}:${range.start.line + 1}:${range.start.character + 1}`;
}

async function definitionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, position);
  return found.map((item) => ('targetUri' in item ? place(item.targetUri, item.targetSelectionRange ?? item.targetRange) : place(item.uri, item.range)));
}

async function referencesAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
  return found.map((location) => place(location.uri, location.range)).sort();
}

/**
 * Puts documents back as they were, on disk too: the web workbench saves edits after a second (`files.autoSave`
 * is `afterDelay` there), so closing without saving would not undo an edit a slow test left for that long.
 */
async function restore(documents: readonly vscode.TextDocument[], texts: readonly string[]): Promise<void> {
  for (const [index, document] of documents.entries()) {
    if (document.getText() !== texts[index]) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), texts[index]);
      assert.ok(await vscode.workspace.applyEdit(edit), `${document.uri.path} is restored`);
    }
    if (document.isDirty) assert.ok(await document.save(), `${document.uri.path} is saved`);
  }
}

/** Waits until the index has read the fixture's Compose and Bake files (the search runs after activation). */
async function entryPointsIndexed(dockerfile: vscode.TextDocument): Promise<void> {
  await waitFor(() => referencesAt(dockerfile, positionOf(dockerfile, 'AS debug', 0, 3)), (found) => found.some((item) => item.includes('compose.yaml')), 'the Compose file to be indexed');
}

describe('Compose and Bake entry points', () => {
  afterEach(closeAllEditors);

  it('reports a target that is no stage (did you mean) and a build arg no ARG declares, in a file nobody opened', async () => {
    const dockerfile = await openFixture('entrypoints/Dockerfile');
    await entryPointsIndexed(dockerfile);
    assert.deepEqual(await diagnosticsOf(fixtureUri('entrypoints/compose.yaml'), 2), [
      '16:15 stageflow.unknownTarget: Target tset of service tests is no stage of Dockerfile (did you mean test?)',
      '18:11 stageflow.undeclaredBuildArg: Build arg GOFLAGS of service tests is not declared by any ARG in Dockerfile, so it has no effect',
    ]);
  });

  it('fixes the misspelt target with the quick fix, and the diagnostic goes', async () => {
    const compose = await openFixture('entrypoints/compose.yaml');
    const uri = compose.uri;
    const original = compose.getText();
    await diagnosticsOf(uri, 2);
    try {
      const range = new vscode.Range(positionOf(compose, 'tset'), positionOf(compose, 'tset', 0, 4));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((action) => action.title === 'Change the target to test');
      assert.ok(fix?.edit, actions.map((action) => action.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(compose.getText(), /target: test\n/);
      assert.deepEqual(await diagnosticsOf(uri, 1), ['18:11 stageflow.undeclaredBuildArg: Build arg GOFLAGS of service tests is not declared by any ARG in Dockerfile, so it has no effect']);
    } finally {
      await restore([compose], [original]);
    }
    await diagnosticsOf(uri, 2);
  });

  it('goes from a Compose or Bake target to its stage, and from a dockerfile value to the Dockerfile', async () => {
    const compose = await openFixture('entrypoints/compose.yaml');
    assert.deepEqual(await definitionsAt(compose, positionOf(compose, 'target: debug', 0, 10)), ['entrypoints/Dockerfile:6:15']);
    assert.deepEqual(await definitionsAt(compose, positionOf(compose, 'dockerfile: Dockerfile', 0, 14)), ['entrypoints/Dockerfile:1:1']);
    assert.deepEqual(await definitionsAt(compose, positionOf(compose, 'tset', 0, 1)), []);
    const bake = await openFixture('entrypoints/docker-bake.hcl');
    assert.deepEqual(await definitionsAt(bake, positionOf(bake, '"runtime"', 0, 2)), ['entrypoints/Dockerfile:12:21']);
  });

  it('lists the Compose and Bake targets among the references of a stage, from either side', async () => {
    const dockerfile = await openFixture('entrypoints/Dockerfile');
    await entryPointsIndexed(dockerfile);
    const expected = ['entrypoints/Dockerfile:6:15', 'entrypoints/compose.yaml:9:15', 'entrypoints/docker-bake.hcl:14:15'];
    assert.deepEqual(await referencesAt(dockerfile, positionOf(dockerfile, 'AS debug', 0, 3)), expected);
    const compose = await openFixture('entrypoints/compose.yaml');
    assert.deepEqual(await referencesAt(compose, positionOf(compose, 'target: debug', 0, 9)), expected);
  });

  it('names above a FROM the Compose services and Bake targets that build the stage, and opens the one picked', async () => {
    const dockerfile = await openFixture('entrypoints/Dockerfile');
    const lenses = await waitFor(
      async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', dockerfile.uri)).filter((lens) => lens.command?.command === 'stageflow.openEntryPoint'),
      (found) => found.length === 2,
      'the entry-point lenses',
    );
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line + 1, lens.command?.title, (lens.command?.arguments?.[0] as { label: string }[]).map((target) => target.label)]),
      [
        [6, 'compose+bake ×2', ['compose: app-debug', 'bake: debug']],
        [12, 'compose+bake ×3', ['compose: app', 'bake: _common', 'bake: release']],
      ],
    );
    const [debug] = lenses;
    const opening = vscode.commands.executeCommand<{ label: string } | undefined>(debug.command!.command, ...debug.command!.arguments!);
    let opened: { label: string } | undefined | null = null;
    void opening.then((result) => (opened = result));
    // The command asks which of the two to open: accept the first item once the quick pick is up.
    await waitFor(
      async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return opened;
      },
      (result) => result !== null,
      'the quick pick to be answered',
    );
    assert.equal(opened!.label, 'compose: app-debug');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor && vscode.workspace.asRelativePath(editor.document.uri), 'entrypoints/compose.yaml');
    assert.equal(editor?.selection.active.line, 4);
  });

  it('renames a stage in the Dockerfile, compose.yaml and docker-bake.hcl as one edit, which one undo takes back', async () => {
    const dockerfile = await openFixture('entrypoints/Dockerfile');
    await entryPointsIndexed(dockerfile);
    const compose = await vscode.workspace.openTextDocument(fixtureUri('entrypoints/compose.yaml'));
    const bake = await vscode.workspace.openTextDocument(fixtureUri('entrypoints/docker-bake.hcl'));
    const before = [dockerfile, compose, bake].map((document) => document.getText());
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', dockerfile.uri, positionOf(dockerfile, 'AS debug', 0, 4), 'dev');
    assert.deepEqual(
      edit.entries().map(([uri, edits]) => `${vscode.workspace.asRelativePath(uri)}: ${edits.map((item) => place(uri, item.range)).join(' ')}`),
      ['entrypoints/Dockerfile: entrypoints/Dockerfile:6:15', 'entrypoints/compose.yaml: entrypoints/compose.yaml:9:15', 'entrypoints/docker-bake.hcl: entrypoints/docker-bake.hcl:14:15'],
    );
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.deepEqual(
        [dockerfile, compose, bake].map((document) => document.getText()),
        [before[0].replace('AS debug', 'AS dev'), before[1].replace('target: debug', 'target: dev'), before[2].replace('"debug"\n}', '"dev"\n}')],
      );
      await vscode.window.showTextDocument(dockerfile);
      await vscode.commands.executeCommand('undo');
      assert.deepEqual([dockerfile, compose, bake].map((document) => document.getText()), before);
    } finally {
      await restore([dockerfile, compose, bake], before);
    }
  });

  it('renames the stage from a Bake target too, offering the stage name, and refuses on a target that names no stage', async () => {
    const bake = await openFixture('entrypoints/docker-bake.hcl');
    const compose = await vscode.workspace.openTextDocument(fixtureUri('entrypoints/compose.yaml'));
    const preparation = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>('vscode.prepareRename', bake.uri, positionOf(bake, '"runtime"', 0, 3));
    assert.deepEqual([place(bake.uri, preparation.range), preparation.placeholder], ['entrypoints/docker-bake.hcl:9:15', 'runtime']);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', bake.uri, positionOf(bake, '"runtime"', 0, 3), 'final');
    assert.deepEqual(edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort(), ['entrypoints/Dockerfile', 'entrypoints/docker-bake.hcl']);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', compose.uri, positionOf(compose, 'tset', 0, 1))),
      /tset names no stage of entrypoints\/Dockerfile/,
    );
  });

  it('reads a Compose file created on disk, reports it malformed, and forgets it once deleted', async () => {
    const dockerfile = await openFixture('entrypoints/Dockerfile');
    await entryPointsIndexed(dockerfile);
    const override = fixtureUri('entrypoints/compose.override.yaml');
    await vscode.workspace.fs.writeFile(override, new TextEncoder().encode('services:\n  app: [\n'));
    try {
      const [problem] = await diagnosticsOf(override, 1, 30_000);
      assert.match(problem, /^3:1 stageflow\.malformedEntryPointFile: Flow sequence/);
    } finally {
      await vscode.workspace.fs.delete(override);
    }
    await diagnosticsOf(override, 0, 30_000);
  });

  it('refuses a refactoring that would make a Compose service build another stage, and applies the others', async () => {
    const folder = fixtureUri('entrypoints/refactor');
    const compose = vscode.Uri.joinPath(folder, 'compose.yaml');
    const dockerfileUri = vscode.Uri.joinPath(folder, 'Dockerfile');
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(dockerfileUri, new TextEncoder().encode('FROM golang\nRUN go build -o /app\nFROM alpine\nCOPY --from=0 /app /app\n'));
    await vscode.workspace.fs.writeFile(compose, new TextEncoder().encode('services:\n  app:\n    build: { target: build }\n'));
    try {
      const dockerfile = await openFixture('entrypoints/refactor/Dockerfile');
      assert.match((await diagnosticsOf(compose, 1, 30_000))[0], /Target build of service app is no stage of Dockerfile/);
      const refused = await vscode.commands.executeCommand<{ applied: boolean; reason?: string }>('stageflow.nameStage', dockerfile.uri, 0, 'build');
      assert.deepEqual(refused, {
        applied: false,
        reason: 'This would change what Compose or Bake builds: service app (compose.yaml) targets build, which names no stage now but would then build stage 0 (build)',
      });
      const applied = await vscode.commands.executeCommand<{ applied: boolean }>('stageflow.nameStage', dockerfile.uri, 0, 'compile');
      assert.equal(applied.applied, true);
      assert.equal(dockerfile.getText(), 'FROM golang AS compile\nRUN go build -o /app\nFROM alpine\nCOPY --from=compile /app /app\n');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('draws the Compose services and Bake targets in the graph view, resolves the graph as the one picked builds it, and opens one clicked', async () => {
    const dockerfile = await openFixture('entrypoints/Dockerfile');
    await entryPointsIndexed(dockerfile);
    await vscode.commands.executeCommand('stageflow.showGraph');
    // 4 stages, 2 images, and 5 entry points that build a stage (compose tests targets tset, which is none).
    await waitFor(panelReport, (report) => report?.rendered?.version === dockerfile.version && report.rendered.nodeCount === 11, 'the graph with its entry points', 30_000);
    await vscode.commands.executeCommand('_stageflow.graphPanelReceive', { type: 'setEntryPoint', id: 'compose:app-debug@compose.yaml' });
    await waitFor(panelReport, (report) => report?.entryPoint === 'compose:app-debug@compose.yaml' && report.rendered?.nodeCount === 11, 'the graph resolved as compose app-debug', 30_000);
    // Every feature now resolves the Dockerfile as `docker compose build app-debug` does: debug is the target.
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', dockerfile.uri);
    assert.ok(lenses.some((lens) => lens.range.start.line === 5 && lens.command?.title === 'target'), lenses.map((lens) => `${lens.range.start.line}: ${lens.command?.title}`).join('\n'));
    await vscode.commands.executeCommand('_stageflow.graphPanelReceive', { type: 'revealEntryPoint', id: 'bake:debug@docker-bake.hcl' });
    const editor = await waitFor(() => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith('/docker-bake.hcl') === true, 'docker-bake.hcl to open');
    assert.equal(editor?.selection.active.line, 11);
  });
});
