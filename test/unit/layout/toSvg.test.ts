import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { escapeXml, toSvg } from '../../../src/core/export/toSvg';
import { layoutStageGraph } from '../../../src/core/layout/layoutStageGraph';

describe('toSvg', () => {
  it('draws every stage and image as a box with its lines, and every merged edge with its label', () => {
    const svg = toSvg(
      buildStageGraph(['FROM golang:1.22 AS build', 'RUN go build -o /out/server .', 'FROM alpine:3.20', 'COPY --from=build /out/server /usr/bin/', ''].join('\n')),
    );
    assert.equal(svg.match(/<g class="node /g)?.length, 4);
    assert.equal(svg.match(/<g class="edge /g)?.length, 3);
    assert.match(svg, /<text class="title" x="12" y="20" text-anchor="start">build<\/text>/);
    assert.match(svg, /<text class="detail" x="12" y="37" text-anchor="start">#1 · FROM alpine:3.20<\/text>/);
    assert.match(svg, /<g class="edge edge-copy"><title>COPY --from=build \/out\/server → \/usr\/bin\/ \(line 4\)<\/title>/);
    assert.match(svg, /<title>Stage graph: 2 stages, target stage-1<\/title>/);
    // Labels are drawn after every line, as in the view, so no later edge runs across one.
    const lastLine = svg.lastIndexOf('<path d=');
    const labels = [...svg.matchAll(/<g class="edge-label">/g)].map((match) => match.index!);
    assert.equal(labels.length, 1);
    assert.ok(labels.every((index) => index > lastLine), 'every label follows the last edge line');
    assert.match(svg, /<g class="edge-label"><title>COPY --from=build \/out\/server → \/usr\/bin\/ \(line 4\)<\/title>\n<text [^>]*>server → \/usr\/bin\/<\/text><\/g>/);
  });

  it('draws families as the view does: a box around variants side by side, or one stacked box when collapsed', () => {
    const graph = buildStageGraph(['FROM scratch AS out-linux', 'FROM scratch AS out-windows', 'FROM out-$TARGETOS', ''].join('\n'));
    assert.match(toSvg(graph), /<g class="group"><title>out-\* · 2 variants<\/title><rect [^>]+\/>\n<text class="group-label" [^>]+>out-\* · 2 variants<\/text><\/g>/);
    const collapsed = toSvg(graph, layoutStageGraph(graph, { families: { 'family:out': true } }));
    assert.match(collapsed, /<g class="node node-family" [^>]+><title>2 variants of out:[^<]*<\/title>\n<rect class="stack" /);
    assert.doesNotMatch(collapsed, /class="group"/);
  });

  it('keeps markup in copied paths as text', () => {
    const svg = toSvg(
      buildStageGraph(['FROM alpine AS build', 'FROM alpine', 'COPY --from=build "/<img src=x onerror=alert(1)>" "/</script>"', ''].join('\n')),
    );
    assert.doesNotMatch(svg, /<img|<\/script>|<script/);
    assert.match(svg, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('says why there is nothing to draw for a file without stages', () => {
    assert.match(toSvg(buildStageGraph('# just a comment\n')), /<text class="detail" x="20" y="34">[^<]+<\/text>/);
  });

  it('escapes the five XML specials and drops control characters XML cannot hold', () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>\u0001`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ');
  });
});
