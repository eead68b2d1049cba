/**
 * SEMANTICS.md "References between stages": mount options are comma-separated key=value, keys case-insensitive.
 * BuildKit checks the options when it dispatches a stage (`parseMount` in `instructions/commands_runmount.go`), so a
 * bad mount fails only a stage that is built.
 */
import * as assert from 'node:assert/strict';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { verdict } from './graphText';

const run = (mount: string) => verdict(buildStageGraph(`FROM alpine AS a\nFROM alpine\nRUN --mount=${mount} true\n`));

describe('mount options at dispatch', () => {
  it('accepts well-formed mounts of every type', () => {
    for (const mount of [
      'type=cache,target=/root/.cache,sharing=locked,id=go,mode=0755,uid=1000',
      'mode=0700,type=cache,target=/c',
      'type=bind,from=a,source=/src,target=/dst,rw=true',
      'type=tmpfs,target=/tmp,size=64m',
      'type=secret,id=npmrc,target=/root/.npmrc,required',
      'type=ssh,required=true',
      'TYPE=Cache,Target=$HOME/.cache',
      'type=$KIND,mode=0600,target=/x',
    ]) {
      assert.equal(run(mount), 'ok', mount);
    }
  });

  it('rejects what BuildKit rejects, with its message', () => {
    assert.deepEqual(
      [
        'type=bogus,target=/x',
        'type=cahce,target=/x',
        'type=cache,targte=/x',
        'type=bind,target=/x,sharing=locked',
        'type=cache,target=/x,sharing=everyone',
        'type=bind,target=/x,mode=0644',
        'type=secret,id=x,from=a',
        'type=secret',
        'type=bind,target=/x,ro=maybe',
        'type=bind,target=/x,required',
        'type=bind,size=1g',
        'type=cache,target',
      ].map(run),
      [
        'error: unsupported mount type "bogus"',
        'error: unsupported mount type "cahce" (did you mean cache?)',
        "error: unexpected key 'targte' in 'targte=/x' (did you mean target?)",
        'error: invalid cache sharing set for bind mount',
        'error: unsupported sharing value "everyone"',
        'error: mode not allowed for "bind" type mounts',
        'error: secret mount should not have a from',
        'error: invalid secret mount. one of source, target required',
        'error: invalid value for ro: maybe',
        "error: unexpected key 'required' for mount type 'bind'",
        "error: unexpected key 'size' for mount type 'bind'",
        "error: invalid field 'target' must be a key=value pair",
      ],
    );
  });

  it('does not judge a mount in a stage that is not built', () => {
    const graph = buildStageGraph('FROM alpine AS unused\nRUN --mount=type=bogus true\nFROM alpine\n');
    assert.equal(verdict(graph), 'ok');
    assert.equal(buildStageGraph('FROM alpine AS unused\nRUN --mount=type=bogus true\nFROM alpine\n', { target: 'unused' }).diagnostics[0].code, 'InvalidMount');
  });
});
