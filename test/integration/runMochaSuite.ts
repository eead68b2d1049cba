/** The bit of a mocha instance (Node's or the browser build's) that runs a suite. */
export interface RunnableMocha {
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}

/** Printed before the counts when the suite ends; scripts/run-integration-tests.mjs reads it. */
const summaryMarker = 'STAGEFLOW_MOCHA_SUMMARY';

/** Runs the suite, prints the counts for the runner and resolves when every test passed. */
export function runMochaSuite(mocha: RunnableMocha): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`${summaryMarker} ${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
