import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { compareDockerfiles } from '../../../src/core/diff/compareDockerfiles';
import { graphDiffText } from '../../../src/core/diff/graphDiffText';
import { toGraphDiff } from '../../../src/core/diff/toGraphDiff';
import { toMermaidDiff } from '../../../src/core/diff/toMermaidDiff';

const FIXTURES = path.join(__dirname, '../../fixtures/diff');
const read = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.Dockerfile`), 'utf8');

/** Before: build, lint and ui feed an unnamed final stage. After: build's base moved on, lint and ui gave way to
 *  web and test (in swapped places, so neither is a rename), and the final stage copies from test. */
const OLDER = 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM alpine AS lint\nRUN lint\nFROM node AS ui\nFROM scratch\nCOPY --from=build /out/app /app\nCOPY --from=lint /ok /ok\n';
const NEWER = 'FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM node AS web\nFROM alpine AS test\nRUN go test\nFROM scratch\nCOPY --from=build /out/app /app\nCOPY --from=test /ok /ok\n';

describe('graphDiffText', () => {
  it('lists each kind of change under its heading, one item a line (grafana/loki f2ba692f76)', () => {
    assert.equal(
      graphDiffText(toGraphDiff(compareDockerfiles(read('loki/48f5ade0e5'), read('loki/f2ba692f76')))),
      [
        'Stages added:',
        '  filesystem',
        'Stages changed:',
        '  stage-2: base gcr.io/distroless/static:debug → gcr.io/distroless/static:nonroot',
        'Edges added:',
        '  golang:1.24 → filesystem (from)',
        '  gcr.io/distroless/static:nonroot → stage-2 (from)',
        '  filesystem → stage-2 (copy)',
        'Edges removed:',
        '  gcr.io/distroless/static:debug → stage-1 (from)',
        'Now built for the target:',
        '  filesystem',
        '',
      ].join('\n'),
    );
  });

  it('names renames, removals and what the target no longer builds, and says so when nothing changed', () => {
    assert.equal(
      graphDiffText(
        toGraphDiff(
          compareDockerfiles(
            'FROM alpine AS a\nFROM alpine AS b\nFROM alpine AS c\nFROM a AS app\nCOPY --from=b /x /x\n',
            'FROM alpine AS first\nFROM alpine AS b\nFROM first AS app\n',
          ),
        ),
      ),
      [
        'Stages removed:',
        '  c',
        'Stages renamed:',
        '  a → first',
        'Stages changed:',
        '  app: instructions 1 → 0',
        'Edges removed:',
        '  alpine → c (from)',
        '  b → app (copy)',
        'No longer built for the target:',
        '  b',
        '',
      ].join('\n'),
    );
    assert.equal(
      graphDiffText(toGraphDiff(compareDockerfiles('FROM alpine AS a\nRUN x\nFROM a\n', 'FROM alpine AS a\nRUN x\nFROM --platform=linux/arm64 a\n'))),
      ['Stages changed:', '  stage-1: platform none → linux/arm64', ''].join('\n'),
    );
    assert.equal(graphDiffText(toGraphDiff(compareDockerfiles(OLDER, OLDER))), 'The stage graph did not change.\n');
  });
});

describe('toMermaidDiff', () => {
  it('draws the new graph with added parts green, changed stages amber with what they were, and removed parts red and dashed', () => {
    assert.equal(
      toMermaidDiff(compareDockerfiles(OLDER, NEWER)),
      [
        'flowchart LR',
        '  i0(["golang:1.23"])',
        '  i1(["node"])',
        '  i2(["alpine"])',
        '  i3(("scratch"))',
        '  s0["build #0<br>FROM golang:1.23<br>base was golang:1.22"]',
        '  s1["web #1<br>FROM node"]',
        '  s2["test #2<br>FROM alpine"]',
        '  s3["stage-3 #3<br>FROM scratch<br>target"]',
        '  ri0(["golang:1.22"])',
        '  rs1["lint #1<br>FROM alpine"]',
        '  rs2["ui #2<br>FROM node"]',
        '  i0 ==> s0',
        '  i1 ==> s1',
        '  i2 ==> s2',
        '  i3 ==> s3',
        '  s0 -->|"COPY<br>/out/app → /app"| s3',
        '  s2 -->|"COPY<br>/ok → /ok"| s3',
        '  ri0 -.-> s0',
        '  i2 -.-> rs1',
        '  i1 -.-> rs2',
        '  rs1 -.->|"COPY<br>/ok → /ok"| s3',
        '  classDef image fill:#eeeeee,stroke:#888888',
        '  classDef scratch fill:none,stroke:#888888,stroke-dasharray:2 2',
        '  classDef target stroke-width:3px',
        '  classDef unreachable fill:#f6f6f6,stroke:#aaaaaa,color:#999999,stroke-dasharray:5 5',
        '  classDef added fill:#dafbe1,stroke:#1a7f37,stroke-width:2px',
        '  classDef changed fill:#fff8c5,stroke:#9a6700,stroke-width:2px',
        '  classDef removed fill:#ffebe9,stroke:#cf222e,color:#82071e,stroke-dasharray:5 5',
        '  class i0,i1,i2,ri0 image',
        '  class i3 scratch',
        '  class s3 target',
        '  class i1,s1,rs2 unreachable',
        '  class i0,s1,s2 added',
        '  class s0 changed',
        '  class ri0,rs1,rs2 removed',
        '  linkStyle 0 stroke:#1a7f37,stroke-width:2px',
        '  linkStyle 1 stroke:#1a7f37,stroke-width:2px',
        '  linkStyle 2 stroke:#1a7f37,stroke-width:2px',
        '  linkStyle 3 stroke:#333333',
        '  linkStyle 4 stroke:#1f6feb',
        '  linkStyle 5 stroke:#1a7f37,stroke-width:2px',
        '  linkStyle 6 stroke:#cf222e,stroke-dasharray:5 5',
        '  linkStyle 7 stroke:#cf222e,stroke-dasharray:5 5',
        '  linkStyle 8 stroke:#cf222e,stroke-dasharray:5 5',
        '  linkStyle 9 stroke:#cf222e,stroke-dasharray:5 5',
        '',
      ].join('\n'),
    );
  });

  it('notes a rename on the stage, and draws an unchanged graph exactly as toMermaid does', () => {
    const renamed = toMermaidDiff(compareDockerfiles(read('compose/d518da241'), read('compose/d518da241-renamed')));
    assert.match(renamed, /^ {2}s\d+\["packager #\d+<br>FROM alpine<br>platform linux\/amd64<br>renamed from releaser"\]$/m);
    assert.doesNotMatch(renamed, /classDef removed[^\n]*\n[\s\S]*class [^\n]* removed$/m);
    const same = toMermaidDiff(compareDockerfiles(OLDER, OLDER));
    assert.doesNotMatch(same, /class \S+ (added|changed|removed)$/m);
    assert.doesNotMatch(same, /-\.->/);
  });
});
