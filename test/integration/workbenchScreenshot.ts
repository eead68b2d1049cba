// Pictures of the real workbench while a test runs, for people to look at (never compared): with
// `node scripts/run-integration-tests.mjs --screenshots`, the runner photographs the page when a test asks.

/** How long the runner is given to take the picture before the test goes on. */
const SETTLE_MS = 1500;

/**
 * Asks the runner for a screenshot named `name` (test-output/screenshots/integration/NAME.png) and waits until it
 * has been taken; does nothing unless the run was started with `--screenshots`.
 */
export async function workbenchScreenshot(name: string): Promise<void> {
  if (!process.env.STAGEFLOW_TEST_SCREENSHOTS) return;
  // Rendering (decorations, notifications) lands a moment after the API call that caused it.
  await new Promise((resolve) => setTimeout(resolve, 500));
  console.log(`STAGEFLOW_SCREENSHOT ${name}`);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
