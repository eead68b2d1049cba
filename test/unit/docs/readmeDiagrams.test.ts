import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findDiagramBlocks } from '../../../src/core/docs/findDiagramBlocks';
import { updateDiagramBlocks } from '../../../src/core/docs/updateDiagramBlocks';

const REPOSITORY = path.join(__dirname, '../../..');

describe("the README's own stage diagrams", () => {
  it("are current (after changing a drawing, run 'stageflow docs README.md')", () => {
    const scan = findDiagramBlocks(readFileSync(path.join(REPOSITORY, 'README.md'), 'utf8'));
    assert.deepEqual(scan.problems, []);
    assert.ok(scan.blocks.length > 0, 'the README shows a live block');
    const updates = updateDiagramBlocks(scan.blocks, (dockerfile) => readFileSync(path.join(REPOSITORY, dockerfile), 'utf8'));
    assert.deepEqual(
      updates.map((update) => [update.block.line, update.status]),
      scan.blocks.map((block) => [block.line, 'current']),
    );
  });
});
