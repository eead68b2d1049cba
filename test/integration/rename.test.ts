// F2 on a stage renames exactly what BuildKit binds to that stage (issue 3: Rename). Each test applies the
// returned edit and checks the whole document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, openUntitled, positionOf } from './dockerfileTestHelpers';

async function renameAt(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<string> {
  const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, position, newName);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit applies');
  return document.getText();
}

async function renameRefusal(document: vscode.TextDocument, position: vscode.Position, newName?: string): Promise<string> {
  try {
    if (newName === undefined) {
      await vscode.commands.executeCommand('vscode.prepareRename', document.uri, position);
    } else {
      await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, position, newName);
    }
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return assert.fail('rename was not refused');
}

describe('Stage rename', () => {
  afterEach(closeAllEditors);

  // SEMANTICS.md, "References between stages": --from and mount from= match case-insensitively, FROM only the
  // lowercased name, a numeric --from keeps pointing at the index; ONBUILD triggers bind like any COPY.
  it('renames the AS name and every reference bound to it, and nothing else', async () => {
    const document = await openFixture('features/stages.Dockerfile');
    const before = document.getText();
    const after = await renameAt(document, positionOf(document, 'AS Build', 0, 4), 'compile');
    const changed = before
      .split('\n')
      .map((line, index) => [line, after.split('\n')[index]])
      .filter(([was, is]) => was !== is)
      .map(([was, is]) => `${was} => ${is}`);
    assert.deepEqual(changed, [
      'FROM golang:1.22 AS Build => FROM golang:1.22 AS compile',
      'FROM build AS test => FROM compile AS test',
      'ONBUILD COPY --from=BUILD /out/app /usr/local/bin/app => ONBUILD COPY --from=compile /out/app /usr/local/bin/app',
      'RUN --mount=from=build,source=/out,target=/mnt ls /mnt => RUN --mount=from=compile,source=/out,target=/mnt ls /mnt',
    ]);
    assert.equal(after.split('\n').length, before.split('\n').length);
  });

  it('starts from a reference as well as from the name', async () => {
    const document = await openUntitled('FROM alpine AS base', 'FROM base', 'COPY --from=base / /');
    assert.equal(await renameAt(document, positionOf(document, '--from=base', 0, 8), 'root'), ['FROM alpine AS root', 'FROM root', 'COPY --from=root / /', ''].join('\n'));
  });

  // SEMANTICS.md: with duplicate names, FROM binds to the latest earlier definition, --from to the last one.
  it('renames only the duplicate that each reference binds to', async () => {
    const document = await openUntitled('FROM alpine AS tools', 'FROM tools AS tools', 'FROM scratch', 'COPY --from=tools / /');
    assert.equal(
      await renameAt(document, positionOf(document, 'AS tools', 0, 3), 'base'),
      ['FROM alpine AS base', 'FROM base AS tools', 'FROM scratch', 'COPY --from=tools / /', ''].join('\n'),
    );
  });

  it('refuses on an image, with a reason', async () => {
    const document = await openUntitled('FROM alpine AS base', 'FROM base');
    assert.match(await renameRefusal(document, positionOf(document, 'alpine', 0, 2)), /Only a stage name/);
  });

  it('refuses on a numeric reference, pointing to naming the stage', async () => {
    const document = await openUntitled('FROM alpine', 'FROM scratch', 'COPY --from=0 / /');
    assert.match(await renameRefusal(document, positionOf(document, '--from=0', 0, 7)), /by its index/);
  });

  it('refuses a name BuildKit would reject or that is taken', async () => {
    const document = await openUntitled('FROM alpine AS base', 'FROM base AS app');
    await renameRefusal(document, positionOf(document, 'AS base', 0, 4), '1st');
    await renameRefusal(document, positionOf(document, 'AS base', 0, 4), 'app');
    assert.equal(document.getText(), 'FROM alpine AS base\nFROM base AS app\n');
  });
});
