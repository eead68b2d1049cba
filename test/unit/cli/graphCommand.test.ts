import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { toDot } from '../../../src/core/export/toDot';
import { toMermaid } from '../../../src/core/export/toMermaid';
import { REPOSITORY, StageflowProcess } from './stageflowProcess';

const EXAMPLES = ['go-service', 'node-frontend', 'rust-service', 'parameterised', 'monorepo'];

function example(name: string): string {
  return readFileSync(path.join(REPOSITORY, 'examples', `${name}.Dockerfile`), 'utf8');
}

describe('stageflow graph', () => {
  let cli: StageflowProcess;
  before(async () => {
    cli = await StageflowProcess.build();
  });
  after(() => cli.dispose());

  for (const name of EXAMPLES) {
    it(`prints the model of examples/${name}.Dockerfile as pretty JSON by default, exit 0`, () => {
      const result = cli.run(['graph', `examples/${name}.Dockerfile`]);
      assert.deepEqual(result, {
        status: 0,
        stdout: `${JSON.stringify(buildStageGraph(example(name)), null, 2)}\n`,
        stderr: '',
      });
    });

    it(`prints examples/${name}.Dockerfile as DOT and as Mermaid`, () => {
      const graph = buildStageGraph(example(name));
      assert.deepEqual(cli.run(['graph', `examples/${name}.Dockerfile`, '--format', 'dot']), {
        status: 0,
        stdout: toDot(graph),
        stderr: '',
      });
      assert.deepEqual(cli.run(['graph', `examples/${name}.Dockerfile`, '--format=mermaid']), {
        status: 0,
        stdout: toMermaid(graph),
        stderr: '',
      });
    });
  }

  it('shows which stages of the monorepo example the default target does not build', () => {
    const graph = JSON.parse(cli.run(['graph', 'examples/monorepo.Dockerfile']).stdout);
    const unbuilt = graph.stages.filter((s: { reachable: boolean }) => !s.reachable).map((s: { label: string }) => s.label);
    assert.deepEqual(
      [graph.ok, graph.stages.length, graph.stages[graph.target].label, unbuilt],
      [true, 17, 'release', ['py-base', 'go-test', 'go-lint', 'web-test', 'reports', 'debug']],
    );
  });

  const twoStages = 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n';

  it('reads the Dockerfile from stdin for `-` and draws it as DOT', () => {
    assert.deepEqual(cli.run(['graph', '-', '--format', 'dot'], { input: twoStages }), {
      status: 0,
      stdout: [
        'digraph stageflow {',
        '  rankdir=LR;',
        '  node [shape=box, style=rounded, fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
        '  i0 [label="golang:1.22", fillcolor="#eeeeee", style="rounded,filled"];',
        '  i1 [label="scratch", style="dotted"];',
        '  s0 [label="build #0\\nFROM golang:1.22", style="rounded"];',
        '  s1 [label="stage-1 #1\\nFROM scratch\\ntarget", style="rounded", penwidth="2"];',
        '  i0 -> s0 [style="bold", color="black", fontcolor="black"];',
        '  i1 -> s1 [style="bold", color="black", fontcolor="black"];',
        '  s0 -> s1 [label="COPY\\n/out/app → /app", style="solid", color="#1f6feb", fontcolor="#1f6feb"];',
        '}',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('draws it as a Mermaid flowchart', () => {
    assert.deepEqual(cli.run(['graph', '-', '--format', 'mermaid'], { input: twoStages }), {
      status: 0,
      stdout: [
        'flowchart LR',
        '  i0(["golang:1.22"])',
        '  i1(("scratch"))',
        '  s0["build #0<br>FROM golang:1.22"]',
        '  s1["stage-1 #1<br>FROM scratch<br>target"]',
        '  i0 ==> s0',
        '  i1 ==> s1',
        '  s0 -->|"COPY<br>/out/app → /app"| s1',
        '  classDef image fill:#eeeeee,stroke:#888888',
        '  classDef scratch fill:none,stroke:#888888,stroke-dasharray:2 2',
        '  classDef target stroke-width:3px',
        '  classDef unreachable fill:#f6f6f6,stroke:#aaaaaa,color:#999999,stroke-dasharray:5 5',
        '  class i0 image',
        '  class i1 scratch',
        '  class s1 target',
        '  linkStyle 0 stroke:#333333',
        '  linkStyle 1 stroke:#333333',
        '  linkStyle 2 stroke:#1f6feb',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('resolves with --target, --build-arg (K=V, or K from the environment) and --platform, as docker build does (SEMANTICS: Variables, What gets built)', () => {
    const dockerfile = 'ARG BASE=alpine:3.20\nFROM --platform=$TARGETPLATFORM ${BASE} AS base\nFROM base AS app\nFROM alpine AS other\n';
    const expected = (base: string): unknown => ({
      target: 1,
      reachable: [0, 1],
      stages: [
        { label: 'base', baseName: base, platform: 'linux/arm64' },
        { label: 'app', baseName: 'base', platform: null },
        { label: 'other', baseName: 'alpine', platform: null },
      ],
      options: { target: 'app', buildArgs: { BASE: base }, buildPlatform: 'linux/amd64', targetPlatform: 'linux/arm64' },
    });
    const summary = (stdout: string): unknown => {
      const graph = JSON.parse(stdout);
      return {
        target: graph.target,
        reachable: graph.reachable,
        stages: graph.stages.map((s: { label: string; baseName: string; platform: string | null }) => ({
          label: s.label,
          baseName: s.baseName,
          platform: s.platform,
        })),
        options: graph.options,
      };
    };
    const explicit = cli.run(['graph', '-', '--target', 'app', '--build-arg', 'BASE=debian:12', '--platform', 'linux/arm64'], {
      input: dockerfile,
    });
    assert.equal(explicit.status, 0);
    assert.deepEqual(summary(explicit.stdout), expected('debian:12'));
    const fromEnvironment = cli.run(['graph', '-', '--target=app', '--build-arg', 'BASE', '--platform=linux/arm64'], {
      input: dockerfile,
      env: { BASE: 'ubuntu:24.04' },
    });
    assert.deepEqual(summary(fromEnvironment.stdout), expected('ubuntu:24.04'));
  });

  it('still prints the graph of a file BuildKit rejects, and exits 1', () => {
    const result = cli.run(['graph', '-', '--target', 'nope'], { input: twoStages });
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
    const graph = JSON.parse(result.stdout);
    assert.deepEqual([graph.ok, graph.error, graph.stages.length], [false, 'target stage "nope" could not be found', 2]);
  });

  it('reads ./Dockerfile when no file is given, like docker build', () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'stageflow-default-'));
    try {
      writeFileSync(path.join(directory, 'Dockerfile'), twoStages);
      assert.deepEqual(cli.run(['graph'], { cwd: directory }), cli.run(['graph', '-'], { input: twoStages }));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
