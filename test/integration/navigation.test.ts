// Go to Definition, Find All References, highlights, hover and folding for stages, through VS Code's own commands
// (issue 3: Navigation). The fixture has a stage named `Build` reached by FROM (exact lowercase), an ONBUILD
// `COPY --from=BUILD`, a numeric `--from=0` and a mount `from=build`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, positionOf, textAt } from './dockerfileTestHelpers';

const fixture = 'features/stages.Dockerfile';

/** A location as "line:text" (0-based line), so an expectation shows what it points at. */
function describeRange(document: vscode.TextDocument, range: vscode.Range): string {
  return `${range.start.line}:${textAt(document, range)}`;
}

async function definitionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const results = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
    'vscode.executeDefinitionProvider',
    document.uri,
    position,
  );
  return results.map((result) =>
    describeRange(document, 'targetSelectionRange' in result && result.targetSelectionRange ? result.targetSelectionRange : (result as vscode.Location).range),
  );
}

describe('Stage navigation', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await openFixture(fixture);
  });
  after(closeAllEditors);

  describe('Go to Definition', () => {
    // SEMANTICS.md, "References between stages": FROM matches the lowercased name exactly; --from and mounts match
    // in any case; --from accepts an index; ONBUILD triggers bind like the instruction they hold.
    it('goes from FROM <stage> to the name after AS', async () => {
      assert.deepEqual(await definitionsAt(document, positionOf(document, 'FROM build', 0, 5)), ['4:Build']);
    });

    it('goes from an ONBUILD COPY --from written in another case', async () => {
      assert.deepEqual(await definitionsAt(document, positionOf(document, '--from=BUILD', 0, 8)), ['4:Build']);
    });

    it('goes from a numeric --from to the stage with that index', async () => {
      assert.deepEqual(await definitionsAt(document, positionOf(document, '--from=0', 0, 7)), ['4:Build']);
    });

    it('goes from a mount from= to the stage', async () => {
      assert.deepEqual(await definitionsAt(document, positionOf(document, 'from=build', 0, 6)), ['4:Build']);
    });

    it('goes from FROM app-base to its stage', async () => {
      assert.deepEqual(await definitionsAt(document, positionOf(document, 'FROM app-base', 0, 6)), ['12:app-base']);
    });

    it('finds nothing on an image', async () => {
      assert.deepEqual(await definitionsAt(document, positionOf(document, 'golang:1.22', 0, 2)), []);
    });
  });

  it('finds every reference to a stage, its declaration included', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'AS Build', 0, 4),
    );
    const found = locations.map((location) => describeRange(document, location.range)).sort();
    assert.deepEqual(found, ['13:BUILD', '16:0', '17:build', '4:Build', '9:build']);
  });

  it('highlights the declaration as written and the references as read', async () => {
    const highlights = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>(
      'vscode.executeDocumentHighlights',
      document.uri,
      positionOf(document, 'from=build', 0, 6),
    );
    const found = highlights.map((highlight) => `${describeRange(document, highlight.range)}:${vscode.DocumentHighlightKind[highlight.kind ?? 0]}`);
    assert.deepEqual(found.sort(), ['13:BUILD:Read', '16:0:Read', '17:build:Read', '4:Build:Write', '9:build:Read']);
  });

  it('shows the stage a reference binds to on hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '--from=0', 0, 7));
    const markdown = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === 'string' ? content : content.value))
      .find((value) => value.includes('Stage'));
    assert.equal(
      markdown,
      [
        '**Stage build** · #0 · lines 5–8 · built for runtime',
        '',
        'Compiles the app\\.',
        '',
        'Base: `golang:1.22`  ',
        'Base of: **test**  ',
        '',
        'Sends:',
        '- `/out/app` → `/usr/local/bin/app` to **runtime** (ONBUILD COPY, line 14)',
        '- `/src/go.mod` → `/go.mod` to **runtime** (COPY, line 17)',
        '- `/out` → `/mnt` to **runtime** (RUN --mount, line 18)',
      ].join('\n'),
    );
  });

  it('shows the stage a FROM starts on hover over its image', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '${ALPINE}', 0, 3));
    const markdown = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value));
    assert.ok(
      markdown.some((value) => value.startsWith('**Stage app\\-base** · #2 · lines 13–14 · built for runtime\n\nBase: `alpine:3.20` (written `${ALPINE}`)')),
      markdown.join('\n---\n'),
    );
  });

  it('reveals a stage by index for lenses and the graph view (stageflow.revealStage)', async () => {
    await vscode.commands.executeCommand('stageflow.revealStage', document.uri, 2);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.equal(describeRange(document, editor.selection), '12:app-base');
  });

  it('folds each stage and each instruction that spans lines', async () => {
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    assert.deepEqual(
      folds.map((fold) => `${fold.start}-${fold.end}`),
      ['4-7', '6-7', '9-10', '12-13', '15-17'],
    );
  });
});
