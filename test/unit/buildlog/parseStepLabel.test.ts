import * as assert from 'node:assert/strict';
import { parseStepLabel } from '../../../src/core/buildlog/parseStepLabel';

describe('parseStepLabel', () => {
  it('reads a stage step (parallel.log), an unnamed stage (unnamed.log) and a one-stage file (single.log)', () => {
    assert.deepEqual(parseStepLabel('[base 3/3] RUN echo base > /base.txt && sleep 1'), {
      platform: null,
      stage: 'base',
      index: 3,
      total: 3,
      instruction: 'RUN echo base > /base.txt && sleep 1',
    });
    assert.deepEqual(parseStepLabel('[stage-2 1/2] COPY --from=0 /zero.txt /zero.txt'), {
      platform: null,
      stage: 'stage-2',
      index: 1,
      total: 2,
      instruction: 'COPY --from=0 /zero.txt /zero.txt',
    });
    assert.deepEqual(parseStepLabel('[1/5] FROM docker.io/library/busybox:local'), {
      platform: null,
      stage: '',
      index: 1,
      total: 5,
      instruction: 'FROM docker.io/library/busybox:local',
    });
  });

  // dockerfile2llb's prefixCommand: `[` + platform (multi-platform builds) + stage name + `%*d/%d] `, the index
  // padded to the width of the total, and `ONBUILD ` before a trigger.
  it('reads the platform of a multi-platform build, a padded index and an ONBUILD trigger', () => {
    assert.deepEqual(parseStepLabel('[linux/arm64 build  3/12] RUN make'), {
      platform: 'linux/arm64',
      stage: 'build',
      index: 3,
      total: 12,
      instruction: 'RUN make',
    });
    assert.deepEqual(parseStepLabel('[linux/amd64 1/2] FROM docker.io/library/alpine:3.20'), {
      platform: 'linux/amd64',
      stage: '',
      index: 1,
      total: 2,
      instruction: 'FROM docker.io/library/alpine:3.20',
    });
    assert.deepEqual(parseStepLabel('[app 2/4] ONBUILD RUN make'), {
      platform: null,
      stage: 'app',
      index: 2,
      total: 4,
      instruction: 'ONBUILD RUN make',
    });
  });

  it("returns null for BuildKit's own vertices and for text that only looks like a label", () => {
    for (const name of [
      '[internal] load build definition from parallel.Dockerfile',
      '[internal] load metadata for docker.io/library/busybox:local',
      'exporting to image',
      '[auth] library/alpine:pull token for registry-1.docker.io',
      '[base 3/x] RUN make',
      '[a b c 1/2] RUN make',
      '[base 1/2]RUN make',
    ]) {
      assert.equal(parseStepLabel(name), null, name);
    }
  });
});
