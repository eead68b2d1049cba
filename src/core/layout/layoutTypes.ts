/**
 * The positioned picture of a stage graph, shared by the webview (d3) and the SVG export so both draw the same
 * thing. Plain JSON-serialisable data; coordinates in pixels, origin top-left, y downwards.
 */

/** Which way dependencies flow on screen. */
export type LayoutDirection = 'LR' | 'TB';

/** What a node stands for: `entry` is a Compose service or Bake target that builds a stage, `family` a collapsed
 *  family of variant stages, `summary` stages folded away. */
export type LayoutNodeKind = 'stage' | 'image' | 'scratch' | 'entry' | 'family' | 'summary';

/** A Compose service or Bake target to draw as its own node, with an edge to the stage it builds. */
export interface LayoutEntryPoint {
  /** Unique among the entry points drawn, and the same across edits (`compose:api@compose.yaml`). */
  id: string;
  /** The node's title: `compose: api`, `bake: app-debug`. */
  label: string;
  /** The index of the stage it builds. */
  stage: number;
  /** Hover text: where it is written, its target and build args. */
  tooltip: string;
}

/** Choices that change the picture. */
export interface LayoutOptions {
  /** Left-to-right (default) or top-to-bottom. */
  direction?: LayoutDirection;
  /** Leave external images and `scratch` out; stages that build on them keep their base in their label. */
  hideImages?: boolean;
  /** Compose services and Bake targets that build stages of the graph, drawn after the stage each builds. */
  entryPoints?: LayoutEntryPoint[];
  /** Draw only the stage with this key (`LayoutNode.key`), what it needs and what needs it; the rest as one summary
   *  node. A key no stage has is ignored. */
  focus?: string | null;
  /** Draw only what the target builds; the stages it skips as one summary node. */
  buildPath?: boolean;
  /** Families of stages (`findStageFamilies`) to draw as one node (true) or as a group of boxes (false), by id. */
  families?: Record<string, boolean>;
  /** Families not named in `families` are drawn as one node in graphs of this many stages or more (default: never). */
  collapseFamiliesFrom?: number;
}

/** One box of the drawing. */
export interface LayoutNode {
  /** Unique within one layout: `stage:<index>`, `image:<ref>`, `entry:<entry point id>`, `family:<stem>` or
   *  `summary:<skipped|unrelated>`. */
  id: string;
  /** Stays the same across small edits (stage name, else index), so a redraw can animate from old to new. */
  key: string;
  kind: LayoutNodeKind;
  /** The stage index for stage nodes, else null. */
  stage: number | null;
  /** The stage indexes a family or summary node stands for, in file order (empty for other nodes). */
  members: number[];
  /** The image reference for image and scratch nodes, else null. */
  image: string | null;
  /** The entry point's id (`LayoutEntryPoint.id`) for entry nodes, else null. */
  entryPoint: string | null;
  /** Top-left corner and size. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text lines to draw, already shortened to fit `width`; the first is the title. */
  lines: string[];
  /** The complete description for hover text (never shortened). */
  tooltip: string;
  /** For screen readers: one sentence saying what this node is. */
  ariaLabel: string;
  /** Stages built for the target (images used by them); false means drawn greyed as skipped. */
  reachable: boolean;
  isTarget: boolean;
}

/** One drawn connection: the graph edges of one kind between the same two nodes, merged. */
export interface LayoutEdge {
  /** Unique within one layout, stable across small edits. */
  id: string;
  source: string;
  target: string;
  /** `builds`: from a stage to the Compose service or Bake target that builds it. */
  kind: 'from' | 'copy' | 'mount' | 'builds';
  /** Inherited through an ONBUILD trigger. */
  onbuild: boolean;
  /** Indexes into `StageGraph.edges` of the merged edges, in graph order. */
  edges: number[];
  /** 1-based lines of the instructions that make this edge, in graph order. */
  lines: number[];
  /** Polyline the edge follows (ports and long-edge bends), from source to target. */
  points: Array<{ x: number; y: number }>;
  /** SVG path data: the polyline smoothed into cubic curves. */
  path: string;
  /** Short label drawn on the edge (may be empty), with the count of merged copies. */
  label: string;
  /** The full list of what flows, for hover text. */
  tooltip: string;
  /** Where to centre the label. */
  labelX: number;
  labelY: number;
  reachable: boolean;
}

/** A box around the members of a family of stages drawn side by side (the family is not collapsed). */
export interface LayoutGroup {
  /** The family's id (`family:<stem>`), stable across small edits. */
  id: string;
  /** What the box is labelled: the family's stem and how many variants. */
  label: string;
  /** Top-left corner and size; the label sits in a band along the top. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Ids of the member nodes inside. */
  members: string[];
}

/** The whole positioned drawing with quality figures. */
export interface GraphLayout {
  direction: LayoutDirection;
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Families of stages drawn side by side, each in a box. */
  groups: LayoutGroup[];
  /** Edge crossings between adjacent layers (after long edges are split). */
  crossings: number;
  /** Interior polyline points where an edge changes direction. */
  bends: number;
  /**
   * The smallest zoom scale at which the drawing reads (see `readableScale`), worked out with the layout so the view
   * opens without trying scales itself.
   */
  readableScale: number;
}
