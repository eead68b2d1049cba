import * as assert from 'node:assert/strict';
import { checkBuildArgs, checkString, checkStringArray } from '../../../src/core/editor/settingValues';

describe('settingValues', () => {
  it('takes build args as text, the way --build-arg receives them', () => {
    assert.deepEqual(checkBuildArgs({ GO_VERSION: '1.22', DEBUG: true, JOBS: 4 }), {
      value: { GO_VERSION: '1.22', DEBUG: 'true', JOBS: '4' },
      problems: [],
    });
  });

  it('drops build args it cannot use and says which', () => {
    assert.deepEqual(checkBuildArgs({ OK: 'x', NESTED: { a: 1 }, LIST: [] }), {
      value: { OK: 'x' },
      problems: ['stageflow.buildArgs.NESTED is not a string; ignoring it.', 'stageflow.buildArgs.LIST is not a string; ignoring it.'],
    });
    assert.deepEqual(checkBuildArgs(['A=1']), { value: {}, problems: ['stageflow.buildArgs must be an object of NAME: "value" pairs; ignoring it.'] });
    assert.deepEqual(checkBuildArgs(undefined), { value: {}, problems: [] });
  });

  it('trims a target and ignores one that is not a string', () => {
    assert.deepEqual(checkString('stageflow.target', '  build '), { value: 'build', problems: [] });
    assert.deepEqual(checkString('stageflow.target', 3), { value: '', problems: ['stageflow.target must be a string; ignoring it.'] });
    assert.deepEqual(checkString('stageflow.target', null), { value: '', problems: [] });
  });
});

describe('checkStringArray', () => {
  it('keeps the strings of a list such as stageflow.build.args and says what it dropped', () => {
    assert.deepEqual(checkStringArray('stageflow.build.args', ['--network=none', '--no-cache']), { value: ['--network=none', '--no-cache'], problems: [] });
    assert.deepEqual(checkStringArray('stageflow.build.args', ['--pull', 3]), {
      value: ['--pull'],
      problems: ['stageflow.build.args holds entries that are not strings; ignoring them.'],
    });
    assert.deepEqual(checkStringArray('stageflow.build.args', '--pull'), { value: [], problems: ['stageflow.build.args must be an array of strings; ignoring it.'] });
    assert.deepEqual(checkStringArray('stageflow.build.args', undefined), { value: [], problems: [] });
  });
});
