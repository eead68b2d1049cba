// Entry point VS Code's extension host calls for `extensionTestsPath`: runs every compiled *.test.js beside this
// file with mocha (BDD: describe/it), the same way under the browser-hosted server and @vscode/test-electron.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Printed before the counts when the suite ends; scripts/run-integration-tests.mjs reads it. */
const summaryMarker = 'STAGEFLOW_MOCHA_SUMMARY';

/**
 * Loads the test files for the current mode and runs them. In `vsix` mode (set by the runner when it installs the
 * packaged extension) only the packaging tests run; otherwise every test except those.
 */
export function run(): Promise<void> {
  const packagingMode = process.env.STAGEFLOW_TEST_MODE === 'vsix';
  const grep = process.env.STAGEFLOW_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  const testFiles = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .filter((file) => (path.basename(file) === 'vsix.test.js') === packagingMode)
    .sort(activationFirst);
  for (const file of testFiles) mocha.addFile(path.join(__dirname, file));

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`${summaryMarker} ${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}

/** The activation tests check nothing activated Stageflow before them, so they run first. */
function activationFirst(a: string, b: string): number {
  const rank = (file: string) => (path.basename(file) === 'activation.test.js' ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}
