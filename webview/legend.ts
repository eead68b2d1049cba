const SVG = 'http://www.w3.org/2000/svg';

/** One entry: a small drawing with the graph's own classes (so it takes the theme's colours) and what it means. */
interface LegendEntry {
  /** Classes of the swatch's group, as the graph draws that thing (`node node-stage target`, `edge edge-copy`). */
  classes: string;
  shape: 'box' | 'pill' | 'line' | 'frame' | 'ring';
  text: string;
}

const NODE_ENTRIES: LegendEntry[] = [
  { classes: 'node node-stage', shape: 'box', text: 'Stage (click: its FROM in the editor)' },
  { classes: 'node node-stage target', shape: 'box', text: 'Build target (thick outline)' },
  { classes: 'node node-stage unreachable', shape: 'box', text: 'Not built for the target (dashed, faded, "not built")' },
  { classes: 'node node-stage highlighted', shape: 'box', text: 'Stage under the editor cursor' },
  { classes: 'node node-stage match', shape: 'box', text: 'Matches the search' },
  { classes: 'node node-stage focused', shape: 'box', text: 'Focused stage (Focus, double-click or F)' },
  { classes: 'node node-image', shape: 'pill', text: 'External image' },
  { classes: 'node node-scratch', shape: 'pill', text: 'scratch: the empty image' },
  { classes: 'node node-entry', shape: 'pill', text: 'Compose service or Bake target (click: its file)' },
  { classes: 'node node-family', shape: 'box', text: 'A family of variants, collapsed (click: show them side by side)' },
  { classes: 'group', shape: 'frame', text: 'A family side by side (click its label to collapse it)' },
  { classes: 'node node-summary', shape: 'box', text: 'Stages folded away by Build path or Focus (click: show them)' },
  { classes: 'node node-stage', shape: 'box', text: 'Zoomed out, "…" in a box: its name left out for room (hover shows it; a filled box has no room even for "…")' },
];

const EDGE_ENTRIES: LegendEntry[] = [
  { classes: 'edge edge-from chain', shape: 'line', text: 'FROM chain of the build target' },
  { classes: 'edge edge-from', shape: 'line', text: 'FROM: builds on (thick when built)' },
  { classes: 'edge edge-copy', shape: 'line', text: 'COPY --from: copies files' },
  { classes: 'edge edge-mount', shape: 'line', text: 'RUN --mount from: mounts files' },
  { classes: 'edge edge-copy onbuild', shape: 'line', text: 'Added by a base stage\'s ONBUILD trigger' },
  { classes: 'edge edge-copy unreachable', shape: 'line', text: 'Into a stage that is not built' },
  { classes: 'edge edge-builds', shape: 'line', text: 'Built by a Compose service or Bake target' },
];

/** A build laid onto the graph: each state's outline (its badge's sign in the text), the critical path. */
const BUILD_ENTRIES: LegendEntry[] = [
  { classes: 'node node-stage build build-queued', shape: 'box', text: '◷ queued: needed, not started (dotted)' },
  { classes: 'node node-stage build build-running', shape: 'box', text: '▶ running, with its seconds (moving dashes)' },
  { classes: 'node node-stage build build-built', shape: 'box', text: '✓ built, with its time' },
  { classes: 'node node-stage build build-cached', shape: 'box', text: '↺ cached: every step from the build cache (dash-dot)' },
  { classes: 'node node-stage build build-failed', shape: 'box', text: '✗ failed (heavy outline; click its badge: the failing line)' },
  { classes: 'node node-stage build build-canceled', shape: 'box', text: '⊘ canceled, or the log stops inside it (dash-dot-dot)' },
  { classes: 'node node-stage build build-not-run', shape: 'box', text: '– not run; its hover says why' },
  { classes: 'node node-stage build build-built critical', shape: 'ring', text: 'On the critical path (ringed): the chain that held the build up' },
  { classes: 'edge edge-from critical', shape: 'line', text: 'Between stages on the critical path' },
];

/** The swatch's own svg carries the classes (not a `g`), so selectors for the drawing's `g.node` never find it. */
function swatch(entry: LegendEntry): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', `swatch ${entry.classes}`);
  svg.setAttribute('width', '36');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  if (entry.shape === 'line') {
    const line = document.createElementNS(SVG, 'path');
    line.setAttribute('class', 'line');
    line.setAttribute('d', 'M2,9L34,9');
    svg.append(line);
  } else {
    if (entry.shape === 'ring') {
      const ring = document.createElementNS(SVG, 'rect');
      ring.setAttribute('class', 'critical-ring');
      for (const [name, value] of Object.entries({ x: '0', y: '0', width: '36', height: '18', rx: '5' })) ring.setAttribute(name, value);
      svg.append(ring);
    }
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', entry.shape === 'frame' ? 'frame' : 'box');
    const box = entry.shape === 'ring' ? { x: '4', y: '4', width: '28', height: '10' } : { x: '2', y: '2', width: '32', height: '14' };
    for (const [name, value] of Object.entries({ ...box, rx: entry.shape === 'pill' ? '7' : '3' })) rect.setAttribute(name, value);
    svg.append(rect);
  }
  return svg;
}

function section(title: string, entries: readonly LegendEntry[]): HTMLElement {
  const list = document.createElement('ul');
  for (const entry of entries) {
    const item = document.createElement('li');
    const text = document.createElement('span');
    text.textContent = entry.text;
    item.append(swatch(entry), text);
    list.append(item);
  }
  const heading = document.createElement('h3');
  heading.textContent = title;
  const part = document.createElement('section');
  part.append(heading, list);
  return part;
}

/** The legend: what each box, outline, line and dash of the drawing means, built without markup parsing. */
export function createLegend(): HTMLElement {
  const legend = document.createElement('aside');
  legend.className = 'legend';
  legend.id = 'graph-legend';
  legend.setAttribute('aria-label', 'Legend');
  legend.append(section('Boxes', NODE_ENTRIES), section('Lines', EDGE_ENTRIES), section('Build', BUILD_ENTRIES));
  return legend;
}
