/** What the page needs from the panel: URIs the webview may load and the CSP source they come from. */
export interface GraphPanelPage {
  /** `webview.cspSource`: the origin of local resources. */
  cspSource: string;
  /** `webview.asWebviewUri` of dist/webview.js and media/graph.css. */
  scriptUri: string;
  styleUri: string;
  /** A fresh random value for each page. */
  nonce: string;
}

/**
 * The graph view's HTML, built in one place: a strict Content-Security-Policy (nothing by default; styles, fonts and
 * images only from the extension's own resources; the one script only with this page's nonce; no inline style,
 * no eval) and an empty body that the bundled script fills.
 */
export function graphPanelHtml(page: GraphPanelPage): string {
  const csp = [
    "default-src 'none'",
    `img-src ${page.cspSource} data:`,
    `style-src ${page.cspSource}`,
    `font-src ${page.cspSource}`,
    `script-src 'nonce-${page.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(page.styleUri)}">
<title>Stage graph</title>
</head>
<body data-stageflow="loading">
<script nonce="${escapeAttribute(page.nonce)}" src="${escapeAttribute(page.scriptUri)}"></script>
</body>
</html>`;
}

/**
 * A nonce for one page: 128 random bits, base64. Web Crypto, which both Node's and the browser's web worker
 * extension hosts provide, so the graph view works in VS Code for the Web too.
 */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
