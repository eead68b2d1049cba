/**
 * VS Code for the Web runs dist/extensionWeb.js in a web worker, where no Node built-in exists: a bundle that
 * reached one would fail there at activation (or later, on the first use of the feature that needs it). This
 * bundles it exactly as it ships and reads esbuild's metafile: which modules went in and what stays outside.
 */
import * as assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';
import { distBundleOptions, type DistBundleName } from '../../../scripts/bundles.mjs';

const nodeBuiltins = new Set(builtinModules);

/** True for `fs`, `node:fs`, `fs/promises`, `node:test`: anything Node provides and a browser does not. */
function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || nodeBuiltins.has(specifier) || nodeBuiltins.has(specifier.split('/')[0]);
}

/** Bundles `name` in memory; every module it read and every import it left outside the bundle. */
async function bundleMetafile(name: DistBundleName): Promise<{ inputs: string[]; imports: string[]; externals: string[] }> {
  const result = await esbuild.build({ ...distBundleOptions(name, { outdir: 'unused', production: true }), write: false, metafile: true, logLevel: 'silent' });
  const inputs = Object.keys(result.metafile.inputs);
  const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((imported) => imported.original ?? imported.path));
  const externals = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((imported) => imported.external).map((imported) => imported.path));
  return { inputs, imports, externals };
}

describe('the web extension bundle (dist/extensionWeb.js)', function () {
  this.timeout(60_000);

  it('imports no Node built-in and leaves only vscode outside the bundle', async () => {
    const { imports, externals } = await bundleMetafile('extensionWeb');
    assert.deepEqual(imports.filter(isNodeBuiltin), []);
    assert.deepEqual([...new Set(externals)], ['vscode']);
  });

  it('holds none of what needs a process: the build runner, its registration and the worker-thread layout runner', async () => {
    const { inputs } = await bundleMetafile('extensionWeb');
    const processOnly = inputs.filter((input) => /src\/extension\/(build\/(buildRunner|buildLocation|registerBuild)|graphView\/(workerLayoutRunner|layoutWorker))\.ts$/.test(input));
    assert.deepEqual(processOnly, []);
    // What it does hold: the shared activation, the in-process layouts, the stand-in for the commands that run a
    // build, and what shows build results and saved logs.
    const shown = ['src/extension/build/registerBuildResults.ts', 'src/extension/build/openBuildLog.ts', 'src/extension/build/buildDecorations.ts', 'src/extension/build/buildDiagnostics.ts'];
    for (const expected of ['src/extension/activateStageflow.ts', 'src/extension/graphView/inProcessLayoutRunner.ts', 'src/extension/build/registerBuildUnavailable.ts', ...shown]) {
      assert.ok(inputs.includes(expected), `${expected} is in the web bundle`);
    }
  });

  it('would catch a Node built-in: the desktop bundle, read the same way, has the ones it needs', async () => {
    const { imports, externals } = await bundleMetafile('extension');
    const found = new Set(imports.filter(isNodeBuiltin));
    for (const expected of ['node:child_process', 'node:worker_threads']) assert.ok(found.has(expected), `${expected} found in the desktop bundle`);
    assert.ok(externals.some(isNodeBuiltin));
  });
});
