// The packaged extension (stageflow-<version>.vsix), installed the way users install it, holds only what runs
// and activates on a Dockerfile. Runs only in the runner's --vsix mode, where the development path is empty.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './dockerfileTestHelpers';
import { panelReport } from './graphPanelReport';
import { getStageflowExtension, openWorkspaceFile, waitUntilActive } from './stageflowExtension';

/** Every file vsce may ship: the bundles, media, the manifest and the documents it renames. */
const shippedFile = /^(package\.json|readme\.md|changelog\.md|LICENSE\.txt|\.vsixmanifest|dist\/(extension|extensionWeb|layoutWorker|webview)\.js|media\/.+)$/;

describe('Packaged extension (VSIX)', () => {
  it('is the copy installed into the extensions folder, not a development path', () => {
    const extensionsDir = process.env.STAGEFLOW_TEST_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the runner names the extensions folder');
    const extensionPath = getStageflowExtension().extensionUri.fsPath;
    assert.equal(path.dirname(extensionPath), extensionsDir);
    assert.match(path.basename(extensionPath), /^stageflow\.stageflow-\d+\.\d+\.\d+$/);
  });

  it('ships only the bundles, media and documents, with no sources or source maps', () => {
    const extensionPath = getStageflowExtension().extensionUri.fsPath;
    const files = readdirSync(extensionPath, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(extensionPath, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    assert.deepEqual(files.filter((file) => !shippedFile.test(file)), []);
    for (const required of ['package.json', 'dist/extension.js', 'dist/extensionWeb.js', 'dist/layoutWorker.js', 'dist/webview.js', 'media/icon.png']) {
      assert.ok(files.includes(required), `${required} is shipped`);
    }
  });

  it('ships a minified extension bundle', () => {
    const bundle = readFileSync(path.join(getStageflowExtension().extensionUri.fsPath, 'dist', 'extension.js'), 'utf8');
    assert.doesNotMatch(bundle, /sourceMappingURL/);
    // Minified code runs statements together on long lines (only multi-line strings keep their breaks); readable
    // esbuild output averages about 40 characters a line.
    const averageLineLength = bundle.length / bundle.split('\n').length;
    assert.ok(averageLineLength > 400, `dist/extension.js averages ${Math.round(averageLineLength)} characters a line`);
  });

  it('activates when a Dockerfile opens', async () => {
    const extension = getStageflowExtension();
    assert.equal(extension.isActive, false);
    const document = await openWorkspaceFile('Dockerfile');
    assert.equal(document.languageId, 'dockerfile');
    await waitUntilActive(extension, 20_000);
  });

  it('draws the stage graph: the layout worker ships and starts', async () => {
    const document = await openWorkspaceFile('Dockerfile');
    await vscode.commands.executeCommand('stageflow.showGraph');
    const report = await waitFor(panelReport, (current) => current?.rendered?.version === document.version, 'the packaged graph view to draw', 30_000);
    assert.equal(report?.type, 'graph');
    assert.ok((report?.nodeCount ?? 0) > 0, 'stages are drawn');
  });
});
