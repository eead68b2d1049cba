/**
 * Runtime checks for the graph view's messages: a message is accepted only when every field has the promised
 * type, so neither side ever acts on malformed or unexpected data (a webview is an untrusted renderer).
 */
import type { BuildOverlay, StageBuildState } from '../core/buildrun/graphBuildOverlay';
import type { StageBuildStateKind } from '../core/buildrun/stageBuildState';
import type { TimelineBar, TimelineStrip, TimelineTick } from '../core/buildrun/timelineStrip';
import type { DiffOverlay, DiffOverlayEdge, DiffOverlayGhost, DiffOverlayNode } from '../core/diff/diffOverlay';
import type { GraphLayout, LayoutEdge, LayoutGroup, LayoutNode } from '../core/layout/layoutTypes';
import type { BuildArgInfo, BuildStateMessage, DiffOverlayMessage, EntryPointInfo, ExportFormat, GraphMessage, HostToWebviewMessage, ViewChoices, WebviewToHostMessage } from './protocol';

type Check = (value: unknown) => boolean;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const isLine: Check = (value) => Number.isInteger(value) && (value as number) >= 1;
const isIndex: Check = (value) => Number.isInteger(value) && (value as number) >= 0;
const orNull = (check: Check): Check => (value) => value === null || check(value);
const oneOf = <T>(...values: T[]): Check => (value) => (values as unknown[]).includes(value);
const arrayOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const isStringMap: Check = (value) => isRecord(value) && Object.values(value).every(isString);
const isDirection = oneOf('LR', 'TB');
const isExportFormat = oneOf<ExportFormat>('svg', 'mermaid', 'dot');

/** An object with exactly these checked fields (extra fields are rejected, so nothing unexpected passes). */
function shape(fields: Record<string, Check>): Check {
  const names = Object.keys(fields);
  return (value) => isRecord(value) && Object.keys(value).every((key) => Object.hasOwn(fields, key)) && names.every((name) => fields[name](value[name]));
}

/** A message: its `type` (already matched when the check is chosen) and exactly these other fields. */
const messageShape = (fields: Record<string, Check>): Check => shape({ type: isString, ...fields });

/** SVG path data as the layout writes it: moves, lines and cubic curves, numbers only. */
const isPathData: Check = (value) => typeof value === 'string' && /^[MLC0-9.,\s-]*$/.test(value);

const isPoint = shape({ x: isNumber, y: isNumber });

const isLayoutNode = shape({
  id: isString,
  key: isString,
  kind: oneOf<LayoutNode['kind']>('stage', 'image', 'scratch', 'entry', 'family', 'summary'),
  stage: orNull(isIndex),
  members: arrayOf(isIndex),
  image: orNull(isString),
  entryPoint: orNull(isString),
  x: isNumber,
  y: isNumber,
  width: isNumber,
  height: isNumber,
  lines: arrayOf(isString),
  tooltip: isString,
  ariaLabel: isString,
  reachable: isBoolean,
  isTarget: isBoolean,
} satisfies Record<keyof LayoutNode, Check>);

const isLayoutEdge = shape({
  id: isString,
  source: isString,
  target: isString,
  kind: oneOf<LayoutEdge['kind']>('from', 'copy', 'mount', 'builds'),
  onbuild: isBoolean,
  edges: arrayOf(isIndex),
  lines: arrayOf(isLine),
  points: arrayOf(isPoint),
  path: isPathData,
  label: isString,
  tooltip: isString,
  labelX: isNumber,
  labelY: isNumber,
  reachable: isBoolean,
} satisfies Record<keyof LayoutEdge, Check>);

const isLayoutGroup = shape({
  id: isString,
  label: isString,
  x: isNumber,
  y: isNumber,
  width: isNumber,
  height: isNumber,
  members: arrayOf(isString),
} satisfies Record<keyof LayoutGroup, Check>);

const isLayout = shape({
  direction: isDirection,
  width: isNumber,
  height: isNumber,
  nodes: arrayOf(isLayoutNode),
  edges: arrayOf(isLayoutEdge),
  groups: arrayOf(isLayoutGroup),
  crossings: isNumber,
  bends: isNumber,
  readableScale: isNumber,
} satisfies Record<keyof GraphLayout, Check>);

const isDiffOverlay = shape({
  against: isString,
  summary: isString,
  nodes: arrayOf(
    shape({
      id: isString,
      marks: arrayOf(oneOf('added', 'changed', 'renamed', 'nowBuilt', 'nowSkipped')),
      notes: arrayOf(isString),
    } satisfies Record<keyof DiffOverlayNode, Check>),
  ),
  addedEdges: arrayOf(isString),
  removedStages: arrayOf(
    shape({ id: isString, label: isString, detail: isString, x: isNumber, y: isNumber, width: isNumber, height: isNumber } satisfies Record<keyof DiffOverlayGhost, Check>),
  ),
  removedEdges: arrayOf(shape({ id: isString, kind: oneOf('from', 'copy', 'mount'), path: isPathData, tooltip: isString } satisfies Record<keyof DiffOverlayEdge, Check>)),
  width: isNumber,
  height: isNumber,
} satisfies Record<keyof DiffOverlay, Check>);

const isEntryPointInfo = shape({ id: isString, label: isString } satisfies Record<keyof EntryPointInfo, Check>);
const isBooleanMap: Check = (value) => isRecord(value) && Object.values(value).every(isBoolean);
const isViewChoices = shape({ focus: orNull(isString), buildPath: isBoolean, families: isBooleanMap } satisfies Record<keyof ViewChoices, Check>);

const isBuildArg = shape({ name: isString, defaultValue: orNull(isString), setting: orNull(isString), override: orNull(isString) } satisfies Record<keyof BuildArgInfo, Check>);

const isBuildStateKind = oneOf<StageBuildStateKind>('queued', 'running', 'built', 'cached', 'failed', 'canceled', 'not-run');

const isStageBuildState = shape({
  stage: isIndex,
  label: isString,
  state: isBuildStateKind,
  text: isString,
  detail: isString,
  durationMs: orNull(isNumber),
  critical: isBoolean,
  failedLine: orNull(isLine),
} satisfies Record<keyof StageBuildState, Check>);

const isTimelineBar = shape({
  stage: isIndex,
  label: isString,
  row: isIndex,
  startMs: isNumber,
  endMs: isNumber,
  state: isBuildStateKind,
  critical: isBoolean,
  tooltip: isString,
} satisfies Record<keyof TimelineBar, Check>);

const isTimelineStrip = shape({
  bars: arrayOf(isTimelineBar),
  rows: isIndex,
  totalMs: isNumber,
  ticks: arrayOf(shape({ ms: isNumber, label: isString } satisfies Record<keyof TimelineTick, Check>)),
  from: oneOf('timestamps', 'durations'),
} satisfies Record<keyof TimelineStrip, Check>);

const isBuildOverlay = shape({
  running: isBoolean,
  outcome: oneOf<BuildOverlay['outcome']>('running', 'succeeded', 'failed', 'canceled', 'truncated'),
  summary: isString,
  stages: arrayOf(isStageBuildState),
  criticalPath: arrayOf(isIndex),
  failure: orNull(shape({ stage: orNull(isIndex), line: orNull(isLine), message: isString })),
  timeline: isTimelineStrip,
} satisfies Record<keyof BuildOverlay, Check>);

const webviewMessages: Record<WebviewToHostMessage['type'], Check> = {
  ready: messageShape({ restore: orNull(shape({ documentUri: isString, view: isViewChoices })) }),
  rendered: messageShape({ version: isNumber, nodeCount: isIndex }),
  revealStage: messageShape({ stage: isIndex, version: isNumber }),
  revealLine: messageShape({ line: isLine, version: isNumber }),
  setTarget: messageShape({ target: orNull(isString) }),
  setEntryPoint: messageShape({ id: isString }),
  revealEntryPoint: messageShape({ id: isString }),
  setBuildArgs: messageShape({ buildArgs: isStringMap }),
  resetResolveOptions: messageShape({}),
  setLayoutOptions: messageShape({ hideImages: isBoolean, direction: isDirection }),
  setViewChoices: messageShape({ view: isViewChoices }),
  exportGraph: messageShape({ format: isExportFormat }),
  compareWithHead: messageShape({ compare: isBoolean }),
  build: messageShape({ documentUri: isString }),
  cancelBuild: messageShape({}),
  buildDrawn: messageShape({ version: isNumber, running: isBoolean, nodeCount: isIndex }),
};

const hostMessages: Record<HostToWebviewMessage['type'], Check> = {
  graph: messageShape({
    documentUri: isString,
    fileName: isString,
    version: isNumber,
    layout: isLayout,
    error: orNull(isString),
    errorLine: orNull(isLine),
    targets: arrayOf(isString),
    target: orNull(isString),
    targetFromSettings: orNull(isString),
    overriding: isBoolean,
    entryPoints: arrayOf(isEntryPointInfo),
    entryPoint: orNull(isString),
    buildArgs: arrayOf(isBuildArg),
    hideImages: isBoolean,
    direction: isDirection,
    view: isViewChoices,
  } satisfies Record<Exclude<keyof GraphMessage, 'type'>, Check>),
  empty: messageShape({ message: isString }),
  highlightStage: messageShape({ stage: orNull(isIndex), version: isNumber, reveal: isBoolean }),
  exportResult: messageShape({ format: isExportFormat, message: isString }),
  diffOverlay: messageShape({ version: orNull(isNumber), overlay: orNull(isDiffOverlay), message: orNull(isString) } satisfies Record<Exclude<keyof DiffOverlayMessage, 'type'>, Check>),
  buildState: messageShape({ documentUri: isString, version: isNumber, overlay: orNull(isBuildOverlay) } satisfies Record<Exclude<keyof BuildStateMessage, 'type'>, Check>),
  buildAvailability: messageShape({ documentUri: isString, state: oneOf('ready', 'building', 'unavailable'), reason: orNull(isString) }),
};

function validate<T extends { type: string }>(checks: Record<string, Check>, value: unknown): T | undefined {
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(checks, value.type)) return undefined;
  return checks[value.type](value) ? (value as T) : undefined;
}

/** The message from the webview if it is one the host understands, exactly as typed; otherwise undefined. */
export function validateWebviewMessage(value: unknown): WebviewToHostMessage | undefined {
  return validate<WebviewToHostMessage>(webviewMessages, value);
}

/** View choices saved by an earlier page (webview state is data from outside): the choices if well formed, else null. */
export function validateViewChoices(value: unknown): ViewChoices | null {
  return isViewChoices(value) ? (value as ViewChoices) : null;
}

/** The message from the host if it is one the webview understands, exactly as typed; otherwise undefined. */
export function validateHostMessage(value: unknown): HostToWebviewMessage | undefined {
  return validate<HostToWebviewMessage>(hostMessages, value);
}
