// Entry point of the integration suite in VS Code for the Web's web worker extension host (extensionTestsPath of
// `node scripts/run-integration-tests.mjs --web`): mocha's browser build, then every test file that needs no
// process, listed by the bundler (scripts/bundle-integration-tests.mjs) as the module `stageflow:web-tests`.
import { runMochaSuite } from '../runMochaSuite';
import type { MochaGlobals } from './mochaGlobals';

/** Runs the web-relevant tests; resolves when all pass. */
export function run(): Promise<void> {
  // mocha's browser build installs `mocha` on the global object; `describe`/`it` exist only after setup(), so the
  // test files are required after it (imports would run first).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha.js');
  const { mocha } = globalThis as unknown as MochaGlobals;
  const grep = process.env.STAGEFLOW_TEST_GREP;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('stageflow:web-tests');
  return runMochaSuite(mocha);
}
