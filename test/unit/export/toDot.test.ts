import * as assert from 'node:assert/strict';
import { toDot } from '../../../src/core/export/toDot';
import { goServiceGraph, hostileGraph } from './sampleGraphs';
import { execFileSync } from 'node:child_process';

describe('toDot', () => {
  it('draws stages with index, base and platform, images and scratch apart, merged copies with their artifacts, the target bold and unbuilt stages grey and dashed', () => {
    assert.equal(
      toDot(goServiceGraph()),
      lines(
        'digraph stageflow {',
        '  rankdir=LR;',
        '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
        '  i0 [label="golang:1.22", fillcolor="#eeeeee", style="rounded,filled"];',
        '  i1 [label="scratch", style="dotted"];',
        '  s0 [label="stage-0 #0\\nFROM golang:1.22", style="rounded"];',
        '  s1 [label="app #1\\nFROM scratch\\ntarget", style="rounded", penwidth="2"];',
        '  s2 [label="debug #2\\nFROM app\\nplatform linux/arm64", color="gray60", fontcolor="gray60", style="rounded,dashed"];',
        '  i0 -> s0 [style="bold", color="black", fontcolor="black"];',
        '  i1 -> s1 [style="bold", color="black", fontcolor="black"];',
        '  s0 -> s1 [label="COPY ×2\\n/out/server → /server\\n/etc/passwd, /etc/group → /etc/", style="solid", color="#1f6feb", fontcolor="#1f6feb"];',
        '  s1 -> s2 [style="bold", color="gray60", fontcolor="gray60"];',
        '  s0 -> s2 [label="mount\\nbind: / → /src", style="dashed", color="gray60", fontcolor="gray60"];',
        '}',
      ),
    );
  });

  it('escapes quotes and backslashes, flattens line breaks and shortens very long references', () => {
    assert.equal(
      toDot(hostileGraph()),
      lines(
        'digraph stageflow {',
        '  rankdir=LR;',
        '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
        '  i0 [label="…/image:tag", fillcolor="#eeeeee", style="rounded,filled"];',
        '  s0 [label="a\\"b\\\\c #0\\nFROM …/image:tag", style="rounded"];',
        '  s1 [label="<b>x</b> & #quot; |y|; z #1\\nFROM a\\"b\\\\c\\ntarget", style="rounded", penwidth="2"];',
        '  i0 -> s0 [style="bold", color="black", fontcolor="black"];',
        '  s0 -> s1 [style="bold", color="black", fontcolor="black"];',
        '  s0 -> s1 [label="COPY\\n/q\\"uo\\\\te, /a b`c` → /<dest>&|%%;", style="solid", color="#1f6feb", fontcolor="#1f6feb"];',
        '}',
      ),
    );
  });

  it('is accepted by Graphviz, hostile labels included (skipped where Graphviz is not installed)', function () {
    const graphviz = findGraphviz();
    if (!graphviz) this.skip();
    for (const graph of [goServiceGraph(), hostileGraph()]) {
      const plain = execFileSync(graphviz, ['-Tplain'], { input: toDot(graph), encoding: 'utf8' });
      assert.match(plain, /^graph /);
    }
  });
});

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

function findGraphviz(): string | null {
  try {
    execFileSync('dot', ['-V'], { stdio: 'ignore' });
    return 'dot';
  } catch {
    return null;
  }
}
