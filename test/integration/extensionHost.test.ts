// Where Stageflow runs: the server's Node extension host (development mode), or, with
// `run-integration-tests.mjs --web`, the browser's web worker extension host as in VS Code for the Web, where
// nothing that needs a process is offered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DiffOverlayMessage } from '../../src/shared/protocol';
import { closeAllEditors, openFixture, waitFor } from './dockerfileTestHelpers';
import { panelReport } from './graphPanelReport';
import { recordingMessages } from './recordingMessages';
import { getStageflowExtension, waitUntilActive } from './stageflowExtension';

const web = process.env.STAGEFLOW_TEST_MODE === 'web';

describe(`The extension host (${web ? 'web worker, as VS Code for the Web' : 'Node'})`, () => {
  afterEach(closeAllEditors);

  it(web ? 'is a web worker: no process, importScripts and navigator, and the workbench is a browser' : 'is Node: process and its versions', async () => {
    const scope = globalThis as Record<string, unknown>;
    const document = await openFixture('features/stages.Dockerfile');
    await waitUntilActive(getStageflowExtension(), 20_000);
    assert.equal(document.languageId, 'dockerfile');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    if (web) {
      assert.equal(typeof scope.process, 'undefined');
      assert.equal(typeof scope.importScripts, 'function');
      assert.equal(typeof scope.navigator, 'object');
      // The extension runs beside the UI, not in the remote (workspace) host.
      assert.equal(getStageflowExtension().extensionKind, vscode.ExtensionKind.UI);
    } else {
      assert.equal(typeof (scope.process as { versions?: { node?: string } }).versions?.node, 'string');
      assert.equal(getStageflowExtension().extensionKind, vscode.ExtensionKind.Workspace);
    }
  });

  if (web) {
    it('offers no Build lens, and the commands that run a build say building needs desktop VS Code or a remote', async () => {
      const document = await openFixture('features/stages.Dockerfile');
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      assert.ok(lenses.some((lens) => lens.command?.command === 'stageflow.showGraph'), 'the other lenses are there');
      assert.deepEqual(lenses.filter((lens) => lens.command?.command === 'stageflow.build'), []);
      // Open Build Log… runs no process: it works here (buildLog.test.ts).
      for (const command of ['stageflow.build', 'stageflow.cancelBuild']) {
        const message = await vscode.commands.executeCommand<string>(command, document.uri);
        assert.match(message, /^Building needs desktop VS Code or a remote window/, command);
      }
    });

    it('says Compare with HEAD needs a file on disk in a git repository, and draws no comparison', async () => {
      const document = await openFixture('features/stages.Dockerfile');
      await vscode.commands.executeCommand('stageflow.showGraph', document.uri);
      await waitFor(panelReport, (report) => report?.rendered?.version === document.version, 'the drawing', 30_000);
      const { messages } = await recordingMessages(() => vscode.commands.executeCommand('_stageflow.graphPanelReceive', { type: 'compareWithHead', compare: true }));
      assert.deepEqual(messages, ['information: Compare with HEAD needs a file on disk in a git repository; features/stages.Dockerfile is not on disk.']);
      const answer = await vscode.commands.executeCommand<DiffOverlayMessage>('_stageflow.graphPanelLastComparison');
      assert.equal(answer.overlay, null);
    });
  }
});
