import * as vscode from 'vscode';
import { stageFoldingRanges } from '../../core/editor/stageFoldingRanges';
import { stageSymbols, type StageSymbol } from '../../core/editor/stageSymbols';
import type { DocumentGraphCache } from '../documentGraphCache';
import { toRange } from '../typeConverters';

const symbolKinds: Record<StageSymbol['kind'], vscode.SymbolKind> = {
  metaArg: vscode.SymbolKind.Variable,
  stage: vscode.SymbolKind.Module,
  instruction: vscode.SymbolKind.Function,
};

/** The Outline, breadcrumbs and folding of a Dockerfile: stages with their instructions. */
export class StageSymbolProvider implements vscode.DocumentSymbolProvider, vscode.FoldingRangeProvider {
  constructor(private readonly cache: DocumentGraphCache) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return stageSymbols(this.cache.get(document)).map(toDocumentSymbol);
  }

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return stageFoldingRanges(this.cache.get(document)).map((fold) => new vscode.FoldingRange(fold.startLine, fold.endLine));
  }
}

function toDocumentSymbol(symbol: StageSymbol): vscode.DocumentSymbol {
  const converted = new vscode.DocumentSymbol(symbol.name, symbol.detail, symbolKinds[symbol.kind], toRange(symbol.range), toRange(symbol.selectionRange));
  converted.children = symbol.children.map(toDocumentSymbol);
  return converted;
}
