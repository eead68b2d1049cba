// "Open Build Log…": a saved BuildKit log laid onto the Dockerfile it is a build of. Reading a log runs no process,
// so these tests run in both suites: the Node extension host, and (`run-integration-tests.mjs --web`) VS Code for
// the Web's web worker host, where only running a build is refused. The logs are real captures
// (test/fixtures/buildlogs, scripts/capture-build-logs.mjs), read from the extension's folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenedLog } from '../../src/extension/build/openBuildLog';
import { buildState, type BuildState } from './buildState';
import { closeAllEditors, showDocument, waitFor } from './dockerfileTestHelpers';
import { panelBuildReport, panelReport } from './graphPanelReport';
import { MemoryFileSystem } from './memoryFileSystem';
import { getStageflowExtension } from './stageflowExtension';
import { workbenchScreenshot } from './workbenchScreenshot';

const web = process.env.STAGEFLOW_TEST_MODE === 'web';

/** The captured logs and their Dockerfiles, in the extension's folder (outside the test workspace). */
function buildLogFixture(name: string): vscode.Uri {
  return vscode.Uri.joinPath(getStageflowExtension().extensionUri, 'test', 'fixtures', 'buildlogs', name);
}

function openBuildLog(log: vscode.Uri): Promise<OpenedLog> {
  return Promise.resolve(vscode.commands.executeCommand<OpenedLog>('stageflow.openBuildLog', log));
}

/** The errors "Stageflow build" publishes for a document, as `line: message`. */
function buildDiagnostics(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'Stageflow build')
    .map((diagnostic) => `${diagnostic.range.start.line + 1}: ${diagnostic.message}`);
}

/**
 * What the editor shows after a few lines of failure.Dockerfile for failure.log, `line text (state)` (the unit test of
 * buildAnnotations checks every line): the first stage's time, the failing instruction, the stage that never ran.
 */
function failureAnnotations(state: BuildState): string[] {
  return state.annotations.filter((annotation) => [2, 9, 14].includes(annotation.line)).map((annotation) => `${annotation.line} ${annotation.text} (${annotation.state})`);
}

const FAILURE_ANNOTATIONS = ['2 stage built 0.1s (done)', '9 failed (failed)', '14 not run: the build stopped (not-run)'];

const FAILURE_DIAGNOSTIC = '9: Build failed (stage test): executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3';

describe(`Open Build Log… (${web ? 'web worker, as VS Code for the Web' : 'Node'})`, function () {
  this.timeout(60_000);

  afterEach(closeAllEditors);

  it('lays a saved log onto the Dockerfile it is a build of: the times, the failure, the graph; refuses a log of another', async () => {
    const dockerfile = await vscode.workspace.openTextDocument(buildLogFixture('failure.Dockerfile'));
    await showDocument(dockerfile);
    const opened = await openBuildLog(buildLogFixture('failure.gha.log'));
    assert.equal(opened.dockerfile?.toString(), dockerfile.uri.toString());
    assert.match(opened.message, /^failure\.gha\.log on .*failure\.Dockerfile: build failed in stage test at line 9: executor failed running/);
    const state = await buildState(dockerfile.uri);
    assert.deepEqual(state.result?.source, { kind: 'log', name: 'failure.gha.log' });
    assert.equal(state.result?.outcome, 'failed');
    assert.deepEqual(failureAnnotations(state), FAILURE_ANNOTATIONS);
    assert.deepEqual(buildDiagnostics(dockerfile.uri), [FAILURE_DIAGNOSTIC]);

    // The graph shows it as it shows a build from the editor: the failed stage, the canceled ones, no critical path.
    await vscode.commands.executeCommand('stageflow.showGraph', dockerfile.uri);
    await waitFor(panelReport, (report) => report?.documentUri === dockerfile.uri.toString() && report.rendered?.version === dockerfile.version, 'the graph to be drawn', 30_000);
    const onGraph = await waitFor(panelBuildReport, (record) => record!.drawn?.version === dockerfile.version && record!.posted.at(-1)?.outcome === 'failed', 'the log on the graph', 30_000);
    assert.deepEqual(onGraph!.posted.at(-1)!.stages, ['base:built built 0.1s', 'slow:canceled canceled', 'test:failed failed', 'other:canceled canceled', 'release:not-run not run: the build stopped']);
    assert.deepEqual(onGraph!.posted.at(-1)!.failure, { stage: 2, line: 9 });
    assert.deepEqual(onGraph!.posted.at(-1)!.criticalPath, []);
    await workbenchScreenshot(web ? 'build-log-web' : 'build-log');
    // Only running a build is out of reach in a web worker: the graph's Build button says where it works.
    if (web) assert.match(onGraph!.availability?.reason ?? '', /^Building needs desktop VS Code or a remote window/);

    // parallel.log fits neither failure.Dockerfile nor the workspace's build/parallel.Dockerfile.
    const refused = await openBuildLog(buildLogFixture('parallel.log'));
    assert.equal(refused.dockerfile, null);
    assert.match(refused.message, /^parallel\.log is not a build of .*: log line \d+: /);
  });

  it('reads the log through the workspace file system, on a scheme that is not file, and reveals the failure', async () => {
    const memory = new MemoryFileSystem('stageflow-buildlog-memory');
    const registration = memory.register();
    try {
      const text = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(buildLogFixture(name)));
      const dockerfileUri = memory.seed('/ci/failure.Dockerfile', await text('failure.Dockerfile'));
      const logUri = memory.seed('/ci/logs/job-42.log', await text('failure.gha.log'));
      const dockerfile = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(dockerfileUri), 'dockerfile');
      await showDocument(dockerfile);

      const opened = await openBuildLog(logUri);
      assert.equal(opened.dockerfile?.toString(), dockerfileUri.toString());
      assert.match(opened.message, /^job-42\.log on .*failure\.Dockerfile: build failed in stage test at line 9/);
      const state = await buildState(dockerfileUri);
      assert.deepEqual(state.result?.source, { kind: 'log', name: 'job-42.log' });
      assert.deepEqual(failureAnnotations(state), FAILURE_ANNOTATIONS);
      assert.deepEqual(buildDiagnostics(dockerfileUri), [FAILURE_DIAGNOSTIC]);

      // "Reveal Build Failure" goes to the failing instruction from anywhere in the file.
      await vscode.window.showTextDocument(dockerfile, { selection: new vscode.Range(0, 0, 0, 0) });
      await vscode.commands.executeCommand('stageflow.revealBuildFailure', dockerfileUri);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), dockerfileUri.toString());
      assert.equal(vscode.window.activeTextEditor.selection.start.line + 1, 9);

      // A folder is refused with the reason, as the CLI refuses it.
      const folder = await openBuildLog(memory.uri('/ci/logs'));
      assert.deepEqual(folder, { dockerfile: null, message: 'Cannot open the build log logs: it is a folder.' });
    } finally {
      await closeAllEditors();
      registration.dispose();
    }
  });
});
