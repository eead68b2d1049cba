import type { GraphViewState, WebviewToHostMessage } from '../src/shared/protocol';
import { validateViewChoices } from '../src/shared/validateMessages';

/** What VS Code injects into every webview (called once per page). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The typed side of the webview's connection to the extension host. */
export interface ViewHost {
  post(message: WebviewToHostMessage): void;
  /** The state saved by an earlier page of this panel (also after a window reload), or a fresh one. */
  loadState(): GraphViewState;
  saveState(state: GraphViewState): void;
}

/** Connects to the host; only typed protocol messages can be posted. */
export function connectToHost(): ViewHost {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => readState(api.getState()),
    saveState: (state) => api.setState(state),
  };
}

/** Saved state is data from an earlier page: keep only fields of the expected types. */
function readState(saved: unknown): GraphViewState {
  const state: GraphViewState = { documentUri: null, zoom: null, selected: null, legend: false, timelineCollapsed: false, view: null };
  if (typeof saved !== 'object' || saved === null) return state;
  const { documentUri, zoom, selected, legend, timelineCollapsed, view } = saved as Record<string, unknown>;
  state.view = validateViewChoices(view);
  if (typeof documentUri === 'string') state.documentUri = documentUri;
  if (typeof selected === 'string') state.selected = selected;
  if (typeof legend === 'boolean') state.legend = legend;
  if (typeof timelineCollapsed === 'boolean') state.timelineCollapsed = timelineCollapsed;
  if (typeof zoom === 'object' && zoom !== null) {
    const { x, y, k } = zoom as Record<string, unknown>;
    if ([x, y, k].every((value) => typeof value === 'number' && Number.isFinite(value)) && (k as number) > 0) {
      state.zoom = { x: x as number, y: y as number, k: k as number };
    }
  }
  return state;
}
