import * as assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { distBundleOptions } from '../../scripts/bundles.mjs';
import { graphPanelHtml } from '../../src/extension/graphView/graphPanelHtml';
import type { HostToWebviewMessage, WebviewToHostMessage } from '../../src/shared/protocol';

/** Debian's Chromium; the flags keep it quiet and working inside containers. */
export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'];

/** Starts Debian's Chromium as every Chromium test here runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Theme names, as VS Code's body classes. */
export type ThemeName = 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';

/** A few of the variables VS Code defines on every webview, per theme (values from VS Code's default themes). */
const THEMES: Record<ThemeName, Record<string, string>> = {
  'vscode-light': {
    foreground: '#616161', 'editor-background': '#ffffff', 'editor-foreground': '#3b3b3b', 'descriptionForeground': '#717171',
    'editorWidget-background': '#f8f8f8', 'editorWidget-border': '#c8c8c8', 'badge-background': '#e4e4e4', 'badge-foreground': '#3b3b3b',
    focusBorder: '#005fb8', 'charts-blue': '#1a85ff', 'charts-purple': '#652d90', 'charts-green': '#388a34', 'charts-orange': '#d18616', 'charts-yellow': '#bf8803', 'charts-red': '#e51400', errorForeground: '#a1260d',
    'sideBar-background': '#f8f8f8',
    'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece', 'button-secondaryBackground': '#e5e5e5',
    'button-secondaryForeground': '#3b3b3b', 'panel-border': '#e5e5e5', 'inputValidation-errorBackground': '#f2dede',
    'inputValidation-errorBorder': '#be1100', 'editor-selectionHighlightBackground': '#add6ff80', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
  },
  'vscode-dark': {
    foreground: '#cccccc', 'editor-background': '#1f1f1f', 'editor-foreground': '#cccccc', 'descriptionForeground': '#9d9d9d',
    'editorWidget-background': '#202020', 'editorWidget-border': '#454545', 'badge-background': '#616161', 'badge-foreground': '#f8f8f8',
    focusBorder: '#0078d4', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7', 'charts-green': '#89d185', 'charts-orange': '#d18616', 'charts-yellow': '#cca700', 'charts-red': '#f14c4c', errorForeground: '#f85149',
    'sideBar-background': '#181818',
    'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c', 'button-secondaryBackground': '#313131',
    'button-secondaryForeground': '#cccccc', 'panel-border': '#2b2b2b', 'inputValidation-errorBackground': '#5a1d1d',
    'inputValidation-errorBorder': '#be1100', 'editor-selectionHighlightBackground': '#add6ff26', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
  },
  'vscode-high-contrast': {
    foreground: '#ffffff', 'editor-background': '#000000', 'editor-foreground': '#ffffff', 'descriptionForeground': '#ffffff',
    'editorWidget-background': '#0c141f', 'editorWidget-border': '#6fc3df', 'badge-background': '#000000', 'badge-foreground': '#ffffff',
    focusBorder: '#f38518', contrastBorder: '#6fc3df', contrastActiveBorder: '#f38518', 'charts-blue': '#3794ff', 'charts-purple': '#b180d7',
    'sideBar-background': '#000000', 'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df',
    'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff', 'button-border': '#6fc3df', 'panel-border': '#6fc3df',
    'inputValidation-errorBackground': '#000000', 'inputValidation-errorBorder': '#f48771', errorForeground: '#f48771', 'font-family': 'system-ui, sans-serif', 'font-size': '13px',
  },
};

/** The stand-in for VS Code's webview host: `acquireVsCodeApi`, posted-message log, state, CSP violation log. */
const HOST_STAND_IN = `
window.__posted = [];
window.__violations = [];
// VS Code keeps a webview's state across reloads of its page; sessionStorage does the same for the stand-in.
window.__state = JSON.parse(sessionStorage.getItem('vscode-state') || 'null') ?? undefined;
document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
  getState: () => window.__state,
  setState: (state) => { window.__state = state; sessionStorage.setItem('vscode-state', JSON.stringify(state)); },
});
const theme = new URLSearchParams(location.search).get('theme') || 'vscode-light';
const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = '/theme/' + theme + '.css';
document.head.append(link);
document.addEventListener('DOMContentLoaded', () => document.body.classList.add(theme));
document.body?.classList.add(theme);
`;

/** A bundled webview served like VS Code serves it, and a Chromium to load it in. */
export class WebviewHarness {
  private constructor(
    private readonly browser: Browser,
    private readonly server: Server,
    private readonly bundleDir: string,
    readonly origin: string,
  ) {}

  /** Bundles webview/main.ts into a temporary directory (never dist/) and starts the server and browser. */
  static async start(): Promise<WebviewHarness> {
    const bundleDir = mkdtempSync(join(tmpdir(), 'stageflow-webview-'));
    await esbuild.build(distBundleOptions('webview', { outdir: bundleDir }));
    const files: Record<string, [string, string]> = {
      '/webview.js': ['text/javascript', readFileSync(join(bundleDir, 'webview.js'), 'utf8')],
      '/graph.css': ['text/css', readFileSync('media/graph.css', 'utf8')],
      '/host-stand-in.js': ['text/javascript', HOST_STAND_IN],
    };
    for (const [name, variables] of Object.entries(THEMES)) {
      const css = `html { ${Object.entries(variables).map(([key, value]) => `--vscode-${key}: ${value};`).join(' ')} }`;
      files[`/theme/${name}.css`] = ['text/css', css];
    }
    let origin = '';
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/index.html') {
        const nonce = 'dGVzdC1ub25jZS0xMjM0NQ==';
        const html = graphPanelHtml({ cspSource: origin, scriptUri: `${origin}/webview.js`, styleUri: `${origin}/graph.css`, nonce });
        // The stand-in runs first, as VS Code's own script does, under the same nonce.
        const page = html.replace('<script nonce=', `<script nonce="${nonce}" src="${origin}/host-stand-in.js"></script>\n<script nonce=`);
        response.writeHead(200, { 'content-type': 'text/html' }).end(page);
      } else if (Object.hasOwn(files, path)) {
        response.writeHead(200, { 'content-type': files[path][0] }).end(files[path][1]);
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await launchChromium();
    return new WebviewHarness(browser, server, bundleDir, origin);
  }

  /** Opens the view in a fresh page, waits for its `ready` message; motion is reduced unless `motion` is set. */
  async open(theme: ThemeName = 'vscode-light', size = { width: 1200, height: 720 }, motion = false): Promise<ViewPage> {
    const page = await this.browser.newPage({ viewport: size, reducedMotion: motion ? 'no-preference' : 'reduce' });
    const view = new ViewPage(page);
    page.on('console', (message) => view.console.push(message.text()));
    page.on('pageerror', (error) => view.errors.push(error.message));
    await page.goto(`${this.origin}/index.html?theme=${theme}`);
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.length > 0);
    return view;
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise((resolve) => this.server.close(resolve));
    rmSync(this.bundleDir, { recursive: true, force: true });
  }
}

/** One loaded view: post host messages to it, read what it posted back. */
export class ViewPage {
  readonly console: string[] = [];
  readonly errors: string[] = [];

  constructor(readonly page: Page) {}

  /** Delivers a message the way VS Code does (a window `message` event), then lets the view draw. */
  async post(message: HostToWebviewMessage | Record<string, unknown>): Promise<void> {
    await this.page.evaluate((data) => window.postMessage(data, '*'), message);
    await this.nextFrame();
  }

  /**
   * Waits until the next frame is painted: the level of detail decides which names fit in an animation frame, so
   * what a click or zoom changed is only complete (and only ever painted) after it.
   */
  async nextFrame(): Promise<void> {
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }

  /** Every message the view sent to the host so far. */
  async posted(): Promise<WebviewToHostMessage[]> {
    return this.page.evaluate(() => (window as unknown as { __posted: WebviewToHostMessage[] }).__posted);
  }

  /** What the user's actions sent: everything but the `ready` handshake and `rendered` reports. */
  async actions(): Promise<WebviewToHostMessage[]> {
    return (await this.posted()).filter((message) => message.type !== 'ready' && message.type !== 'rendered');
  }

  /** Content-Security-Policy violations reported on the page. */
  async violations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  }

  async close(): Promise<void> {
    await this.page.close();
  }

  /** Closes the page after checking it threw no script error and broke no Content-Security-Policy rule (a test's end). */
  async closeChecked(): Promise<void> {
    assert.deepEqual(this.errors, [], 'no script errors');
    assert.deepEqual(await this.violations(), [], 'no Content-Security-Policy violations');
    await this.close();
  }
}
