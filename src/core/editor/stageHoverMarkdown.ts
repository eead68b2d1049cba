import type { Artifact, Edge, Stage, StageGraph } from '../model';
import { escapeMarkdown, inlineCode } from './markdownText';

/**
 * A stage's summary as Markdown, for a hover on its FROM or on a reference to it: what `docker buildx build
 * --call=targets` would say (name, description, base, platform), whether it is built, and the artifacts it
 * receives and sends. Every piece of file text is escaped.
 */
export function stageHoverMarkdown(graph: StageGraph, stageIndex: number): string {
  const stage = graph.stages[stageIndex];
  const lines: string[] = [];
  lines.push(`**Stage ${escapeMarkdown(stage.label)}** · #${stage.index} · lines ${stage.startLine}–${stage.endLine} · ${buildStatus(graph, stage)}`);
  if (stage.description) {
    lines.push('', escapeMarkdown(stage.description).replace(/\n/g, '  \n'));
  }
  lines.push('', `Base: ${baseText(graph, stage)}  `);
  if (stage.platform) {
    const written = stage.rawPlatform && stage.rawPlatform !== stage.platform ? ` (${inlineCode(stage.rawPlatform)})` : '';
    lines.push(`Platform: ${inlineCode(stage.platform)}${written}  `);
  }
  const received = graph.edges.filter((edge) => edge.to === stageIndex && edge.kind !== 'from');
  const sent = graph.edges.filter((edge) => 'stage' in edge.from && edge.from.stage === stageIndex && edge.kind !== 'from');
  const children = graph.edges.filter((edge) => 'stage' in edge.from && edge.from.stage === stageIndex && edge.kind === 'from');
  if (children.length > 0) {
    lines.push(`Base of: ${[...new Set(children.map((edge) => stageName(graph, edge.to)))].join(', ')}  `);
  }
  if (received.length > 0) {
    lines.push('', 'Receives:', ...received.map((edge) => `- ${artifactText(edge)} from ${sourceName(graph, edge)} (${edgeWhere(edge)})`));
  }
  if (sent.length > 0) {
    lines.push('', 'Sends:', ...sent.map((edge) => `- ${artifactText(edge)} to ${stageName(graph, edge.to)} (${edgeWhere(edge)})`));
  }
  return lines.join('\n');
}

function buildStatus(graph: StageGraph, stage: Stage): string {
  if (stage.isTarget) {
    return graph.options.target ? 'target' : 'default target';
  }
  if (stage.reachable === null || graph.target === null) {
    return 'build status unknown';
  }
  const target = escapeMarkdown(graph.stages[graph.target].label);
  return stage.reachable ? `built for ${target}` : `not built for ${target}`;
}

function baseText(graph: StageGraph, stage: Stage): string {
  if (stage.baseStage !== null) {
    return `stage ${stageName(graph, stage.baseStage)}`;
  }
  const written = stage.rawBaseName !== stage.baseName ? ` (written ${inlineCode(stage.rawBaseName)})` : '';
  const scratch = stage.baseName === 'scratch' ? ' (the empty image)' : '';
  return `${inlineCode(stage.baseName)}${scratch}${written}`;
}

function stageName(graph: StageGraph, index: number): string {
  return `**${escapeMarkdown(graph.stages[index].label)}**`;
}

function sourceName(graph: StageGraph, edge: Edge): string {
  return 'stage' in edge.from ? stageName(graph, edge.from.stage) : `image ${inlineCode(edge.from.image)}`;
}

function artifactText(edge: Edge): string {
  const artifact: Artifact | undefined = edge.artifact;
  if (!artifact) {
    return edge.kind === 'mount' ? 'a mount' : 'files';
  }
  const sources = artifact.sources.map(inlineCode).join(', ') || inlineCode('/');
  return `${sources} → ${inlineCode(artifact.destination)}`;
}

/** Where the instruction is written: for an ONBUILD-inherited edge, the trigger in the parent stage. */
function edgeWhere(edge: Edge): string {
  const kind = edge.kind === 'copy' ? 'COPY' : 'RUN --mount';
  return `${edge.onbuild ? 'ONBUILD ' : ''}${kind}, line ${edge.range.start.line + 1}`;
}
