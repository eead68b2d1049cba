// What the web suite's bundle gets for the free identifier `process` (esbuild `inject`): npm's `assert` and `util`
// read a few fields, and the tests read their settings from `process.env` as in Node. Module-local, never a global,
// so `globalThis.process` stays undefined, as in VS Code for the Web.

/** The environment the runner gave the suite, as JSON (esbuild `define`). */
declare const STAGEFLOW_TEST_ENV_JSON: string;

/** The fields of Node's `process` that the bundled code reads. */
export const process = {
  env: JSON.parse(STAGEFLOW_TEST_ENV_JSON) as Record<string, string | undefined>,
  pid: 0,
  platform: 'browser',
  version: '',
  versions: {},
  nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
  emitWarning: (warning: unknown) => console.warn(warning),
};
