import type { GraphEntryPoint } from '../../src/core/editor/graphEntryPoints';
import { applyResolveOverride } from '../../src/core/editor/resolveOverride';
import { buildStageGraph } from '../../src/core/graph/buildStageGraph';
import { layoutStageGraph } from '../../src/core/layout/layoutStageGraph';
import { graphLayoutOptions, graphPanelModel, type GraphViewSettings } from '../../src/extension/graphView/graphPanelModel';
import type { EmptyMessage, GraphMessage } from '../../src/shared/protocol';

const defaults: GraphViewSettings = { target: null, buildArgs: {}, entryPoint: null, hideImages: false, direction: 'LR' };

/**
 * The message the graph panel posts for `text` as version `version` of `fileName`, with the Compose services and Bake
 * targets that build it, built the way the panel builds it.
 */
export function panelMessageFor(
  text: string,
  settings: Partial<GraphViewSettings> = {},
  version = 1,
  fileName = 'Dockerfile',
  entryPoints: readonly GraphEntryPoint[] = [],
): GraphMessage | EmptyMessage {
  const chosen = { ...defaults, ...settings };
  // Resolved as the host's cache resolves it: the view's choices over the settings (none unless given).
  const graph = buildStageGraph(text, applyResolveOverride(chosen.fromSettings ?? { target: '', buildArgs: {} }, chosen));
  return graphPanelModel({ uri: `file:///work/${fileName}`, fileName, version, text }, graph, chosen, layoutStageGraph(graph, graphLayoutOptions(chosen, entryPoints)), entryPoints);
}
