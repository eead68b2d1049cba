import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { toMermaid } from '../../../src/core/export/toMermaid';
import { buildStageGraph } from '../../../src/core/graph/buildStageGraph';
import { StageflowProcess } from './stageflowProcess';

const DOCKERFILE = 'FROM golang:1.22 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app /app\n';
const fenced = (dockerfile: string, eol = '\n'): string =>
  `\`\`\`mermaid\n${toMermaid(buildStageGraph(dockerfile))}\`\`\`\n`.replace(/\n/g, eol);

/** `stageflow docs`: rewrite the diagram blocks of Markdown files, or with --check only say which are stale. */
describe('stageflow docs', () => {
  let cli: StageflowProcess;
  let project: string;

  before(async () => {
    cli = await StageflowProcess.build();
  });
  after(() => cli.dispose());
  beforeEach(() => {
    project = mkdtempSync(path.join(tmpdir(), 'stageflow-docs-'));
    mkdirSync(path.join(project, 'docs'));
    writeFileSync(path.join(project, 'Dockerfile'), DOCKERFILE);
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  const write = (name: string, text: string | Buffer): void => writeFileSync(path.join(project, name), text);
  const read = (name: string): Buffer => readFileSync(path.join(project, name));
  const run = (...args: string[]) => cli.run(['docs', ...args], { cwd: project });

  it('rewrites a block with the Dockerfile named relative to the Markdown file, then --check finds it current (exit 0)', () => {
    write('docs/build.md', '# Build\n<!-- stageflow: ../Dockerfile -->\n<!-- /stageflow -->\nEnd\n');
    assert.deepEqual(run('docs/build.md'), { status: 0, stdout: 'docs/build.md: updated 1 diagram\n', stderr: '' });
    assert.equal(read('docs/build.md').toString(), `# Build\n<!-- stageflow: ../Dockerfile -->\n${fenced(DOCKERFILE)}<!-- /stageflow -->\nEnd\n`);
    assert.deepEqual(run('--check', 'docs/build.md'), { status: 0, stdout: '', stderr: '' });
    assert.deepEqual(run('docs/build.md'), { status: 0, stdout: '', stderr: '' });
  });

  it('--check changes nothing and names each stale block as file:line (exit 1)', () => {
    const markdown = '<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n\n<!-- stageflow: Dockerfile --target build -->\nold\n<!-- /stageflow -->\n';
    write('README.md', markdown);
    assert.deepEqual(run('README.md', '--check'), {
      status: 1,
      stdout:
        "README.md:1: the diagram of Dockerfile is stale (run 'stageflow docs README.md')\n" +
        "README.md:4: the diagram of Dockerfile is stale (run 'stageflow docs README.md')\n",
      stderr: '',
    });
    assert.equal(read('README.md').toString(), markdown);
  });

  it('keeps every other byte: CRLF line breaks and a byte order mark survive, and a file without blocks is left as it was', () => {
    write('README.md', Buffer.from('\ufeffTitle\r\n<!-- stageflow: Dockerfile -->\r\n<!-- /stageflow -->\r\n', 'utf8'));
    write('plain.md', 'no blocks\r\n');
    assert.deepEqual(run('README.md', 'plain.md'), { status: 0, stdout: 'README.md: updated 1 diagram\n', stderr: '' });
    assert.deepEqual(
      read('README.md'),
      Buffer.from(`\ufeffTitle\r\n<!-- stageflow: Dockerfile -->\r\n${fenced(DOCKERFILE, '\r\n')}<!-- /stageflow -->\r\n`, 'utf8'),
    );
    assert.equal(read('plain.md').toString(), 'no blocks\r\n');
  });

  it('a missing Dockerfile is exit 2 with one line naming the marker, and no file is written', () => {
    write('a.md', '<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n');
    write('b.md', 'x\n<!-- stageflow: nope/Dockerfile -->\n<!-- /stageflow -->\n');
    assert.deepEqual(run('a.md', 'b.md'), { status: 2, stdout: '', stderr: "stageflow: b.md:2: cannot read 'nope/Dockerfile': no such file\n" });
    assert.equal(read('a.md').toString(), '<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n');
  });

  it('a malformed marker (unclosed, nested, bad flag) is exit 2 with one line', () => {
    write('unclosed.md', 'a\n<!-- stageflow: Dockerfile -->\n');
    assert.deepEqual(run('unclosed.md'), {
      status: 2,
      stdout: '',
      stderr: 'stageflow: unclosed.md:2: this stageflow marker is never closed: add <!-- /stageflow --> on a line of its own after it\n',
    });
    write('nested.md', '<!-- stageflow: Dockerfile -->\n<!-- stageflow: Dockerfile -->\n<!-- /stageflow -->\n');
    assert.equal(run('--check', 'nested.md').stderr.split('\n').length, 2);
    assert.equal(run('--check', 'nested.md').status, 2);
    write('flag.md', '<!-- stageflow: Dockerfile --platform linux/arm64 -->\n<!-- /stageflow -->\n');
    assert.deepEqual(run('flag.md'), {
      status: 2,
      stdout: '',
      stderr: "stageflow: flag.md:1: unknown option '--platform' in the stageflow marker (expected --target T or --build-arg K=V)\n",
    });
  });

  it('draws a Dockerfile BuildKit would reject, names it and exits 1', () => {
    write('README.md', '<!-- stageflow: Dockerfile --target nope -->\n<!-- /stageflow -->\n');
    assert.deepEqual(run('README.md'), {
      status: 1,
      stdout: 'README.md:1: Dockerfile does not build: target stage "nope" could not be found\nREADME.md: updated 1 diagram\n',
      stderr: '',
    });
  });

  it('needs a Markdown file, and refuses stdin and a missing or binary one with one line', () => {
    assert.deepEqual(run(), { status: 2, stdout: '', stderr: "stageflow: 'docs' needs at least one Markdown file\n" });
    assert.deepEqual(run('-'), { status: 2, stdout: '', stderr: "stageflow: 'docs' rewrites files in place and cannot read stdin\n" });
    assert.deepEqual(run('gone.md'), { status: 2, stdout: '', stderr: "stageflow: cannot read 'gone.md': no such file\n" });
    write('binary.md', Buffer.from([0x23, 0x00, 0x01]));
    assert.deepEqual(run('binary.md'), { status: 2, stdout: '', stderr: "stageflow: 'binary.md' is a binary file, not a Markdown file\n" });
  });
});
