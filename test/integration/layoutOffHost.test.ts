// The graph view lays out in a worker thread, so a large Dockerfile never blocks the extension host (issue 10):
// while a dense file's layout runs, a CodeLens request is answered. Prints the timings it saw (no timing asserts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, waitFor } from './dockerfileTestHelpers';
import { panelReport } from './graphPanelReport';

/**
 * `stages` stages, each built on one of the three before it (every tenth on an image) and copying from three of
 * the twenty before it: many long, crossing edges, the layout's hardest case.
 */
function denseDockerfile(stages: number): string[] {
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines: string[] = [];
  for (let index = 0; index < stages; index++) {
    const base = index === 0 || random() < 0.1 ? 'alpine:3.20' : `s${Math.max(0, index - 1 - Math.floor(random() * 3))}`;
    lines.push(`FROM ${base} AS s${index}`);
    for (let copy = 0; index > 0 && copy < 3; copy++) lines.push(`COPY --from=s${Math.max(0, index - 1 - Math.floor(random() * 20))} /out/a${copy} /in/${copy}/`);
    lines.push(`RUN make s${index}`);
  }
  return lines;
}

interface CodeLensAnswer {
  sentAt: number;
  answeredAt: number;
}

/**
 * Watches the host's event loop: a 10 ms timer that notes, each time it fires, how late it fired. A late timer is
 * time the host could not answer anything.
 */
function watchEventLoop(): { stop(): void; maxDelay(from: number, to: number): number } {
  const delays: Array<{ at: number; delay: number }> = [];
  let expected = Date.now() + 10;
  const timer = setInterval(() => {
    const now = Date.now();
    delays.push({ at: now, delay: Math.max(0, now - expected) });
    expected = now + 10;
  }, 10);
  return {
    stop: () => clearInterval(timer),
    maxDelay: (from, to) => Math.max(0, ...delays.filter((sample) => sample.at >= from && sample.at - sample.delay <= to).map((sample) => sample.delay)),
  };
}

describe('Graph view layout off the extension host', function () {
  this.timeout(180_000);
  afterEach(closeAllEditors);

  for (const stages of [300, 1000]) {
    it(`answers CodeLens while a dense ${stages}-stage file is laid out`, async () => {
      // The probe: CodeLens of a small Dockerfile in the editor. The large one is opened without an editor, so the
      // workbench asks nothing of it but the graph; the host is then busy only with what the graph view does.
      const probe = await openUntitled('FROM golang:1.22 AS build', 'RUN go build -o /out/app .', 'FROM alpine:3.20', 'COPY --from=build /out/app /app');
      const codeLenses = (): Thenable<vscode.CodeLens[]> => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', probe.uri);
      const large = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: `${denseDockerfile(stages).join('\n')}\n` });
      const eventLoop = watchEventLoop();
      // The same requests with no layout running, for comparison.
      const idle: CodeLensAnswer[] = [];
      for (let request = 0; request < 3; request++) {
        const sentAt = Date.now();
        await codeLenses();
        idle.push({ sentAt, answeredAt: Date.now() });
      }

      await vscode.commands.executeCommand('stageflow.showGraph', large.uri);
      const answers: CodeLensAnswer[] = [];
      const drawn = await waitFor(
        async () => {
          const sentAt = Date.now();
          const lenses = await codeLenses();
          answers.push({ sentAt, answeredAt: Date.now() });
          assert.ok(lenses.length > 0, 'the probe keeps its lenses');
          return panelReport();
        },
        (report) => report?.documentUri === large.uri.toString() && report.rendered?.version === large.version,
        `the ${stages}-stage graph to be drawn`,
        150_000,
      );
      eventLoop.stop();
      assert.equal(drawn?.nodeCount, stages + 1, 'every stage and alpine drawn');
      const layout = drawn?.layout;
      assert.ok(layout, 'the drawing reports its layout');
      const during = answers.filter((answer) => answer.sentAt >= layout.requestedAt && answer.answeredAt <= layout.arrivedAt);
      const slowest = (list: CodeLensAnswer[]): number => Math.max(...list.map((answer) => answer.answeredAt - answer.sentAt));
      console.log(
        `layout off host, ${stages} dense stages: layout ${layout.arrivedAt - layout.requestedAt} ms in the worker; ` +
          `${during.length} CodeLens requests answered during it (slowest ${slowest(during)} ms; with no layout running ${slowest(idle)} ms); ` +
          `longest host event-loop stall during the layout ${eventLoop.maxDelay(layout.requestedAt, layout.arrivedAt)} ms, ` +
          `from the layout's arrival until drawn ${eventLoop.maxDelay(layout.arrivedAt, Date.now())} ms`,
      );
      assert.ok(during.length > 0, 'a CodeLens request was sent and answered while the layout ran');
    });
  }

  it('draws the latest text when edits arrive during a layout', async () => {
    const document = await openUntitled(...denseDockerfile(300));
    await vscode.commands.executeCommand('stageflow.showGraph');
    await waitFor(panelReport, (report) => report?.rendered?.version === document.version, 'the first drawing', 150_000);
    const editor = vscode.window.visibleTextEditors.find((candidate) => candidate.document === document);
    assert.ok(editor);
    for (const name of ['extra1', 'extra2', 'extra3']) {
      await editor.edit((builder) => builder.insert(new vscode.Position(document.lineCount, 0), `FROM s0 AS ${name}\n`));
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const last = await waitFor(panelReport, (report) => report?.rendered?.version === document.version, 'the drawing of the last edit', 150_000);
    assert.equal(last?.nodeCount, 300 + 3 + 1);
  });
});
