import * as assert from 'node:assert/strict';
import { StageflowProcess } from './stageflowProcess';

describe('stageflow check', () => {
  let cli: StageflowProcess;
  before(async () => {
    cli = await StageflowProcess.build();
  });
  after(() => cli.dispose());

  it('prints nothing and exits 0 for a clean file', () => {
    const dockerfile = 'FROM alpine AS build\nRUN make\nFROM alpine\nCOPY --from=build /out /out\n';
    assert.deepEqual(cli.run(['check', '-'], { input: dockerfile }), { status: 0, stdout: '', stderr: '' });
  });

  it('prints an error as file:line:col: severity code: message (1-based) and exits 1 (SEMANTICS: self-reference is a cycle)', () => {
    const dockerfile = 'FROM alpine AS a\nCOPY --from=a /x /y\n';
    assert.deepEqual(cli.run(['check', '-'], { input: dockerfile }), {
      status: 1,
      stdout: '<stdin>:2:1: error CircularDependency: circular dependency detected on stage: a\n',
      stderr: '',
    });
  });

  it('exits 0 when there are only warnings (SEMANTICS: StageNameCasing and FromAsCasing are lint, not errors)', () => {
    const dockerfile = 'FROM alpine as Build\nRUN make\nFROM alpine\nCOPY --from=build /out /out\n';
    assert.deepEqual(cli.run(['check', '-'], { input: dockerfile }), {
      status: 0,
      stdout:
        "<stdin>:1:1: warning StageNameCasing: Stage name 'Build' should be lowercase\n" +
        "<stdin>:1:1: warning FromAsCasing: 'as' and 'FROM' keywords' casing do not match\n",
      stderr: '',
    });
  });

  it('names each file in its lines and exits 1 when any of several has an error', () => {
    const result = cli.run(['check', 'examples/go-service.Dockerfile', 'examples/node-frontend.Dockerfile', '-', '--severity', 'hint'], {
      input: 'FROM alpine AS a\nCOPY --from=a /x /y\n',
    });
    assert.deepEqual(result, {
      status: 1,
      stdout:
        'examples/go-service.Dockerfile:13:13: hint stageflow.numericStageRef: Stage 0 is referenced by number: ' +
        'name it (FROM ... AS name) and refer to it by name.\n' +
        '<stdin>:2:1: error CircularDependency: circular dependency detected on stage: a\n',
      stderr: '',
    });
  });

  it('leaves hints out by default and says how many on stderr; --severity sets the least severe shown', () => {
    const dockerfile = 'FROM alpine as Build\nRUN make\nFROM alpine AS unused\nFROM alpine\nCOPY --from=0 /out /out\n';
    const warnings =
      "<stdin>:1:1: warning StageNameCasing: Stage name 'Build' should be lowercase\n" +
      "<stdin>:1:1: warning FromAsCasing: 'as' and 'FROM' keywords' casing do not match\n";
    const hints =
      "<stdin>:3:1: hint stageflow.unreachableStage: Stage 'unused' is not built for target 'stage-2'.\n" +
      "<stdin>:5:13: hint stageflow.numericStageRef: Stage 0 is 'build': refer to it by name, which survives reordering.\n";
    const hidden = 'stageflow: 2 less severe diagnostics not shown (--severity hint shows all)\n';
    assert.deepEqual(cli.run(['check', '-'], { input: dockerfile }), { status: 0, stdout: warnings, stderr: hidden });
    assert.deepEqual(cli.run(['check', '-', '--severity', 'info'], { input: dockerfile }), { status: 0, stdout: warnings, stderr: hidden });
    assert.deepEqual(cli.run(['check', '--severity=hint', '-'], { input: dockerfile }), { status: 0, stdout: warnings + hints, stderr: '' });
    assert.deepEqual(cli.run(['check', '-', '--severity', 'error'], { input: dockerfile }), {
      status: 0,
      stdout: '',
      stderr: 'stageflow: 4 less severe diagnostics not shown (--severity hint shows all)\n',
    });
  });

  it('prints errors at every --severity, and exits 1 on them', () => {
    const dockerfile = 'FROM alpine AS a\nCOPY --from=a /x /y\n';
    assert.deepEqual(cli.run(['check', '-', '--severity', 'error'], { input: dockerfile }), {
      status: 1,
      stdout: '<stdin>:2:1: error CircularDependency: circular dependency detected on stage: a\n',
      stderr: '',
    });
  });

  it('refuses a --severity that is not a level, in one line with exit 2', () => {
    assert.deepEqual(cli.run(['check', '-', '--severity', 'warn'], { input: 'FROM alpine\n' }), {
      status: 2,
      stdout: '',
      stderr: "stageflow: option '--severity' needs one of error, warning, info, hint, got 'warn'\n",
    });
  });

  it('resolves for --target, and reports an unknown target as BuildKit does (SEMANTICS: What gets built)', () => {
    const dockerfile = 'FROM alpine AS build\nRUN make\nFROM alpine\nCOPY --from=build /out /out\n';
    assert.deepEqual(cli.run(['check', '-', '--target', 'build', '--severity', 'hint'], { input: dockerfile }), {
      status: 0,
      stdout: "<stdin>:3:1: hint stageflow.unreachableStage: Stage 'stage-1' is not built for target 'build'.\n",
      stderr: '',
    });
    assert.deepEqual(cli.run(['check', '-', '--target', 'nope'], { input: dockerfile }), {
      status: 1,
      stdout: '<stdin>:3:1: error UnknownTarget: target stage "nope" could not be found\n',
      stderr: '',
    });
  });

  it('accepts every example (they all build)', () => {
    const examples = ['go-service', 'node-frontend', 'rust-service', 'parameterised', 'monorepo'];
    const result = cli.run(['check', ...examples.map((name) => `examples/${name}.Dockerfile`)]);
    assert.equal(result.status, 0);
    assert.doesNotMatch(result.stdout, / error /);
  });
});
