import * as assert from 'node:assert/strict';
import { toMermaid } from '../../../src/core/export/toMermaid';
import { goServiceGraph, hostileGraph } from './sampleGraphs';

describe('toMermaid', () => {
  it('draws stages with index, base and platform, images as stadiums, scratch as a circle, merged copies with their artifacts, the target outlined and unbuilt stages grey and dashed', () => {
    assert.equal(
      toMermaid(goServiceGraph()),
      lines(
        'flowchart LR',
        '  i0(["golang:1.22"])',
        '  i1(("scratch"))',
        '  s0["stage-0 #0<br>FROM golang:1.22"]',
        '  s1["app #1<br>FROM scratch<br>target"]',
        '  s2["debug #2<br>FROM app<br>platform linux/arm64"]',
        '  i0 ==> s0',
        '  i1 ==> s1',
        '  s0 -->|"COPY ×2<br>/out/server → /server<br>/etc/passwd, /etc/group → /etc/"| s1',
        '  s1 ==> s2',
        '  s0 -.->|"mount<br>bind: / → /src"| s2',
        '  classDef image fill:#eeeeee,stroke:#888888',
        '  classDef scratch fill:none,stroke:#888888,stroke-dasharray:2 2',
        '  classDef target stroke-width:3px',
        '  classDef unreachable fill:#f6f6f6,stroke:#aaaaaa,color:#999999,stroke-dasharray:5 5',
        '  class i0 image',
        '  class i1 scratch',
        '  class s1 target',
        '  class s2 unreachable',
        '  linkStyle 0 stroke:#333333',
        '  linkStyle 1 stroke:#333333',
        '  linkStyle 2 stroke:#1f6feb',
        '  linkStyle 3 stroke:#aaaaaa',
        '  linkStyle 4 stroke:#aaaaaa',
      ),
    );
  });

  it('ends no statement in a colour and `;`: Mermaid reads `#1f6feb;` as an entity code before parsing, so `linkStyle 2 stroke:#1f6feb;` failed to parse', () => {
    const text = toMermaid(goServiceGraph());
    assert.deepEqual(text.split('\n').filter((line) => /#\w+;\s*$/.test(line)), []);
    assert.match(text, /^ {2}linkStyle 2 stroke:#1f6feb$/m);
    assert.match(text, /^ {2}classDef image fill:#eeeeee,stroke:#888888$/m);
  });

  it('entity-codes quotes, markup, pipes, semicolons, backslashes and backticks, flattens line breaks and shortens very long references', () => {
    assert.equal(
      toMermaid(hostileGraph()),
      lines(
        'flowchart LR',
        '  i0(["…/image:tag"])',
        '  s0["a#34;b#92;c #0<br>FROM …/image:tag"]',
        '  s1["#60;b#62;x#60;/b#62; #38; #quot#59; #124;y#124;#59; z #1<br>FROM a#34;b#92;c<br>target"]',
        '  i0 ==> s0',
        '  s0 ==> s1',
        '  s0 -->|"COPY<br>/q#34;uo#92;te, /a b#96;c#96; → /#60;dest#62;#38;#124;#37;#37;#59;"| s1',
        '  classDef image fill:#eeeeee,stroke:#888888',
        '  classDef scratch fill:none,stroke:#888888,stroke-dasharray:2 2',
        '  classDef target stroke-width:3px',
        '  classDef unreachable fill:#f6f6f6,stroke:#aaaaaa,color:#999999,stroke-dasharray:5 5',
        '  class i0 image',
        '  class s1 target',
        '  linkStyle 0 stroke:#333333',
        '  linkStyle 1 stroke:#333333',
        '  linkStyle 2 stroke:#1f6feb',
      ),
    );
  });
});

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}
