import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { prepareStageRename, renameStageEdits } from '../../../src/core/editor/renameStage';
import { applyTextEdits, dockerfile, positionOf } from './dockerfileText';

/** Renames the stage under `needle` and returns the whole new text, or the refusal. */
function rename(text: string, needle: string, offset: number, newName: string): string {
  const graph = buildStageGraph(text);
  const preparation = prepareStageRename(graph, positionOf(text, needle, 0, offset));
  if ('refused' in preparation) {
    return `refused: ${preparation.refused}`;
  }
  const result = renameStageEdits(graph, preparation.stage, newName);
  return 'refused' in result ? `refused: ${result.refused}` : applyTextEdits(text, result.edits);
}

describe('renameStage', () => {
  // SEMANTICS.md, "References between stages": FROM binds by exact lowercased name, --from and mount from= in any
  // case, a numeric --from by index; ONBUILD COPY --from binds like a COPY in the child.
  it('renames the AS name and every reference BuildKit binds to the stage, and nothing else', () => {
    const text = dockerfile(
      'FROM golang:1.22 AS Build',
      'RUN go build -o /out/app .',
      'FROM build AS test',
      'FROM alpine AS app-base',
      'ONBUILD COPY --from=BUILD /out/app /app',
      'FROM app-base',
      'COPY --from=0 /out/app /app0',
      'RUN --mount=from=build,target=/mnt echo build > /build',
    );
    assert.equal(
      rename(text, 'AS Build', 4, 'compile'),
      dockerfile(
        'FROM golang:1.22 AS compile',
        'RUN go build -o /out/app .',
        'FROM compile AS test',
        'FROM alpine AS app-base',
        'ONBUILD COPY --from=compile /out/app /app',
        'FROM app-base',
        'COPY --from=0 /out/app /app0',
        'RUN --mount=from=compile,target=/mnt echo build > /build',
      ),
    );
  });

  // SEMANTICS.md: `AS Build` then `FROM Build` is an image, not the stage (buildkit #2003).
  it('leaves a FROM whose case does not match alone, since BuildKit reads it as an image', () => {
    const text = dockerfile('FROM alpine AS builder', 'FROM Builder', 'COPY --from=Builder / /');
    assert.equal(rename(text, 'AS builder', 3, 'maker'), dockerfile('FROM alpine AS maker', 'FROM Builder', 'COPY --from=maker / /'));
  });

  it('starts from any reference to the stage', () => {
    const text = dockerfile('FROM alpine AS base', 'FROM base', 'RUN --mount=from=base,target=/b true');
    assert.equal(rename(text, 'from=base', 5, 'root'), dockerfile('FROM alpine AS root', 'FROM root', 'RUN --mount=from=root,target=/b true'));
  });

  // SEMANTICS.md: duplicates are allowed; FROM sees the latest earlier one, --from the last one.
  it('with duplicate names, renames only what binds to the chosen definition', () => {
    const text = dockerfile('FROM alpine AS tools', 'FROM tools AS tools', 'FROM scratch', 'COPY --from=tools / /');
    assert.equal(rename(text, 'AS tools', 3, 'base'), dockerfile('FROM alpine AS base', 'FROM base AS tools', 'FROM scratch', 'COPY --from=tools / /'));
  });

  it('writes FROM references in lowercase so they keep binding when the new name has capitals', () => {
    const text = dockerfile('FROM alpine AS base', 'FROM base', 'COPY --from=base / /');
    assert.equal(rename(text, 'AS base', 3, 'Root'), dockerfile('FROM alpine AS Root', 'FROM root', 'COPY --from=Root / /'));
  });

  it('refuses on anything that is not a stage name or a reference to one', () => {
    const text = dockerfile('FROM alpine AS base', 'COPY --from=nginx / /');
    assert.equal(rename(text, 'alpine', 1, 'x'), 'refused: Only a stage name (after AS) or a reference to a stage can be renamed.');
    assert.equal(rename(text, 'nginx', 1, 'x'), 'refused: Only a stage name (after AS) or a reference to a stage can be renamed.');
    assert.equal(rename(text, 'COPY', 1, 'x'), 'refused: Only a stage name (after AS) or a reference to a stage can be renamed.');
  });

  it('refuses on a numeric reference and says how to name the stage', () => {
    const text = dockerfile('FROM alpine', 'FROM scratch', 'COPY --from=0 / /');
    assert.equal(rename(text, '--from=0', 7, 'x'), 'refused: This refers to stage 0 by its index; give the stage a name first ("Name stage 0…").');
  });

  it('refuses a name BuildKit rejects or that another stage has', () => {
    const text = dockerfile('FROM alpine AS base', 'FROM base AS app');
    assert.equal(
      rename(text, 'AS base', 3, '1st'),
      "refused: '1st' is not a valid stage name: it must start with a letter and contain only letters, digits, '-', '_' and '.'.",
    );
    assert.equal(rename(text, 'AS base', 3, 'App'), "refused: A stage named 'app' already exists (line 2).");
    assert.equal(rename(text, 'AS base', 3, 'scratch'), "refused: 'scratch' is reserved by BuildKit and cannot name a stage.");
  });

  it('refuses when a reference reaches the stage through a variable', () => {
    const text = dockerfile('ARG BASE=base', 'FROM alpine AS base', 'FROM ${BASE}');
    assert.equal(rename(text, 'AS base', 3, 'root'), 'refused: Line 3 refers to this stage through a variable (${BASE}); renaming would break it.');
  });

  it('refuses a name that an image reference already uses, since it would start pointing at the stage', () => {
    const text = dockerfile('FROM alpine AS base', 'FROM scratch', 'COPY --from=busybox /bin/sh /sh');
    assert.equal(rename(text, 'AS base', 3, 'busybox'), 'refused: "busybox" on line 3 would then refer to this stage instead of what it names now.');
  });
});
