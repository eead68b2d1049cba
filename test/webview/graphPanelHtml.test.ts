import * as assert from 'node:assert/strict';
import { createNonce, graphPanelHtml } from '../../src/extension/graphView/graphPanelHtml';

describe('graphPanelHtml (the panel page)', () => {
  const html = graphPanelHtml({
    cspSource: 'https://x.vscode-cdn.net',
    scriptUri: 'https://x.vscode-cdn.net/ext/dist/webview.js',
    styleUri: 'https://x.vscode-cdn.net/ext/media/graph.css',
    nonce: 'abc123',
  });

  it('allows nothing by default, styles/fonts/images from the extension only, and the one script by nonce', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(
      csp,
      "default-src 'none'; img-src https://x.vscode-cdn.net data:; style-src https://x.vscode-cdn.net; font-src https://x.vscode-cdn.net; script-src 'nonce-abc123'",
    );
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|style=/);
  });

  it('loads exactly the bundled script (with the nonce) and the stylesheet, nothing inline', () => {
    assert.deepEqual(html.match(/<script[^>]*>/g), ['<script nonce="abc123" src="https://x.vscode-cdn.net/ext/dist/webview.js">']);
    assert.deepEqual(html.match(/<link[^>]*>/g), ['<link rel="stylesheet" href="https://x.vscode-cdn.net/ext/media/graph.css">']);
    assert.match(html, /<script nonce="abc123" src="[^"]+"><\/script>/);
  });

  it('makes a fresh 128-bit nonce for each page', () => {
    const [a, b] = [createNonce(), createNonce()];
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
  });
});
