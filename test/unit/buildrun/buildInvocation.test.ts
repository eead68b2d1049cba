import * as assert from 'node:assert/strict';
import { buildInvocation } from '../../../src/core/buildrun/buildInvocation';
import { joinCommandLine, splitCommandLine } from '../../../src/core/buildrun/splitCommandLine';

const request = { command: 'docker build', extraArgs: [], dockerfile: 'Dockerfile', target: null, buildArgs: {}, environment: {} };

describe('splitCommandLine', () => {
  it('splits on blanks like a shell without expansions', () => {
    assert.deepEqual(splitCommandLine('  docker   buildx build\t'), { words: ['docker', 'buildx', 'build'] });
    assert.deepEqual(splitCommandLine(`"/opt/my tools/docker" build 'a b' c\\ d ""`), { words: ['/opt/my tools/docker', 'build', 'a b', 'c d', ''] });
    assert.deepEqual(splitCommandLine(`say "a \\"quoted\\" \\\\ word" '$HOME' $HOME`), { words: ['say', 'a "quoted" \\ word', '$HOME', '$HOME'] });
    assert.deepEqual(splitCommandLine(''), { words: [] });
  });

  it('refuses a quote that is never closed', () => {
    assert.deepEqual(splitCommandLine(`docker 'build`), { error: 'the single quote it opens is never closed' });
    assert.deepEqual(splitCommandLine(`docker "build`), { error: 'the double quote it opens is never closed' });
  });

  it('writes words back as a line that splits into the same words', () => {
    const words = ['/usr/bin/docker', 'build', '--build-arg', 'GREETING=hello world', "it's", ''];
    const line = joinCommandLine(words);
    assert.equal(line, `/usr/bin/docker build --build-arg 'GREETING=hello world' 'it'\\''s' ''`);
    assert.deepEqual(splitCommandLine(line), { words });
  });
});

describe('buildInvocation', () => {
  it('runs the command with the plain progress, the file, the target and the build args, the context last', () => {
    assert.deepEqual(
      buildInvocation({ ...request, command: 'docker buildx build', dockerfile: 'services/api/Dockerfile', target: 'test', buildArgs: { GO: '1.22', NOTE: 'a b' } }),
      {
        program: 'docker',
        args: ['buildx', 'build', '--progress=plain', '-f', 'services/api/Dockerfile', '--target', 'test', '--build-arg', 'GO=1.22', '--build-arg', 'NOTE=a b', '.'],
        environment: { DOCKER_BUILDKIT: '1' },
        display: `docker buildx build --progress=plain -f services/api/Dockerfile --target test --build-arg GO=1.22 --build-arg 'NOTE=a b' .`,
      },
    );
  });

  it("puts the user's extra arguments before its own, so --progress=plain wins", () => {
    const invocation = buildInvocation({ ...request, extraArgs: ['--network=none', '--progress=tty'] });
    assert.ok(!('error' in invocation));
    assert.deepEqual(invocation.args, ['build', '--network=none', '--progress=tty', '--progress=plain', '-f', 'Dockerfile', '.']);
  });

  it('leaves DOCKER_BUILDKIT alone when the environment chose', () => {
    const invocation = buildInvocation({ ...request, environment: { DOCKER_BUILDKIT: '0' } });
    assert.ok(!('error' in invocation));
    assert.deepEqual(invocation.environment, {});
  });

  it('refuses an empty or unreadable command with the setting to fix', () => {
    assert.deepEqual(buildInvocation({ ...request, command: '   ' }), { error: 'stageflow.build.command is empty: set it to e.g. "docker build".' });
    assert.deepEqual(buildInvocation({ ...request, command: `"docker build` }), { error: 'stageflow.build.command cannot be read: the double quote it opens is never closed.' });
  });
});
