import * as assert from 'node:assert/strict';
import { entryPointQuickFixes } from '../../../src/core/editor/entryPointQuickFixes';
import { checkEntryPoints } from '../../../src/core/entrypoints/checkEntryPoints';
import { dockerfileFacts } from '../../../src/core/entrypoints/dockerfileFacts';
import { applyTextEdits } from '../../../src/core/refactor/applyTextEdits';
import { lines, rangeOf, scanOf } from '../entrypoints/entryPointHelpers';

/** The quick fix of a misspelt Compose or Bake target: the stage it was meant to be, in the file's own quoting. */
describe('entryPointQuickFixes', () => {
  const facts = dockerfileFacts(lines('FROM golang AS build', 'ARG VERSION', 'FROM build AS test'));
  const compose = lines('services:', '  a:', '    build:', '      target: tset', '      args: { GOFLAGS: -race }');
  const bake = lines('target "b" {', '  target = "biuld"', '}');
  const files = { 'compose.yaml': compose, 'docker-bake.hcl': bake };
  const diagnostics = checkEntryPoints(scanOf(files), () => facts);

  it('fixes the target under the cursor, in that file only', () => {
    const [fix, ...others] = entryPointQuickFixes(diagnostics, 'compose.yaml', rangeOf(compose, 'tset'));
    assert.deepEqual(others, []);
    assert.equal(fix.title, 'Change the target to test');
    assert.equal(applyTextEdits(compose, fix.edits), compose.replace('tset', 'test'));
    const [bakeFix] = entryPointQuickFixes(diagnostics, 'docker-bake.hcl', { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } });
    assert.equal(applyTextEdits(bake, bakeFix.edits), bake.replace('biuld', 'build'));
  });

  it('offers nothing for a diagnostic without a certain fix or away from the range', () => {
    assert.deepEqual(entryPointQuickFixes(diagnostics, 'compose.yaml', rangeOf(compose, 'GOFLAGS')), []);
    assert.deepEqual(entryPointQuickFixes(diagnostics, 'compose.yaml', rangeOf(compose, 'services')), []);
  });
});
