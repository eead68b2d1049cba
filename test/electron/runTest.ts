// The second way to run the integration suite, for contributors whose machine can download VS Code: the same
// mocha suite (out/test/integration/index.js, bundled by `npm run compile-tests`) in desktop VS Code through
// @vscode/test-electron. `npm test` uses the browser-hosted server instead, which works offline.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The VS Code release code-server 4.100.3 bundles, so both paths test against the same API. */
const vscodeVersion = '1.100.3';

async function main(): Promise<void> {
  const projectRoot = path.resolve(__dirname, '..', '..');
  // Tests may edit files, so they get a copy of the fixture workspace.
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'stageflow-electron-'));
  cpSync(path.join(projectRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: vscodeVersion,
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: path.join(projectRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`The integration tests in desktop VS Code failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Without access to update.code.visualstudio.com, run `npm test` (browser-hosted VS Code) instead.');
  process.exit(1);
});
