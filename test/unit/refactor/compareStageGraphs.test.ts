import * as assert from 'node:assert/strict';
import { identityCorrespondence, insertionCorrespondence } from '../../../src/core/refactor/compareStageGraphs';
import { proveMeaningKept } from '../../../src/core/refactor/proveMeaningKept';
import { dockerfile, graphOf } from './refactorAssertions';

/** The safeguard every refactoring runs before it answers must catch edits that change the build. */
describe('proveMeaningKept', () => {
  const before = dockerfile(['FROM golang:1.22', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=0 /app /app']);
  const named = identityCorrespondence(new Map([[0, 'build']]));

  it('accepts a renaming that rewrites every reference', () => {
    const after = dockerfile(['FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=build /app /app']);
    assert.deepEqual(proveMeaningKept(before, graphOf(before), after, named), []);
  });

  it('catches a reference that now names an image', () => {
    const after = dockerfile(['FROM golang:1.22 AS build', 'RUN go build -o /app .', 'FROM alpine', 'COPY --from=builder /app /app']);
    assert.deepEqual(proveMeaningKept(before, graphOf(before), after, named), [
      'default target: stage 0 (stage-0): reachable false instead of true',
      'default target: edges differ (lost ["stage:0",1,"copy",false,{"sources":["/app"],"destination":"/app","flags":{}}]; gained ["image:builder",1,"copy",false,{"sources":["/app"],"destination":"/app","flags":{}}])',
      'default target: built stages [1] instead of [0, 1]',
      'default target: external images differ',
    ]);
  });

  it('catches a CMD that an ENTRYPOINT resets once they sit in different stages', () => {
    const split = dockerfile(['FROM alpine AS app', 'CMD ["--help"]', 'ENTRYPOINT ["/bin/app"]']);
    const after = dockerfile(['FROM alpine AS pre', 'CMD ["--help"]', '', 'FROM pre AS app', 'ENTRYPOINT ["/bin/app"]']);
    assert.deepEqual(proveMeaningKept(split, graphOf(split), after, insertionCorrespondence(0, [0])), [
      'default target: stage 0 (app): cmd null instead of "[\\"--help\\"]"',
      '--target app: stage 0 (app): cmd null instead of "[\\"--help\\"]"',
    ]);
  });

  it('catches a platform left on the continuing FROM instead of the new base', () => {
    const split = dockerfile(['FROM --platform=linux/arm64 alpine AS app', 'WORKDIR /x', 'RUN make']);
    const after = dockerfile(['FROM alpine AS pre', 'WORKDIR /x', '', 'FROM --platform=linux/arm64 pre AS app', 'RUN make']);
    assert.deepEqual(proveMeaningKept(split, graphOf(split), after, insertionCorrespondence(0, [0])), [
      'default target: stage 0 (app): base alpine (null) instead of alpine (linux/arm64)',
      '--target app: stage 0 (app): base alpine (null) instead of alpine (linux/arm64)',
    ]);
  });
});
