// The Outline and breadcrumbs: meta ARGs, then stages named like BuildKit names them, instructions as children
// (issue 3: document symbols).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitled } from './dockerfileTestHelpers';

interface SymbolOutline {
  name: string;
  detail: string;
  kind: string;
  line: number;
  children?: SymbolOutline[];
}

function outline(symbols: vscode.DocumentSymbol[]): SymbolOutline[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    detail: symbol.detail,
    kind: vscode.SymbolKind[symbol.kind],
    line: symbol.selectionRange.start.line,
    ...(symbol.children.length > 0 ? { children: outline(symbol.children) } : {}),
  }));
}

async function symbolsOf(document: vscode.TextDocument): Promise<SymbolOutline[]> {
  return outline(await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri));
}

describe('Stage symbols', () => {
  afterEach(closeAllEditors);

  it('lists meta ARGs and stages with their instructions', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    assert.deepEqual(await symbolsOf(document), [
      { name: 'ALPINE', detail: 'ARG = alpine:3.20', kind: 'Variable', line: 1 },
      {
        name: 'build',
        detail: 'FROM golang:1.22',
        kind: 'Module',
        line: 4,
        children: [
          { name: 'WORKDIR', detail: '/src', kind: 'Function', line: 5 },
          { name: 'RUN', detail: '--mount=type=cache,target=/root/.cache/go-build go build -o /out/app .', kind: 'Function', line: 6 },
        ],
      },
      { name: 'test', detail: 'FROM build · not built', kind: 'Module', line: 9, children: [{ name: 'RUN', detail: 'go test ./...', kind: 'Function', line: 10 }] },
      {
        name: 'app-base',
        detail: 'FROM alpine:3.20',
        kind: 'Module',
        line: 12,
        children: [{ name: 'ONBUILD', detail: 'COPY --from=BUILD /out/app /usr/local/bin/app', kind: 'Function', line: 13 }],
      },
      {
        name: 'runtime',
        detail: 'FROM app-base · target',
        kind: 'Module',
        line: 15,
        children: [
          { name: 'COPY', detail: '--from=0 /src/go.mod /go.mod', kind: 'Function', line: 16 },
          { name: 'RUN', detail: '--mount=from=build,source=/out,target=/mnt ls /mnt', kind: 'Function', line: 17 },
        ],
      },
    ]);
  });

  it('names unnamed stages stage-N, as BuildKit does', async () => {
    const document = await openUntitled('FROM alpine', 'RUN true', 'FROM scratch', 'COPY --from=0 / /');
    assert.deepEqual(await symbolsOf(document), [
      { name: 'stage-0', detail: 'FROM alpine', kind: 'Module', line: 0, children: [{ name: 'RUN', detail: 'true', kind: 'Function', line: 1 }] },
      { name: 'stage-1', detail: 'FROM scratch · target', kind: 'Module', line: 2, children: [{ name: 'COPY', detail: '--from=0 / /', kind: 'Function', line: 3 }] },
    ]);
  });
});
