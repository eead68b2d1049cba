import * as assert from 'node:assert/strict';
import { oneLine, shortenPath, toExportGraph } from '../../../src/core/export/toExportGraph';
import { copy, edge, graph, stage } from '../stageGraphBuilder';

describe('toExportGraph', () => {
  it('draws every external image once, scratch as its own kind, before the stages', () => {
    const picture = toExportGraph(
      graph(
        [
          stage(0, { baseName: 'alpine:3.20', baseImage: 'alpine:3.20' }),
          stage(1, { name: 'out', baseName: 'scratch', baseImage: 'scratch', isTarget: true }),
        ],
        [edge('alpine:3.20', 0, 'from'), edge('scratch', 1, 'from'), copy('alpine:3.20', 1, ['/etc/ssl'], '/etc/ssl')],
      ),
    );
    assert.deepEqual(
      picture.nodes.map((node) => [node.id, node.kind, node.lines]),
      [
        ['i0', 'image', ['alpine:3.20']],
        ['i1', 'scratch', ['scratch']],
        ['s0', 'stage', ['stage-0 #0', 'FROM alpine:3.20']],
        ['s1', 'stage', ['out #1', 'FROM scratch', 'target']],
      ],
    );
  });

  it('merges instructions of one kind between the same two nodes into one edge with a count', () => {
    const picture = toExportGraph(
      graph(
        [stage(0, { name: 'build', baseName: 'golang' }), stage(1, { name: 'app', baseName: 'alpine' })],
        [
          copy(0, 1, ['/a'], '/x/'),
          edge(0, 1, 'mount', { artifact: { sources: ['/'], destination: '/m', flags: { type: 'bind' } } }),
          copy(0, 1, ['/b', '/c'], '/y/'),
          edge(0, 1, 'copy', { onbuild: true, artifact: { sources: ['/d'], destination: '/z', flags: {} } }),
        ],
      ),
    );
    assert.deepEqual(picture.edges, [
      { from: 's0', to: 's1', kind: 'copy', onbuild: false, count: 2, lines: ['COPY ×2', '/a → /x/', '/b, /c → /y/'], reachable: true },
      { from: 's0', to: 's1', kind: 'mount', onbuild: false, count: 1, lines: ['mount', 'bind: / → /m'], reachable: true },
      { from: 's0', to: 's1', kind: 'copy', onbuild: true, count: 1, lines: ['ONBUILD COPY', '/d → /z'], reachable: true },
    ]);
  });

  it('lists at most four artifacts and three sources per artifact, then counts the rest', () => {
    const copies = [1, 2, 3, 4, 5, 6].map((n) => copy(0, 1, [`/f${n}`], '/'));
    copies[0] = copy(0, 1, ['/a', '/b', '/c', '/d', '/e'], '/many/');
    const picture = toExportGraph(graph([stage(0, { baseName: 'a' }), stage(1, { baseName: 'b' })], copies));
    assert.deepEqual(picture.edges[0].lines, ['COPY ×6', '/a, /b, /c, +2 → /many/', '/f2 → /', '/f3 → /', '/f4 → /', '+2 more']);
  });

  it('marks an image used only by stages the target does not build as unreachable, and edges into them', () => {
    const picture = toExportGraph(
      graph(
        [stage(0, { name: 'lint', baseName: 'golangci', reachable: false }), stage(1, { baseName: 'alpine', isTarget: true })],
        [edge('golangci', 0, 'from'), edge('alpine', 1, 'from')],
      ),
    );
    assert.deepEqual(
      picture.nodes.map((node) => [node.id, node.reachable]),
      [['i0', false], ['i1', true], ['s0', false], ['s1', true]],
    );
    assert.deepEqual(picture.edges.map((e) => e.reachable), [false, true]);
  });

  it('draws stages as built when BuildKit failed before deciding reachability (reachable: null)', () => {
    const picture = toExportGraph(graph([stage(0, { baseName: 'alpine', reachable: null })], []));
    assert.equal(picture.nodes[0].reachable, true);
  });
});

describe('label text helpers', () => {
  it('oneLine turns line breaks, tabs and other control characters into spaces', () => {
    assert.equal(oneLine('a\nb\r\nc\td\u0000e\u2028f\u0085g'), 'a b  c d e f g');
  });

  it('shortenPath keeps the trailing directories of a long path', () => {
    assert.equal(shortenPath('/usr/local/bin/server'), '/usr/local/bin/server');
    assert.equal(shortenPath('/very/long/prefix/of/directories/src/web/dist/index.html'), '…/src/web/dist/index.html');
    assert.equal(shortenPath('/very/long/prefix/of/directories/that/ends/with/a/slash/'), '…/that/ends/with/a/slash/');
    assert.equal(shortenPath(`/x/${'n'.repeat(50)}`), `${'n'.repeat(18)}…${'n'.repeat(17)}`);
  });
});
