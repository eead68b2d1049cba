// Mocha's spec reporter followed by one line `N passed, N failed`, the line scripts/test.mjs and CI read.
// A CommonJS file, because mocha loads reporters with require().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Mocha = require('mocha');

/** Spec output for people, then the counts in the project's one summary format. */
class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    // Registered after Spec's own epilogue, so the counts come last.
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      console.log(`${this.stats.passes} passed, ${this.stats.failures} failed`);
    });
  }
}

module.exports = SummaryReporter;
