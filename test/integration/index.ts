// Entry point VS Code's extension host calls for `extensionTestsPath`: runs every compiled *.test.js beside this
// file with mocha (BDD: describe/it), the same way under the browser-hosted server and @vscode/test-electron.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { runMochaSuite } from './runMochaSuite';

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

  return runMochaSuite(mocha);
}

/** The activation tests check nothing activated Stageflow before them, so they run first. */
function activationFirst(a: string, b: string): number {
  const rank = (file: string) => (path.basename(file) === 'activation.test.js' ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}
