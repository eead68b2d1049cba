import type { BuildArgInfo, ExportFormat, GraphMessage, SetEntryPointMessage, SetTargetMessage } from '../src/shared/protocol';
import { createLegend } from './legend';
import { MoreTools } from './moreTools';

/** The parts of the page the view updates. */
export interface ViewElements {
  fileName: HTMLElement;
  search: HTMLInputElement;
  target: HTMLSelectElement;
  buildArgs: HTMLDetailsElement;
  buildArgsSummary: HTMLElement;
  buildArgFields: HTMLFormElement;
  /** Shown while the view's target or build args are in force over the settings: drops them. */
  reset: HTMLButtonElement;
  hideImages: HTMLInputElement;
  direction: HTMLSelectElement;
  fit: HTMLButtonElement;
  buildPath: HTMLButtonElement;
  focus: HTMLButtonElement;
  legendToggle: HTMLButtonElement;
  legend: HTMLElement;
  exports: Record<ExportFormat, HTMLButtonElement>;
  banner: HTMLElement;
  empty: HTMLElement;
  svg: SVGSVGElement;
  status: HTMLElement;
}

/** Creates an element with attributes and plain-text content (never parsed as markup). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  if (text !== undefined) created.textContent = text;
  return created;
}

/** Builds the toolbar, banner, empty state, drawing surface and status line inside `root`. */
export function createViewElements(root: HTMLElement): ViewElements {
  const toolbar = element('header', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Stage graph tools' });
  const fileName = element('span', { class: 'file-name' });
  const search = element('input', { type: 'search', placeholder: 'Find stage', 'aria-label': 'Find a stage by name' });
  const targetLabel = element('label', {});
  const target = element('select', { 'aria-label': 'Build target' });
  // The word goes in a compact toolbar (moreTools.ts); the picker's name says it.
  targetLabel.append(element('span', { class: 'label-text' }, 'Target'), target);
  const buildArgs = element('details', { class: 'build-args' });
  const buildArgsSummary = element('summary', {}, 'Build args');
  buildArgs.append(buildArgsSummary);
  const buildArgFields = element('form', { class: 'fields', 'aria-label': 'Build argument overrides' });
  buildArgs.append(buildArgFields);
  const reset = element('button', { type: 'button', class: 'reset', hidden: '', title: 'Drop the target and build args chosen here: back to the stageflow.target and stageflow.buildArgs settings' }, 'Reset');
  const hideLabel = element('label', {});
  const hideImages = element('input', { type: 'checkbox', 'aria-label': 'Hide external images' });
  hideLabel.append(hideImages, document.createTextNode('Hide images'));
  const direction = element('select', { 'aria-label': 'Direction' });
  direction.append(element('option', { value: 'LR' }, 'Left to right'), element('option', { value: 'TB' }, 'Top to bottom'));
  const fit = element('button', { type: 'button', title: 'Fit the whole graph in view' }, 'Fit');
  const buildPath = element('button', { type: 'button', 'aria-pressed': 'false', title: 'Show only what the target builds; the stages it skips fold into one box' }, 'Build path');
  const focus = element('button', { type: 'button', 'aria-pressed': 'false' }, 'Focus');
  const legendToggle = element('button', { type: 'button', title: 'What the boxes and lines mean', 'aria-controls': 'graph-legend', 'aria-pressed': 'false' }, 'Legend');
  const legend = createLegend();
  const exports: Record<ExportFormat, HTMLButtonElement> = {
    svg: element('button', { type: 'button', title: 'Save the picture as an SVG file' }, 'Save SVG'),
    mermaid: element('button', { type: 'button', title: 'Copy the graph as Mermaid' }, 'Copy Mermaid'),
    dot: element('button', { type: 'button', title: 'Copy the graph as Graphviz DOT' }, 'Copy DOT'),
  };
  // The exports share one menu, and the secondary tools fold into one more when they would need a third row.
  const exportMenu = element('details', { class: 'export-menu' });
  const exportList = element('div', { class: 'menu', role: 'group', 'aria-label': 'Export the graph' });
  exportList.append(exports.svg, exports.mermaid, exports.dot);
  exportMenu.append(element('summary', { title: 'Save or copy the graph' }, 'Export'), exportList);
  exportList.addEventListener('click', () => exportMenu.removeAttribute('open'));
  const more = new MoreTools();
  more.items.append(legendToggle, hideLabel, direction, element('span', { class: 'spacer' }), exportMenu);
  toolbar.append(fileName, search, targetLabel, buildArgs, reset, fit, buildPath, focus, more.element);
  const banner = element('div', { class: 'banner', role: 'alert', hidden: '' });
  const empty = element('div', { class: 'empty-state', hidden: '' });
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'graph');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Stage graph: Tab or arrow keys move between stages, Enter reveals one in the editor');
  const status = element('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  root.append(toolbar, banner, empty, svg, legend, status);
  more.fitInto(toolbar);
  return { fileName, search, target, buildArgs, buildArgsSummary, buildArgFields, reset, hideImages, direction, fit, buildPath, focus, legendToggle, legend, exports, banner, empty, svg, status };
}

/** Option values of entry points start with this, which no stage name can (BuildKit's names are `[a-z][a-z0-9-_.]*`). */
const ENTRY_POINT_VALUE = 'entry:';

/**
 * Fills the target picker: the default first (the `stageflow.target` setting's stage, when it sets one), then the
 * named stages, then (in their own group) the Compose services and Bake targets that build the file; the entry
 * point picked, else the target, is selected, also a target that names no stage (so the picker never claims the
 * default while another target is in force). Null empties it.
 */
export function renderTargets(select: HTMLSelectElement, message: Pick<GraphMessage, 'targets' | 'target' | 'targetFromSettings' | 'entryPoints' | 'entryPoint'> | null): void {
  const targets = message?.targets ?? [];
  const fromSettings = message?.targetFromSettings ?? null;
  const defaultOption =
    fromSettings === null
      ? element('option', { value: '', title: DEFAULT_TARGET_MEANING, 'aria-label': DEFAULT_TARGET_MEANING }, DEFAULT_TARGET_WORDS)
      : element('option', { value: '' }, `${fromSettings} (stageflow.target setting)`);
  const options: HTMLElement[] = [defaultOption, ...targets.map((name) => element('option', { value: name }, name))];
  const chosen = message?.target ?? null;
  if (chosen !== null && chosen !== '' && !targets.includes(chosen)) options.push(element('option', { value: chosen }, `${chosen} (no such stage)`));
  const entryPoints = message?.entryPoints ?? [];
  if (entryPoints.length > 0) {
    const group = element('optgroup', { label: 'Compose and Bake' });
    group.append(...entryPoints.map((entry) => element('option', { value: ENTRY_POINT_VALUE + entry.id }, entry.label)));
    options.push(group);
  }
  select.replaceChildren(...options);
  const chosenEntry = message?.entryPoint ?? null;
  if (chosenEntry !== null && entryPoints.some((entry) => entry.id === chosenEntry)) select.value = ENTRY_POINT_VALUE + chosenEntry;
  else select.value = chosen ?? '';
  select.title = pickerTitle(select, fromSettings);
}

/**
 * The default choice when no setting names a target, in words short enough for the closed picker beside the editor
 * ("Default (last stage)" was cut there); the tooltip and the screen-reader name, which start with the same words, say
 * that it is the default and why: BuildKit's rule for a build without --target.
 */
const DEFAULT_TARGET_WORDS = 'Last stage';
const DEFAULT_TARGET_MEANING = `${DEFAULT_TARGET_WORDS}: the default target, which docker build builds without --target`;

/** The picker's tooltip: the choice on show in full (a long stage name may be cut in the closed picker) and what it means. */
function pickerTitle(select: HTMLSelectElement, fromSettings: string | null): string {
  if (select.value === '') return fromSettings === null ? DEFAULT_TARGET_MEANING : `The stageflow.target setting builds ${fromSettings}; pick another stage to build that one here`;
  return `Build target: ${select.selectedOptions[0]?.textContent ?? select.value}`;
}

/** What choosing the picker's current option asks the host: a stage (or the default), or an entry point. */
export function targetChoice(select: HTMLSelectElement): SetTargetMessage | SetEntryPointMessage {
  const value = select.value;
  if (value.startsWith(ENTRY_POINT_VALUE)) return { type: 'setEntryPoint', id: value.slice(ENTRY_POINT_VALUE.length) };
  return { type: 'setTarget', target: value === '' ? null : value };
}

/**
 * Fills the build-arg form: one input per meta ARG, what applies without an override as placeholder (the
 * `stageflow.buildArgs` setting's value, else the default), the override as value; the summary counts the overrides,
 * so they show while the form is closed.
 */
export function renderBuildArgs(form: HTMLFormElement, summary: HTMLElement, args: readonly BuildArgInfo[]): void {
  const rows: HTMLElement[] = [];
  for (const arg of args) {
    const label = element('label', { for: `arg-${args.indexOf(arg)}` }, arg.name);
    const placeholder = arg.setting !== null ? `${arg.setting} (stageflow.buildArgs setting)` : (arg.defaultValue ?? '(no default)');
    const input = element('input', { id: `arg-${args.indexOf(arg)}`, name: arg.name, placeholder, 'aria-label': `Value of ${arg.name}` });
    input.value = arg.override ?? '';
    rows.push(label, input);
  }
  if (args.length === 0) rows.push(element('span', {}, 'This Dockerfile declares no ARG before its first FROM.'));
  else rows.push(element('button', { type: 'submit' }, 'Apply'));
  form.replaceChildren(...rows);
  const overridden = args.filter((arg) => arg.override !== null).length;
  summary.textContent = overridden === 0 ? 'Build args' : `Build args (${overridden} set)`;
}

/** The overrides typed into the build-arg form (empty fields mean "use the default"). */
export function readBuildArgs(form: HTMLFormElement): Record<string, string> {
  // fromEntries defines own properties, so an ARG named like an Object.prototype member stays a plain entry.
  return Object.fromEntries(
    Array.from(form.querySelectorAll('input'))
      .filter((input) => input.value !== '')
      .map((input) => [input.name, input.value]),
  );
}
