import * as assert from 'node:assert/strict';
import { extractStage } from '../../../src/core/refactor/extractStage';
import { applied, dockerfile, graphOf, refusal } from './refactorAssertions';

/** Rules cited from shared/SEMANTICS.md: "Variables" (ARGs of a split stage), "References between stages", ONBUILD. */
describe('extractStage', () => {
  function extract(text: string, line: number, name: string) {
    return extractStage(text, graphOf(text), line, name);
  }

  it('moves the instructions above the line into a new stage that the original continues FROM, keeping its name', () => {
    const text = dockerfile([
      'FROM golang:1.22 AS build',
      'WORKDIR /src',
      'COPY go.mod go.sum ./',
      'RUN go mod download',
      'COPY . .',
      'RUN go build -o /out/app .',
      'FROM alpine',
      'COPY --from=build /out/app /app',
    ]);
    assert.equal(
      applied(text, extract(text, 5, 'deps')).text,
      dockerfile([
        'FROM golang:1.22 AS deps',
        'WORKDIR /src',
        'COPY go.mod go.sum ./',
        'RUN go mod download',
        '',
        'FROM deps AS build',
        'COPY . .',
        'RUN go build -o /out/app .',
        'FROM alpine',
        'COPY --from=build /out/app /app',
      ]),
    );
  });

  it('keeps the description comment with the original stage, moves --platform to the base, shifts later indexes', () => {
    const text = dockerfile([
      'FROM alpine AS tools',
      'RUN apk add git',
      '',
      '# build compiles the app',
      'FROM --platform=$BUILDPLATFORM golang:1.22',
      'WORKDIR /src',
      'RUN go build -o /app .',
      '',
      'FROM alpine',
      'COPY --from=1 /app /app',
      'COPY --from=0 /usr/bin/git /git',
    ]);
    const result = applied(text, extract(text, 7, 'gobase'));
    assert.equal(
      result.text,
      dockerfile([
        'FROM alpine AS tools',
        'RUN apk add git',
        '',
        'FROM --platform=$BUILDPLATFORM golang:1.22 AS gobase',
        'WORKDIR /src',
        '',
        '# build compiles the app',
        'FROM gobase',
        'RUN go build -o /app .',
        '',
        'FROM alpine',
        'COPY --from=2 /app /app',
        'COPY --from=0 /usr/bin/git /git',
      ]),
    );
    assert.deepEqual(result.notes, ['`--from=1` on line 10 becomes `--from=2`: stage 1 moves to index 2.']);
  });

  it('keeps BuildKit`s description line (`# <name> ...`, --call=targets) with the stage across blank lines', () => {
    const text = dockerfile(['FROM alpine AS tools', 'RUN apk add git', '# build compiles the app', '', 'FROM golang:1.22 AS build', 'WORKDIR /src', 'RUN go build .']);
    assert.equal(
      applied(text, extract(text, 7, 'gobase')).text,
      dockerfile(['FROM alpine AS tools', 'RUN apk add git', '', 'FROM golang:1.22 AS gobase', 'WORKDIR /src', '', '# build compiles the app', '', 'FROM gobase AS build', 'RUN go build .']),
    );
  });

  it('re-declares the ARGs above the split, with their defaults, when the rest uses them', () => {
    const text = dockerfile(['FROM alpine AS build', 'ARG VERSION=1.0', 'RUN echo $VERSION > /v', 'COPY . /src', 'RUN make VERSION=$VERSION']);
    assert.equal(
      applied(text, extract(text, 4, 'prep')).text,
      dockerfile(['FROM alpine AS prep', 'ARG VERSION=1.0', 'RUN echo $VERSION > /v', '', 'FROM prep AS build', 'ARG VERSION=1.0', 'COPY . /src', 'RUN make VERSION=$VERSION']),
    );
  });

  it('splits before a heredoc instruction when the line is inside its body (the body is not instructions)', () => {
    const text = dockerfile(['FROM alpine AS app', 'WORKDIR /app', 'RUN <<EOF', 'echo one', 'FROM nothing', 'EOF', 'CMD ["sh"]']);
    assert.equal(
      applied(text, extract(text, 5, 'setup')).text,
      dockerfile(['FROM alpine AS setup', 'WORKDIR /app', '', 'FROM setup AS app', 'RUN <<EOF', 'echo one', 'FROM nothing', 'EOF', 'CMD ["sh"]']),
    );
  });

  it('moves continued instructions whole in a file whose escape character is a backtick', () => {
    const text = dockerfile([
      '# escape=`',
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win',
      'RUN powershell -Command `',
      '    Write-Host hi',
      'COPY app C:/app',
    ]);
    assert.equal(
      applied(text, extract(text, 5, 'winbase')).text,
      dockerfile([
        '# escape=`',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS winbase',
        'RUN powershell -Command `',
        '    Write-Host hi',
        '',
        'FROM winbase AS win',
        'COPY app C:/app',
      ]),
    );
  });

  it('keeps CRLF line ends', () => {
    const text = 'FROM alpine AS app\r\nWORKDIR /app\r\nRUN make\r\n';
    assert.equal(applied(text, extract(text, 3, 'base')).text, 'FROM alpine AS base\r\nWORKDIR /app\r\n\r\nFROM base AS app\r\nRUN make\r\n');
  });

  describe('refuses, with the reason', () => {
    it('when the split point is the FROM itself', () => {
      const text = dockerfile(['FROM alpine AS app', 'RUN make']);
      assert.equal(refusal(extract(text, 1, 'base')), 'The split point is the FROM itself; pick an instruction below it');
    });

    it('when ONBUILD is above the split: its trigger would fire in the continuing stage', () => {
      const text = dockerfile(['FROM alpine AS base', 'ONBUILD RUN echo child', 'RUN echo self']);
      assert.equal(refusal(extract(text, 3, 'pre')), 'ONBUILD on line 2 would move into `pre` and fire in base, which builds on it');
    });

    it('when a CMD above would be reset by an ENTRYPOINT below (BuildKit resets an inherited CMD)', () => {
      const text = dockerfile(['FROM alpine AS app', 'CMD ["--help"]', 'ENTRYPOINT ["/bin/app"]']);
      assert.equal(refusal(extract(text, 3, 'pre')), 'ENTRYPOINT on line 3 would reset the CMD of line 2 once they are in different stages');
    });

    it('when a numeric --from reaches an implicit image state (conformance index-hits-implicit-image-state)', () => {
      const text = dockerfile(['FROM alpine AS a', 'COPY --from=nginx /x /y', 'FROM alpine', 'RUN true', 'COPY --from=2 /x /y']);
      assert.equal(
        refusal(extract(text, 5, 'pre')),
        '`--from=2` on line 5 reaches no stage (BuildKit resolves it to an implicit image state or rejects it); one more stage would change what it reaches — write the image\'s name instead',
      );
    });

    it('when an ENV above also sets an ARG that would be re-declared', () => {
      const text = dockerfile(['FROM alpine AS app', 'ARG MODE=dev', 'ENV MODE=prod', 'RUN echo $MODE']);
      assert.equal(
        refusal(extract(text, 4, 'pre')),
        'ENV on line 3 sets MODE, which an ARG above the split declares too; re-declaring that ARG below could change which value wins',
      );
    });

    it('when the part above refers to a stage that would come after the new one', () => {
      const text = dockerfile(['FROM alpine AS early', 'COPY --from=late /x /x', 'RUN echo', 'FROM alpine AS late', 'FROM alpine AS final']);
      assert.equal(refusal(extract(text, 3, 'pre')), '`late` on line 2 refers to stage 1, which would come after `pre`');
    });

    it('when the line holds no instruction or is above the first FROM', () => {
      const text = dockerfile(['ARG V=1', 'FROM alpine AS app', '# a comment', 'RUN make', '', 'FROM alpine AS next']);
      assert.equal(refusal(extract(text, 3, 'pre')), 'Line 3 holds no instruction; pick the instruction to split before');
      assert.equal(refusal(extract(text, 5, 'pre')), 'Line 5 holds no instruction; pick the instruction to split before');
      assert.equal(refusal(extract(text, 1, 'pre')), 'Line 1 is above the first FROM, in no stage');
      assert.equal(refusal(extract('ARG V=1\n', 1, 'pre')), 'This file has no FROM, so no stage to extract from');
    });

    it('when the name is taken', () => {
      const text = dockerfile(['FROM alpine AS app', 'RUN make']);
      assert.equal(refusal(extract(text, 2, 'app')), "A stage named 'app' already exists (line 1).");
    });
  });
});
