import { readBuildLog } from '../../src/core/buildlog/buildLogReader';
import { buildTimeline } from '../../src/core/buildlog/buildTimeline';
import type { BuildTimeline } from '../../src/core/buildlog/model';
import { graphBuildOverlay, type OverlaySource } from '../../src/core/buildrun/graphBuildOverlay';
import { LiveBuild } from '../../src/core/buildrun/liveBuild';
import { buildStageGraph } from '../../src/core/graph/buildStageGraph';
import type { BuildStateMessage, GraphMessage, ViewChoices } from '../../src/shared/protocol';
import { buildLogFixture, buildOfLog } from '../unit/buildlog/buildLogFixtures';
import { panelMessageFor } from './panelMessage';

/** A graph message and the build state the panel would post with it. */
export interface BuildScene {
  graph: GraphMessage;
  build: BuildStateMessage;
}

/**
 * A real log of test/fixtures/buildlogs laid onto its Dockerfile as the panel does: the whole log as a saved log,
 * or (`liveLines`) its first lines as a running build that received one line every 100 ms from 10 s on, looked at
 * `liveSeconds` after the last; drawn with the view's folding `view`.
 */
export function buildScene(log: string, options: { liveLines?: number; liveSeconds?: number; version?: number; view?: ViewChoices } = {}): BuildScene {
  const { dockerfile, target } = buildOfLog(log);
  const text = buildLogFixture(dockerfile);
  const version = options.version ?? 1;
  const graph = panelMessageFor(text, { target: target ?? null, view: options.view }, version, dockerfile);
  if (graph.type !== 'graph') throw new Error(`${dockerfile} draws nothing`);
  const stageGraph = buildStageGraph(text, { target });
  let timeline: BuildTimeline;
  let source: OverlaySource;
  let now = 0;
  if (options.liveLines !== undefined) {
    const live = new LiveBuild(stageGraph);
    const lines = buildLogFixture(log).split('\n').slice(0, options.liveLines);
    lines.forEach((line, index) => live.write('stderr', `${line}\n`, 10_000 + index * 100));
    timeline = live.timeline() as BuildTimeline;
    source = { kind: 'build', running: true, report: null };
    now = 10_000 + lines.length * 100 + (options.liveSeconds ?? 2) * 1000;
  } else {
    timeline = buildTimeline(readBuildLog(buildLogFixture(log)), stageGraph) as BuildTimeline;
    source = { kind: 'log', name: log };
  }
  if (timeline.kind !== 'timeline') throw new Error(`${log} is not a build of ${dockerfile}`);
  return { graph, build: { type: 'buildState', documentUri: graph.documentUri, version, overlay: graphBuildOverlay(timeline, source, now) } };
}
