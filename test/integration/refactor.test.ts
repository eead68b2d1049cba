// The refactorings in a real VS Code (issue 5): the commands with the name passed as an argument (no input box),
// the code actions with their disabled reasons, undo, and the rename that follows an extract.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DocumentGraphCache } from '../../src/extension/documentGraphCache';
import { RefactorCodeActionProvider } from '../../src/extension/refactor/refactorCodeActionProvider';
import { closeAllEditors, positionOf, showDocument, waitFor } from './dockerfileTestHelpers';
import { recordingMessages } from './recordingMessages';

type CommandResult = { applied: true; notes: string[] } | { applied: false; reason: string };

const lines = (all: string[]) => all.join('\n') + '\n';

const goBuild = [
  'FROM golang:1.22',
  'WORKDIR /src',
  'COPY . .',
  'RUN go build -o /out/app .',
  'FROM alpine',
  'COPY --from=0 /out/app /app',
];

let opened = 0;

/**
 * A new untitled Dockerfile under a name no earlier test used (VS Code may hand back a closed untitled document
 * when its generated name is reused), holding `lines`.
 */
async function openUntitled(...all: string[]): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/refactor-${process.pid}-${opened++}.Dockerfile` });
  const document = await vscode.workspace.openTextDocument(uri);
  const fill = new vscode.WorkspaceEdit();
  fill.insert(uri, new vscode.Position(0, 0), lines(all));
  assert.ok(await vscode.workspace.applyEdit(fill), 'the test document is filled');
  const shown = await vscode.languages.setTextDocumentLanguage(document, 'dockerfile');
  await showDocument(shown);
  return shown;
}

/**
 * Runs `body` answering the prompts it opens as a person would, without showing them: the quick pick with the
 * item labelled `pick`, the input box with `name` (after checking it passes the box's own validation). Records
 * what each prompt offered: the pick's labels, the box's proposed value.
 */
async function answeringPrompts<T>(answers: { pick: string; name: string }, body: () => Thenable<T>): Promise<{ result: T; offered: string[][] }> {
  const offered: string[][] = [];
  const window = vscode.window as { -readonly [K in 'showQuickPick' | 'showInputBox']: (typeof vscode.window)[K] };
  const { showQuickPick, showInputBox } = window;
  window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const all = await items;
    offered.push(all.map((item) => item.label));
    return all.find((item) => item.label === answers.pick);
  }) as unknown as typeof showQuickPick;
  window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
    offered.push([options?.value ?? '']);
    assert.equal(await options?.validateInput?.(answers.name), null, `the input box accepts ${answers.name}`);
    return answers.name;
  }) as typeof showInputBox;
  try {
    return { result: await body(), offered };
  } finally {
    window.showQuickPick = showQuickPick;
    window.showInputBox = showInputBox;
  }
}

/**
 * VS Code's `vscode.executeCodeActionProvider` drops disabled actions, so their reasons are read from the
 * provider itself, with real VS Code documents and types.
 */
function allCodeActions(provider: RefactorCodeActionProvider, document: vscode.TextDocument, position: vscode.Position, kind: vscode.CodeActionKind): vscode.CodeAction[] {
  const context: vscode.CodeActionContext = { diagnostics: [], only: kind, triggerKind: vscode.CodeActionTriggerKind.Invoke };
  return provider.provideCodeActions(document, new vscode.Range(position, position), context);
}

async function codeActions(document: vscode.TextDocument, position: vscode.Position, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    new vscode.Range(position, position),
    kind.value,
  );
  return actions.filter((action) => action.title.includes('stage') || action.title.includes('Stage'));
}

describe('Refactorings', () => {
  afterEach(closeAllEditors);

  it('names a numeric stage from the command with the name given, as one undoable edit', async () => {
    const document = await openUntitled(...goBuild);
    const original = document.getText();
    const result = await vscode.commands.executeCommand<CommandResult>('stageflow.nameStage', document.uri, 0, 'build');
    assert.deepEqual(result, { applied: true, notes: [] });
    assert.equal(
      document.getText(),
      lines(['FROM golang:1.22 AS build', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM alpine', 'COPY --from=build /out/app /app']),
    );
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original);
  });

  it('uses a named stage`s name instead of its index (the "Use the name" lens)', async () => {
    const document = await openUntitled('FROM alpine AS Tools', 'FROM alpine', 'COPY --from=0 /a /b');
    const result = await vscode.commands.executeCommand<CommandResult>('stageflow.nameStage', document.uri, 0, 'Tools');
    assert.deepEqual(result, { applied: true, notes: [] });
    assert.equal(document.getText(), lines(['FROM alpine AS Tools', 'FROM alpine', 'COPY --from=Tools /a /b']));
  });

  it('names all stages at once, rewriting numeric references to named stages too', async () => {
    const document = await openUntitled('FROM golang:1.22 AS base', 'RUN go build .', 'FROM node:20', 'RUN npm ci', 'FROM alpine', 'COPY --from=0 /a /a', 'COPY --from=1 /b /b');
    const result = await vscode.commands.executeCommand<CommandResult>('stageflow.nameAllStages', document.uri);
    assert.deepEqual(result, { applied: true, notes: [] });
    assert.equal(
      document.getText(),
      lines(['FROM golang:1.22 AS base', 'RUN go build .', 'FROM node:20 AS deps', 'RUN npm ci', 'FROM alpine', 'COPY --from=base /a /a', 'COPY --from=deps /b /b']),
    );
  });

  it('says "nothing to rename" when no stage is referenced by index, and leaves the document alone', async () => {
    const document = await openUntitled('FROM alpine AS a', 'FROM alpine', 'COPY --from=a /a /b');
    const original = document.getText();
    const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<CommandResult>('stageflow.nameAllStages', document.uri));
    assert.deepEqual(result, { applied: false, reason: 'Nothing to rename: no stage is referenced by index.' });
    assert.deepEqual(messages, ['information: Stageflow: Nothing to rename: no stage is referenced by index.']);
    assert.equal(document.getText(), original);
  });

  describe('from the Command Palette (no arguments: the cursor decides)', () => {
    async function atCursor(document: vscode.TextDocument, position: vscode.Position): Promise<void> {
      const editor = await vscode.window.showTextDocument(document);
      editor.selection = new vscode.Selection(position, position);
    }

    it('Extract Stage from Here… on line 1, above the first FROM, says why instead of doing nothing', async () => {
      const document = await openUntitled('# syntax=docker/dockerfile:1', ...goBuild);
      await atCursor(document, new vscode.Position(0, 0));
      const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<CommandResult>('stageflow.extractStage'));
      assert.deepEqual(result, { applied: false, reason: 'Line 1 is above the first FROM, in no stage' });
      assert.deepEqual(messages, ['warning: Stageflow: Line 1 is above the first FROM, in no stage']);
    });

    it('Extract Stage from Here… below an ONBUILD says why it is refused', async () => {
      const document = await openUntitled('FROM alpine AS base', 'ONBUILD RUN echo child', 'RUN echo self');
      await atCursor(document, positionOf(document, 'RUN echo self'));
      const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<CommandResult>('stageflow.extractStage'));
      const reason = 'ONBUILD on line 2 would move into `base-base` and fire in base, which builds on it';
      assert.deepEqual(result, { applied: false, reason });
      assert.deepEqual(messages, [`warning: Stageflow: ${reason}`]);
    });

    it('Name Stage… in a named stage that no index reaches points to rename', async () => {
      const document = await openUntitled('FROM alpine AS tools', 'RUN apk add git', 'FROM alpine', 'COPY --from=tools /usr/bin/git /git');
      await atCursor(document, positionOf(document, 'RUN apk'));
      const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<CommandResult>('stageflow.nameStage'));
      const reason = 'Stage 0 is already named `tools` and no reference uses its index; rename it with F2';
      assert.deepEqual(result, { applied: false, reason });
      assert.deepEqual(messages, [`warning: Stageflow: ${reason}`]);
    });

    it('Extract Shared Base Stage… on a stage that starts like no other says so', async () => {
      const document = await openUntitled(...goBuild);
      await atCursor(document, positionOf(document, 'WORKDIR'));
      const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<CommandResult>('stageflow.extractBase'));
      const reason = 'No other stage starts like stage-0 (same base, platform and first instruction)';
      assert.deepEqual(result, { applied: false, reason });
      assert.deepEqual(messages, [`warning: Stageflow: ${reason}`]);
    });

    it('Name Stage… with the cursor on a numeric --from names the stage it reaches (name passed, no input box)', async () => {
      const document = await openUntitled(...goBuild);
      await atCursor(document, positionOf(document, '--from=0', 0, 7));
      const result = await vscode.commands.executeCommand<CommandResult>('stageflow.nameStage', undefined, undefined, 'build');
      assert.deepEqual(result, { applied: true, notes: [] });
      assert.match(document.getText(), /^FROM golang:1\.22 AS build\n[^]*COPY --from=build /);
    });
  });

  it('names all numeric stages at once', async () => {
    const document = await openUntitled('FROM golang:1.22', 'RUN go build .', 'FROM node:20', 'RUN npm ci', 'FROM alpine', 'COPY --from=0 /a /a', 'COPY --from=1 /b /b');
    const result = await vscode.commands.executeCommand<CommandResult>('stageflow.nameAllStages', document.uri);
    assert.equal(result.applied, true);
    assert.equal(
      document.getText(),
      lines(['FROM golang:1.22 AS build', 'RUN go build .', 'FROM node:20 AS deps', 'RUN npm ci', 'FROM alpine', 'COPY --from=build /a /a', 'COPY --from=deps /b /b']),
    );
  });

  it('extracts a stage, shifts the later index, then starts a rename on the new name; undo restores', async () => {
    const document = await openUntitled(...goBuild);
    const original = document.getText();
    const result = await vscode.commands.executeCommand<CommandResult>('stageflow.extractStage', document.uri, 2, 'src');
    assert.equal(result.applied, true);
    assert.equal(
      document.getText(),
      lines(['FROM golang:1.22 AS src', 'WORKDIR /src', '', 'FROM src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM alpine', 'COPY --from=1 /out/app /app']),
    );
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document === document, 'the document is in the active editor');
    assert.deepEqual(editor.selection.active, new vscode.Position(0, 20), 'the cursor sits on the new name');
    const renameRange = await vscode.commands.executeCommand<vscode.Range | { range: vscode.Range }>('vscode.prepareRename', document.uri, editor.selection.active);
    const range = renameRange instanceof vscode.Range ? renameRange : renameRange.range;
    assert.equal(document.getText(range), 'src', 'the rename that was started covers the new name');
    // The rename box has focus; close it so that undo reaches the document.
    await vscode.commands.executeCommand('cancelRenameInput');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => document.getText(), (text) => text === original, 'undo to restore the original');
  });

  it('extracts a shared base from the command', async () => {
    const document = await openUntitled('FROM node:20 AS deps', 'WORKDIR /app', 'RUN npm ci', 'FROM node:20 AS build', 'WORKDIR /app', 'RUN npm run build');
    const result = await vscode.commands.executeCommand<CommandResult>('stageflow.extractBase', document.uri, [0, 1], 'node-base');
    assert.equal(result.applied, true);
    assert.equal(
      document.getText(),
      lines(['FROM node:20 AS node-base', 'WORKDIR /app', '', 'FROM node-base AS deps', 'RUN npm ci', 'FROM node-base AS build', 'RUN npm run build']),
    );
  });

  it('leaves the document alone and says why when a refactoring is refused', async () => {
    const document = await openUntitled('FROM alpine AS base', 'ONBUILD RUN echo child', 'RUN echo self');
    const original = document.getText();
    const result = await vscode.commands.executeCommand<CommandResult>('stageflow.extractStage', document.uri, 2, 'pre');
    assert.deepEqual(result, { applied: false, reason: 'ONBUILD on line 2 would move into `pre` and fire in base, which builds on it' });
    assert.equal(document.getText(), original);
  });

  describe('code actions', () => {
    let log: vscode.LogOutputChannel;
    let cache: DocumentGraphCache;
    let provider: RefactorCodeActionProvider;

    before(() => {
      log = vscode.window.createOutputChannel('Stageflow refactor test', { log: true });
      cache = new DocumentGraphCache(log);
      provider = new RefactorCodeActionProvider(cache);
    });

    after(() => {
      cache.dispose();
      log.dispose();
    });

    it('offers Extract stage from here… on an instruction, running the extract command', async () => {
      const document = await openUntitled(...goBuild);
      const [extract] = await codeActions(document, positionOf(document, 'RUN go build'), vscode.CodeActionKind.RefactorExtract);
      assert.equal(extract.title, 'Extract stage from here…');
      assert.equal(extract.disabled, undefined);
      assert.deepEqual(extract.command?.arguments, [document.uri, 3]);
    });

    it('extracts the selected instructions: a selection over several lines splits after it', async () => {
      const document = await openUntitled(...goBuild);
      const context: vscode.CodeActionContext = { diagnostics: [], only: vscode.CodeActionKind.RefactorExtract, triggerKind: vscode.CodeActionTriggerKind.Invoke };
      const selection = new vscode.Range(1, 0, 2, 8);
      const [extract] = provider.provideCodeActions(document, selection, context);
      assert.equal(extract.title, 'Extract stage from here…');
      assert.deepEqual(extract.command?.arguments, [document.uri, 3]);
    });

    it('on a FROM, offers Extract stage… running the command on the FROM (which asks where to split); below an ONBUILD, disabled with the reason', async () => {
      const document = await openUntitled('FROM alpine AS base', 'ONBUILD RUN echo child', 'RUN echo self');
      const [onFrom] = allCodeActions(provider, document, positionOf(document, 'FROM'), vscode.CodeActionKind.RefactorExtract);
      assert.equal(onFrom.disabled, undefined);
      assert.deepEqual(onFrom.command?.arguments, [document.uri, 0]);
      const [belowOnbuild] = allCodeActions(provider, document, positionOf(document, 'RUN echo self'), vscode.CodeActionKind.RefactorExtract);
      assert.deepEqual(await codeActions(document, positionOf(document, 'RUN echo self'), vscode.CodeActionKind.RefactorExtract), [], 'VS Code hides it from runnable actions');
      assert.deepEqual(belowOnbuild.disabled, { reason: 'ONBUILD on line 2 would move into `base-base` and fire in base, which builds on it' });
    });

    it('lists a refactoring that does not apply only when refactorings are asked for, disabled with the reason', async () => {
      const document = await openUntitled('ARG V=1', ...goBuild);
      const context: vscode.CodeActionContext = { diagnostics: [], only: undefined, triggerKind: vscode.CodeActionTriggerKind.Automatic };
      const here = new vscode.Range(0, 0, 0, 0);
      assert.deepEqual(
        provider.provideCodeActions(document, here, context).map((action) => action.title),
        ['Name all stages referenced by index'],
        'the lightbulb shows only what applies',
      );
      const asked = allCodeActions(provider, document, here.start, vscode.CodeActionKind.Refactor);
      assert.deepEqual(
        asked.map((action) => [action.title, action.disabled?.reason]),
        [
          ['Extract stage from here…', 'Line 1 is above the first FROM, in no stage'],
          ['Extract shared base stage…', 'Line 1 is above the first FROM, in no stage'],
          ['Name stage…', 'Line 1 is above the first FROM, in no stage'],
          ['Name all stages referenced by index', undefined],
        ],
      );
    });

    it('offers Name stage N… on a numeric --from, and disabled when the file does not build', async () => {
      const document = await openUntitled(...goBuild);
      const [name] = await codeActions(document, positionOf(document, '--from=0', 0, 7), vscode.CodeActionKind.RefactorRewrite);
      assert.equal(name.title, 'Name stage 0…');
      assert.deepEqual(name.command?.arguments, [document.uri, 0]);
      const broken = await openUntitled('FROM alpine', 'COPY --from=0 /x /y');
      const [refused] = allCodeActions(provider, broken, positionOf(broken, 'FROM'), vscode.CodeActionKind.RefactorRewrite);
      assert.match(refused.disabled?.reason ?? '', /^BuildKit rejects this file \(circular dependency/);
    });

    it('offers Extract shared base stage… on stages that share their start', async () => {
      const document = await openUntitled('FROM node:20 AS deps', 'WORKDIR /app', 'RUN npm ci', 'FROM node:20 AS build', 'WORKDIR /app', 'RUN npm run build');
      const actions = await codeActions(document, positionOf(document, 'RUN npm run build'), vscode.CodeActionKind.RefactorExtract);
      const shared = actions.find((action) => action.title === 'Extract shared base stage…');
      assert.ok(shared, 'the shared base action is offered');
      assert.deepEqual(shared.command?.arguments, [document.uri, [0, 1]]);
    });
  });

  it('"Stageflow: Refactor…" on a FROM offers what applies there and runs the one picked (shared base, named in the input box)', async () => {
    const document = await openUntitled('FROM node:20 AS deps', 'WORKDIR /app', 'RUN npm ci', 'FROM node:20 AS build', 'WORKDIR /app', 'RUN npm run build');
    const { result, offered } = await answeringPrompts({ pick: 'Extract shared base stage…', name: 'node-base' }, () =>
      vscode.commands.executeCommand<CommandResult>('stageflow.refactor', document.uri, 3),
    );
    assert.deepEqual(offered, [['Extract stage from here…', 'Extract shared base stage…'], ['node-base']]);
    assert.equal(result.applied, true);
    assert.equal(
      document.getText(),
      lines(['FROM node:20 AS node-base', 'WORKDIR /app', '', 'FROM node-base AS deps', 'RUN npm ci', 'FROM node-base AS build', 'RUN npm run build']),
    );
    await vscode.commands.executeCommand('cancelRenameInput');
  });

  it('Refactor… where nothing applies says why', async () => {
    const document = await openUntitled('ARG V=1', 'FROM alpine AS a', 'RUN true');
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(0, 0, 0, 0) });
    const { result, messages } = await recordingMessages(() => vscode.commands.executeCommand<CommandResult>('stageflow.refactor'));
    const reason = 'No refactoring applies here. Line 1 is above the first FROM, in no stage';
    assert.deepEqual(result, { applied: false, reason });
    assert.deepEqual(messages, [`warning: Stageflow: ${reason}`]);
  });
});
