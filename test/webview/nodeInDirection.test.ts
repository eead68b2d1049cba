import * as assert from 'node:assert/strict';
import { nodeInDirection } from '../../webview/nodeInDirection';

//       b
//   a
//   c       d
const boxes = [
  { id: 'a', x: 0, y: 0, width: 100, height: 50 },
  { id: 'b', x: 200, y: -60, width: 100, height: 50 },
  { id: 'c', x: 0, y: 100, width: 100, height: 50 },
  { id: 'd', x: 400, y: 100, width: 100, height: 50 },
];

describe('nodeInDirection (arrow-key moves)', () => {
  it('moves to the nearest box on that side, preferring the same row or column', () => {
    assert.equal(nodeInDirection(boxes, 'a', 'ArrowRight'), 'b');
    assert.equal(nodeInDirection(boxes, 'a', 'ArrowDown'), 'c');
    assert.equal(nodeInDirection(boxes, 'c', 'ArrowRight'), 'd');
    assert.equal(nodeInDirection(boxes, 'd', 'ArrowLeft'), 'c');
    assert.equal(nodeInDirection(boxes, 'c', 'ArrowUp'), 'a');
  });

  it('stays put at the edge of the drawing, and starts at the first box from an unknown one', () => {
    assert.equal(nodeInDirection(boxes, 'a', 'ArrowLeft'), undefined);
    assert.equal(nodeInDirection(boxes, 'gone', 'ArrowRight'), 'a');
  });
});
