// The graph view's script: draws what the extension host sends and reports what the user does. It never parses
// the Dockerfile; every message it receives is validated first.
import type { BuildStateMessage, GraphMessage, GraphViewState, HostToWebviewMessage } from '../src/shared/protocol';
import { validateHostMessage } from '../src/shared/validateMessages';
import { BuildButton } from './buildButton';
import { BuildOverlayView } from './buildOverlay';
import { DiffOverlayView } from './diffOverlay';
import { FoldingControls } from './foldingControls';
import { GraphRenderer } from './graphRenderer';
import { TimelineStripView } from './timelineStrip';
import { createViewElements, readBuildArgs, renderBuildArgs, renderTargets, targetChoice } from './viewElements';
import { connectToHost } from './vscodeApi';

const host = connectToHost();
const view = createViewElements(document.body);
const state: GraphViewState = host.loadState();
/** The graph message on screen, and the last one that built (kept on screen while the file does not build). */
let current: GraphMessage | null = null;
let lastGood: GraphMessage | null = null;
let statusTimer: ReturnType<typeof setTimeout> | undefined;
/** Set when the user changed the direction or the folding: the next drawing has another shape, so it is placed anew. */
let pendingFit = false;
/** A stage "Show in graph" asked for that was folded away: shown once the unfolded drawing arrives. */
let pendingReveal: number | null = null;
/** A stage of a family the user just opened or closed: kept in view in the new drawing instead of placing it anew. */
let pendingKeep: number | null = null;

const renderer = new GraphRenderer(view.svg, {
  activateNode(node) {
    if (node.kind === 'summary' || node.kind === 'family') folding.unfold(node);
    else if (node.stage !== null && current) host.post({ type: 'revealStage', stage: node.stage, version: current.version });
    else if (node.entryPoint !== null) host.post({ type: 'revealEntryPoint', id: node.entryPoint });
  },
  activateEdge(edge) {
    if (current && edge.lines.length > 0) host.post({ type: 'revealLine', line: edge.lines[0], version: current.version });
  },
  collapseGroup: (group) => folding.setFamily(group.id, true, stageOfNodeId(group.members[0])),
  focusNode: (node) => folding.focusOn(node),
  leaveFocus: () => folding.clearFocus(),
  viewChanged: saveState,
  zoomed: (scale) => comparison.zoomed(scale),
});

// A build laid onto the document (live, ended or a saved log): drawn over the graph of its version only.
let build: BuildStateMessage | null = null;
/** The graph message whose drawing is on screen (the last good one while the file does not build). */
let drawn: GraphMessage | null = null;
const revealBuildLine = (line: number): void => {
  if (build) host.post({ type: 'revealLine', line, version: build.version });
};
const buildMarks = new BuildOverlayView(view.svg, { revealLine: revealBuildLine });
renderer.markNodes((node) => buildMarks.classesOf(node));
const timeline = new TimelineStripView(
  {
    revealStage: (stage) => build && host.post({ type: 'revealStage', stage, version: build.version }),
    revealLine: revealBuildLine,
    collapsedChanged(collapsed) {
      state.timelineCollapsed = collapsed;
      saveState();
    },
  },
  state.timelineCollapsed,
);
view.svg.after(timeline.element);
const buildButton = new BuildButton({
  build: (documentUri) => host.post({ type: 'build', documentUri }),
  cancel: () => host.post({ type: 'cancelBuild' }),
  status: showStatus,
});
view.fileName.after(buildButton.element);

/** Draws the build's states over the drawing on screen, when the build describes that drawing's document version. */
function showBuild(): void {
  const overlay = build && drawn && build.documentUri === drawn.documentUri && build.version === drawn.version ? build.overlay : null;
  const marked = buildMarks.draw(overlay);
  renderer.markNodes((node) => buildMarks.classesOf(node));
  timeline.show(overlay);
  if (overlay && build) host.post({ type: 'buildDrawn', version: build.version, running: overlay.running, nodeCount: marked });
}

const folding = new FoldingControls(view, {
  choose(choices, keep) {
    if (keep === null) pendingFit = true;
    else pendingKeep = keep;
    host.post({ type: 'setViewChoices', view: choices });
  },
  focusCandidate() {
    const selected = current?.layout.nodes.find((node) => node.key === renderer.selected && node.stage !== null);
    return selected ?? (renderer.highlightedStage === null ? null : (renderer.nodeForStage(renderer.highlightedStage) ?? null));
  },
  status: showStatus,
});

/** The stage index in a stage node's id (`stage:3`), or null. */
function stageOfNodeId(id: string | undefined): number | null {
  const match = /^stage:(\d+)$/.exec(id ?? '');
  return match ? Number(match[1]) : null;
}

const comparison = new DiffOverlayView(view, {
  compare: (on) => host.post({ type: 'compareWithHead', compare: on }),
  status: showStatus,
  extent(extent, fit) {
    renderer.setExtent(extent);
    if (fit) renderer.fit();
  },
});

function saveState(): void {
  state.zoom = renderer.hasDrawing ? renderer.zoom : state.zoom;
  state.selected = renderer.selected;
  host.saveState(state);
}

function showGraph(message: GraphMessage): void {
  const sameDocument = current?.documentUri === message.documentUri || (current === null && state.documentUri === message.documentUri);
  current = message;
  if (!sameDocument) lastGood = null;
  if (message.error === null) lastGood = message;
  view.fileName.textContent = message.fileName;
  view.fileName.title = message.documentUri;
  buildButton.setDocument(message.documentUri);
  renderTargets(view.target, message);
  renderBuildArgs(view.buildArgFields, view.buildArgsSummary, message.buildArgs);
  view.reset.hidden = !message.overriding;
  view.hideImages.checked = message.hideImages;
  view.direction.value = message.direction;
  // Folding changed by other means than the buttons (a restored state): the drawing has a new shape too.
  if (sameDocument && JSON.stringify(folding.current) !== JSON.stringify(message.view)) pendingFit = true;
  folding.show(message.view, message.layout.nodes);
  state.view = message.view;
  view.banner.hidden = message.error === null;
  view.banner.textContent = message.error === null ? '' : bannerText(message, lastGood !== null && lastGood !== message);
  const shown = message.error !== null && lastGood ? lastGood : message;
  if (shown.layout.nodes.length === 0) {
    showEmpty('Nothing can be drawn until the error above is fixed.', false);
    return;
  }
  view.empty.hidden = true;
  view.svg.style.display = '';
  const firstDrawing = !renderer.hasDrawing;
  renderer.draw(shown.layout, shown.view.focus);
  // The comparison's marks belong to the drawing before; the host sends this drawing's while comparing.
  comparison.clearMarks();
  drawn = shown;
  showBuild();
  if (firstDrawing && sameDocument && state.zoom) {
    // Restoring the zoom saves state, so take the saved selection first.
    const { zoom, selected } = state;
    renderer.select(selected);
    renderer.zoom = zoom;
  } else if (firstDrawing || !sameDocument) {
    renderer.select(null);
    renderer.showFirstView();
  } else if (pendingReveal !== null) {
    renderer.follow(pendingReveal, true);
  } else if (pendingFit) {
    renderer.showFirstView(true);
  } else if (pendingKeep !== null) {
    renderer.keepInView(pendingKeep);
  }
  pendingFit = false;
  pendingReveal = null;
  pendingKeep = null;
  state.documentUri = message.documentUri;
  saveState();
  document.body.dataset.stageflow = 'ready';
  host.post({ type: 'rendered', version: message.version, nodeCount: shown.layout.nodes.length });
}

function bannerText(message: GraphMessage, keptPrevious: boolean): string {
  // BuildKit's parse errors already say "on line N"; repeat the line only where its message does not.
  const saysLine = message.errorLine !== null && new RegExp(`\\bline ${message.errorLine}\\b`).test(message.error ?? '');
  const where = message.errorLine === null || saysLine ? '' : ` (line ${message.errorLine})`;
  const kept = keptPrevious ? '\nShowing the last drawing that built.' : '';
  return `This Dockerfile does not build: ${message.error}${where}${kept}`;
}

/** Replaces the drawing with an explanation; `forget` drops the document (the host has nothing to show). */
function showEmpty(text: string, forget = true): void {
  if (forget) {
    current = null;
    lastGood = null;
    view.banner.hidden = true;
    // The toolbar described the document that is gone: no stale name, targets or build args for it.
    view.fileName.textContent = '';
    view.fileName.title = '';
    renderTargets(view.target, null);
    renderBuildArgs(view.buildArgFields, view.buildArgsSummary, []);
    view.reset.hidden = true;
    buildButton.setDocument(null);
  }
  drawn = null;
  showBuild();
  view.empty.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = 'Nothing to draw yet';
  const detail = document.createElement('p');
  detail.textContent = text;
  view.empty.append(heading, detail);
  view.empty.hidden = false;
  view.svg.style.display = 'none';
  document.body.dataset.stageflow = 'empty';
}

function showStatus(text: string): void {
  view.status.textContent = text;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => (view.status.textContent = ''), 4000);
}

function handle(message: HostToWebviewMessage): void {
  switch (message.type) {
    case 'graph':
      showGraph(message);
      break;
    case 'empty':
      showEmpty(message.message);
      break;
    case 'highlightStage':
      if (current && message.version === current.version) {
        renderer.highlightStage(message.stage);
        const folded = message.stage === null ? undefined : renderer.nodeForStage(message.stage);
        // "Show in graph" on a stage folded into a summary or family unfolds it, then shows it in the new drawing.
        if (message.reveal && (folded?.kind === 'summary' || folded?.kind === 'family')) {
          pendingReveal = message.stage;
          folding.unfold(folded);
        } else if (message.stage !== null) {
          renderer.follow(message.stage, message.reveal);
        }
      }
      break;
    case 'exportResult':
      showStatus(message.message);
      break;
    case 'diffOverlay':
      if (message.overlay && current && message.version === current.version && current.error === null) comparison.show(message.overlay, current.layout);
      else comparison.showNone(message.message, message.version !== null);
      break;
    case 'buildState':
      build = message;
      showBuild();
      break;
    case 'buildAvailability':
      buildButton.setAvailability(message);
      break;
    default:
      assertNever(message);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled message ${JSON.stringify(value)}`);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = validateHostMessage(event.data);
  if (message) handle(message);
  else console.warn('Stageflow graph view ignored an unexpected message', event.data);
});

// Typing marks the matches and leaves focus in the box; Enter shows the next match (Shift+Enter the previous).
let searchPosition = -1;
view.search.addEventListener('input', () => {
  const matches = renderer.markMatches(view.search.value);
  searchPosition = -1;
  const count = `${matches.length} ${matches.length === 1 ? 'match' : 'matches'}`;
  showStatus(view.search.value.trim() === '' ? '' : matches.length === 0 ? 'No stage matches' : `${count}: Enter shows ${matches.length === 1 ? 'it' : 'the next'}`);
});
view.search.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  event.preventDefault();
  const matches = renderer.matches;
  if (matches.length === 0) {
    showStatus(view.search.value.trim() ? 'No stage matches' : '');
    return;
  }
  searchPosition = (searchPosition + (event.shiftKey ? matches.length - 1 : 1)) % matches.length;
  const found = matches[searchPosition];
  renderer.reveal(found);
  showStatus(`Found ${found.lines[0]}${matches.length > 1 ? ` (${searchPosition + 1} of ${matches.length})` : ''}`);
});
view.target.addEventListener('change', () => host.post(targetChoice(view.target)));
view.buildArgFields.addEventListener('submit', (event) => {
  event.preventDefault();
  host.post({ type: 'setBuildArgs', buildArgs: readBuildArgs(view.buildArgFields) });
});
view.reset.addEventListener('click', () => host.post({ type: 'resetResolveOptions' }));
const postLayoutOptions = (): void =>
  host.post({ type: 'setLayoutOptions', hideImages: view.hideImages.checked, direction: view.direction.value === 'TB' ? 'TB' : 'LR' });
view.hideImages.addEventListener('change', postLayoutOptions);
view.direction.addEventListener('change', () => {
  pendingFit = true;
  postLayoutOptions();
});
view.fit.addEventListener('click', () => renderer.fit());
showLegend(state.legend);
view.legendToggle.addEventListener('click', () => {
  showLegend(!state.legend);
  saveState();
});

function showLegend(shown: boolean): void {
  state.legend = shown;
  view.legend.hidden = !shown;
  view.legendToggle.setAttribute('aria-pressed', String(shown));
}
for (const format of ['svg', 'mermaid', 'dot'] as const) {
  view.exports[format].addEventListener('click', () => host.post({ type: 'exportGraph', format }));
}

host.post({ type: 'ready', restore: state.documentUri !== null && state.view !== null ? { documentUri: state.documentUri, view: state.view } : null });
