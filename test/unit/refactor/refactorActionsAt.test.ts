import * as assert from 'node:assert/strict';
import type { Range } from '../../../src/core/model';
import { performRefactoring } from '../../../src/core/refactor/performRefactoring';
import { refactorActionFor, refactorActionsAt, type RefactorAction } from '../../../src/core/refactor/refactorActionsAt';
import { applied, dockerfile, graphOf } from './refactorAssertions';

const goBuild = dockerfile(['ARG GO=1.22', 'FROM golang:${GO}', 'WORKDIR /src', 'COPY . .', 'RUN go build -o /out/app .', 'FROM alpine', 'COPY --from=0 /out/app /app']);

function cursor(line: number, character = 0): Range {
  return { start: { line, character }, end: { line, character } };
}

/** Each action as `title: request` or `title: disabled (reason)`, so one assertion shows the whole menu. */
function summary(actions: Record<string, RefactorAction>): string[] {
  return Object.values(actions).map((action) =>
    'request' in action ? `${action.title}: ${JSON.stringify(action.request)} name=${action.name}${action.asksName ? ' (asked)' : ''}` : `${action.title}: disabled (${action.disabled.reason})`,
  );
}

function actionsAt(text: string, range: Range) {
  return refactorActionsAt(graphOf(text), text, range);
}

/** What each refactoring offers at a place: the one answer the code actions, the commands and the lenses translate. */
describe('refactorActionsAt', () => {
  it('above the first FROM nothing applies, and each refactoring says why', () => {
    assert.deepEqual(summary(actionsAt(goBuild, cursor(0))), [
      'Extract stage from here…: disabled (Line 1 is above the first FROM, in no stage)',
      'Extract shared base stage…: disabled (Line 1 is above the first FROM, in no stage)',
      'Name stage…: disabled (Line 1 is above the first FROM, in no stage)',
      'Name all stages referenced by index: {"refactoring":"nameAllStages"} name=',
    ]);
  });

  it('on an instruction: extract before it, name the stage it is in', () => {
    assert.deepEqual(summary(actionsAt(goBuild, cursor(3, 4))), [
      'Extract stage from here…: {"refactoring":"extractStage","stage":0,"line":4} name=stage-base (asked)',
      'Extract shared base stage…: disabled (No other stage starts like stage-0 (same base, platform and first instruction))',
      'Name stage 0…: {"refactoring":"nameStage","stage":0} name=build (asked)',
      'Name all stages referenced by index: {"refactoring":"nameAllStages"} name=',
    ]);
  });

  it('on a FROM, extracting leaves the split point to pick; on a numeric --from, naming names the stage it reaches', () => {
    const onFrom = actionsAt(goBuild, cursor(1));
    assert.deepEqual(onFrom.extractStage, {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      request: { refactoring: 'extractStage', stage: 0, line: null },
      name: 'stage-base',
      asksName: true,
    });
    const onReference = actionsAt(goBuild, cursor(6, 13));
    assert.deepEqual('request' in onReference.nameStage && onReference.nameStage.request, { refactoring: 'nameStage', stage: 0 });
    assert.deepEqual(onReference.extractStage, {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      request: { refactoring: 'extractStage', stage: 1, line: 7 },
      name: 'stage-base',
      asksName: true,
    });
  });

  it('a selection over several lines splits below it, and says so when nothing would remain', () => {
    assert.deepEqual(actionsAt(goBuild, { start: { line: 2, character: 0 }, end: { line: 3, character: 8 } }).extractStage, {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      request: { refactoring: 'extractStage', stage: 0, line: 5 },
      name: 'stage-base',
      asksName: true,
    });
    assert.deepEqual(actionsAt(goBuild, { start: { line: 2, character: 0 }, end: { line: 5, character: 0 } }).extractStage, {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      disabled: { reason: 'Nothing of the stage would remain below the selection' },
    });
  });

  it('in a named stage nobody reaches by index, naming is disabled with the way to rename; with an index it uses the name', () => {
    const text = dockerfile(['FROM alpine AS tools', 'RUN apk add git', 'FROM alpine AS app', 'COPY --from=tools /usr/bin/git /git']);
    assert.deepEqual(actionsAt(text, cursor(1)).nameStage, {
      refactoring: 'nameStage',
      title: 'Name stage…',
      kind: 'rewrite',
      disabled: { reason: 'Stage 0 is already named `tools` and no reference uses its index; rename it with F2' },
    });
    const numeric = dockerfile(['FROM alpine AS Tools', 'FROM alpine', 'COPY --from=0 /a /b']);
    assert.deepEqual(actionsAt(numeric, cursor(0)).nameStage, {
      refactoring: 'nameStage',
      title: 'Use the name Tools',
      kind: 'rewrite',
      request: { refactoring: 'nameStage', stage: 0 },
      name: 'Tools',
      asksName: false,
    });
  });

  it('passes on the refactoring`s own refusal: below an ONBUILD, in a file BuildKit rejects', () => {
    const onbuild = dockerfile(['FROM alpine AS base', 'ONBUILD RUN echo child', 'RUN echo self']);
    assert.deepEqual(actionsAt(onbuild, cursor(2)).extractStage, {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      disabled: { reason: 'ONBUILD on line 2 would move into `base-base` and fire in base, which builds on it' },
    });
    const cycle = dockerfile(['FROM alpine', 'COPY --from=0 /x /y']);
    const actions = actionsAt(cycle, cursor(1));
    for (const action of [actions.extractStage, actions.nameStage, actions.nameAllStages]) {
      assert.match('disabled' in action ? action.disabled.reason : '', /^BuildKit rejects this file \(circular dependency/, action.title);
    }
  });

  it('offers the shared base of the stages that start alike, from any of them', () => {
    const text = dockerfile(['FROM node:20 AS deps', 'WORKDIR /app', 'RUN npm ci', 'FROM node:20 AS build', 'WORKDIR /app', 'RUN npm run build']);
    assert.deepEqual(actionsAt(text, cursor(5)).extractSharedBase, {
      refactoring: 'extractSharedBase',
      title: 'Extract shared base stage…',
      kind: 'extract',
      request: { refactoring: 'extractSharedBase', stages: [0, 1] },
      name: 'node-base',
      asksName: true,
    });
  });

  it('says there is nothing to rename when no reference uses an index', () => {
    const text = dockerfile(['FROM alpine AS a', 'FROM alpine', 'COPY --from=a /a /b']);
    assert.deepEqual(actionsAt(text, cursor(1)).nameAllStages, {
      refactoring: 'nameAllStages',
      title: 'Name all stages referenced by index',
      kind: 'rewrite',
      disabled: { reason: 'Nothing to rename: no stage is referenced by index.' },
    });
  });

  it('with no FROM at all, says the file has no stage', () => {
    assert.deepEqual(summary(actionsAt(dockerfile(['ARG A=1']), cursor(0))).slice(0, 3), [
      'Extract stage from here…: disabled (This file has no FROM, so no stage)',
      'Extract shared base stage…: disabled (This file has no FROM, so no stage)',
      'Name stage…: disabled (This file has no FROM, so no stage)',
    ]);
  });

  it('every enabled action applies through performRefactoring with its name, at every line', () => {
    const text = goBuild;
    const graph = graphOf(text);
    for (let line = 0; line < text.split('\n').length; line++) {
      for (const action of Object.values(refactorActionsAt(graph, text, cursor(line)))) {
        if (!('request' in action)) continue;
        let { request } = action;
        if (request.refactoring === 'extractStage' && request.line === null) request = { ...request, line: graph.stages[request.stage].instructions.at(-1)!.startLine };
        applied(text, performRefactoring(text, graph, request, action.name));
      }
    }
  });
});

describe('refactorActionFor', () => {
  it('refuses a stage that does not exist, whatever sent the request', () => {
    const graph = graphOf(goBuild);
    assert.deepEqual(refactorActionFor(graph, goBuild, { refactoring: 'nameStage', stage: 7 }), {
      refactoring: 'nameStage',
      title: 'Name stage…',
      kind: 'rewrite',
      disabled: { reason: 'There is no stage 7' },
    });
    assert.deepEqual(refactorActionFor(graph, goBuild, { refactoring: 'extractStage', stage: -1, line: null }), {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      disabled: { reason: 'There is no stage -1' },
    });
  });

  it('checks a name the caller already chose instead of the proposed one, and asks for none', () => {
    const text = dockerfile(['FROM alpine AS base', 'ONBUILD RUN echo child', 'RUN echo self']);
    const graph = graphOf(text);
    assert.deepEqual(refactorActionFor(graph, text, { refactoring: 'extractStage', stage: 0, line: 3 }, 'pre'), {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      disabled: { reason: 'ONBUILD on line 2 would move into `pre` and fire in base, which builds on it' },
    });
    assert.deepEqual(refactorActionFor(graph, text, { refactoring: 'extractStage', stage: 0, line: 2 }, 'pre'), {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      request: { refactoring: 'extractStage', stage: 0, line: 2 },
      name: 'pre',
      asksName: false,
    });
    assert.deepEqual(refactorActionsAt(graph, text, cursor(2), 'base').extractStage, {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      disabled: { reason: "A stage named 'base' already exists (line 1)." },
    });
  });

  it('extracting from a stage without instructions says there is nothing to move', () => {
    const text = dockerfile(['FROM alpine AS a', 'FROM a']);
    assert.deepEqual(refactorActionFor(graphOf(text), text, { refactoring: 'extractStage', stage: 1, line: null }), {
      refactoring: 'extractStage',
      title: 'Extract stage from here…',
      kind: 'extract',
      disabled: { reason: 'stage-1 has no instruction to move into a new stage' },
    });
  });
});

