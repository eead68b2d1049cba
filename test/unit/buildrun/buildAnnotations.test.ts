import * as assert from 'node:assert/strict';
import { readBuildLog } from '../../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../../src/core/buildlog/buildTimeline';
import type { BuildTimeline } from '../../../src/core/buildlog/model';
import { buildAnnotations, type LineAnnotation } from '../../../src/core/buildrun/buildAnnotations';
import { LiveBuild } from '../../../src/core/buildrun/liveBuild';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { buildLogFixture } from '../buildlog/buildLogFixtures';

// Real builds of test/fixtures/buildlogs; Dockerfile lines are 1-based as the annotations' are.

function annotate(log: string, dockerfile: string): LineAnnotation[] {
  const graph = buildStageGraph(buildLogFixture(dockerfile));
  const timeline = buildTimeline(readBuildLog(buildLogFixture(log)), graph) as BuildTimeline;
  assert.equal(timeline.kind, 'timeline');
  return buildAnnotations(timeline, graph, 0);
}

/** `line text (state)` per annotation. */
function brief(annotations: LineAnnotation[]): string[] {
  return annotations.map((annotation) => `${annotation.line} ${annotation.text} (${annotation.state})`);
}

describe('buildAnnotations', () => {
  it("puts each step's time after its instruction and each stage's after its FROM", () => {
    const annotations = annotate('parallel.log', 'parallel.Dockerfile');
    assert.deepEqual(brief(annotations), [
      '2 stage built 1.1s (done)',
      '3 0.0s (done)',
      '4 1.1s (done)',
      // deps: ENV on line 7 makes no step.
      '6 stage built 2.1s (done)',
      '8 2.1s (done)',
      '10 stage built 1.1s (done)',
      '11 1.1s (done)',
      '13 stage built 3.1s (done)',
      '14 3.1s (done)',
      '16 stage built 0.1s (done)',
      '17 0.0s (done)',
      '18 0.0s (done)',
      '19 0.1s (done)',
      '22 not needed by final (not-run)',
      '25 stage built 0.0s (done)',
      '26 0.0s (done)',
      '27 0.0s (done)',
    ]);
    assert.deepEqual(annotations[13].detail, ['Stage docs: not run', 'Why: not needed by target final; built by --target docs']);
    // The hover of base's FROM: the stage, and its FROM step that BuildKit ran once for the four stages on busybox.
    assert.deepEqual(annotations[0].detail, ['Stage base: built 1.1s, on the critical path', 'FROM 0.0s (run once for the stages that start alike)']);
  });

  it('marks the cache on a rebuild', () => {
    assert.deepEqual(brief(annotate('parallel-rebuild.log', 'parallel.Dockerfile')).slice(0, 3), ['2 stage cached (cached)', '3 cached (cached)', '4 cached (cached)']);
  });

  it('shows the failing step with its error and output, the canceled siblings and why the target never ran', () => {
    const annotations = annotate('failure.log', 'failure.Dockerfile');
    assert.deepEqual(brief(annotations), [
      '2 stage built 0.1s (done)',
      '3 0.1s (done)',
      '5 stage canceled (canceled)',
      '6 canceled (canceled)',
      '8 stage failed (failed)',
      '9 failed (failed)',
      '11 stage canceled (canceled)',
      '12 canceled (canceled)',
      '14 not run: the build stopped (not-run)',
    ]);
    const failing = annotations.find((annotation) => annotation.line === 9)!;
    assert.deepEqual(failing.detail, ['RUN failed: executor failed running [/bin/sh -c sleep 1 && echo "running tests" && exit 3]: exit code: 3']);
    assert.deepEqual(failing.output, ['running tests']);
  });

  it("shows a parent's ONBUILD trigger on the ONBUILD line, run in the child", () => {
    const annotations = annotate('onbuild.log', 'onbuild.Dockerfile');
    assert.deepEqual(brief(annotations), ['2 stage built 0.3s (done)', '3 0.1s (done)', '4 0.3s (done)', '6 stage built 0.2s (done)', '7 0.1s (done)']);
    assert.deepEqual(annotations[1].detail, ['ONBUILD 0.1s, run in stage child']);
  });

  it('counts the seconds of a step still running, and shows the stages still queued', () => {
    const graph = buildStageGraph(buildLogFixture('parallel.Dockerfile'));
    const live = new LiveBuild(graph);
    const lines = buildLogFixture('parallel.log').split('\n');
    // Lines 1-39 arrive at 10.000s: lint's RUN (#14) has started and paused, deps and the rest have not.
    live.write('stderr', lines.slice(0, 39).join('\n') + '\n', 10_000);
    const timeline = live.timeline() as BuildTimeline;
    assert.deepEqual(brief(buildAnnotations(timeline, graph, 12_600)).filter((text) => /^(6|13|14|25) /.test(text)), [
      '6 queued (queued)',
      '13 running 2s (running)',
      '14 running 2s (running)',
      '25 queued (queued)',
    ]);
  });
});
