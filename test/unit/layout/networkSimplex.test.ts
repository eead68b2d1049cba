import * as assert from 'node:assert/strict';
import { networkSimplex } from '../../../src/core/layout/networkSimplex';

/** Layers within one connected part count from its first layer (the part may be shifted as a whole). */
const fromZero = (layer: number[]): number[] => layer.map((value) => value - Math.min(...layer));

describe('networkSimplex', () => {
  it('moves an image used only by the last stage next to it (total edge length 3 instead of 5)', () => {
    // 0 -> 1 -> 2 -> 3, and image 4 -> 3: longest path puts the image in layer 0.
    const edges = [{ source: 0, target: 1 }, { source: 1, target: 2 }, { source: 2, target: 3 }, { source: 4, target: 3 }];
    const layer = [0, 1, 2, 3, 0];
    networkSimplex(5, edges, layer);
    assert.deepEqual(fromZero(layer), [0, 1, 2, 3, 2]);
  });

  it('keeps a stage with two consumers where the heavier side pulls it', () => {
    // a -> b, and b feeds c and d, which are three layers after a through another chain: b moves next to them.
    const edges = [
      { source: 0, target: 1 },
      { source: 0, target: 2 },
      { source: 2, target: 3 },
      { source: 3, target: 4 },
      { source: 3, target: 5 },
      { source: 1, target: 4 },
      { source: 1, target: 5 },
    ];
    const layer = [0, 1, 1, 2, 3, 3];
    networkSimplex(6, edges, layer);
    assert.deepEqual(fromZero(layer), [0, 2, 1, 2, 3, 3]);
  });

  it('leaves every edge pointing forwards and handles separate parts and parallel edges', () => {
    const edges = [{ source: 0, target: 1 }, { source: 0, target: 1 }, { source: 2, target: 3 }];
    const layer = [0, 5, 0, 1];
    networkSimplex(4, edges, layer);
    assert.deepEqual([...fromZero(layer.slice(0, 2)), ...fromZero(layer.slice(2))], [0, 1, 0, 1]);
  });
});
