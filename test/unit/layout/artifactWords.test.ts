import * as assert from 'node:assert/strict';
import { artifactWords, destinationWords, sourceWords } from '../../../src/core/layout/artifactWords';
import { edgeLabel } from '../../../src/core/layout/layoutLabels';
import type { Artifact, Edge } from '../../../src/core/model';

const copy = (sources: string[], destination: string): Artifact => ({ sources, destination, flags: {} });

describe('artifactWords: copy labels in words', () => {
  it('names a long source by its last segment and says where it lands (moby/buildkit: COPY --from=runc /usr/bin/runc /usr/bin/)', () => {
    assert.equal(artifactWords([copy(['/usr/bin/runc'], '/usr/bin/')]), 'runc → /usr/bin/');
  });

  it('never draws a bare / or *: the root of a stage is the whole stage', () => {
    for (const root of ['/', '.', './', '/*', '*', '"/"']) assert.equal(sourceWords(root), 'whole stage', root);
    assert.equal(artifactWords([copy(['/'], '/usr/bin/')]), 'whole stage → /usr/bin/');
  });

  it('keeps a one-segment path whole, so three copies of /out still say what they are', () => {
    assert.equal(sourceWords('/out'), '/out');
    assert.equal(sourceWords('/buildx'), '/buildx');
    assert.equal(sourceWords('/out/*'), 'out/*');
    assert.equal(artifactWords([copy(['/out'], '/')]), '/out → /');
  });

  it('keeps the folder of a bare wildcard or variable, and a meaningful glob as it is', () => {
    assert.equal(sourceWords('/out/nydus-static/*'), 'nydus-static/*');
    assert.equal(sourceWords('/go/bin/${TARGETOS}'), 'bin/${TARGETOS}');
    assert.equal(sourceWords('/usr/local/lib/*.so'), '*.so');
    assert.equal(sourceWords('/out/containerd*'), 'containerd*');
  });

  it('keeps the trailing slash of a directory', () => {
    assert.equal(sourceWords('/workspace/app/dist/'), 'dist/');
  });

  it('says workdir for . and shortens long destinations to their first and last segments', () => {
    assert.equal(destinationWords('.'), 'workdir');
    assert.equal(destinationWords('./'), 'workdir');
    assert.equal(destinationWords('/usr/libexec/docker/cli-plugins/docker-buildx'), '/usr/…/docker-buildx');
    assert.equal(destinationWords('/opt/containerd-alt-22/bin/'), '/opt/…/bin/');
    assert.equal(destinationWords('/usr/bin/'), '/usr/bin/');
  });

  it('shows the folder a file lands in when the destination repeats its name', () => {
    assert.equal(artifactWords([copy(['/out/dlv'], '/usr/bin/dlv')]), 'dlv → /usr/bin/');
    assert.equal(artifactWords([copy(['/tmp/.ldflags'], '/tmp/.ldflags')]), '.ldflags → /tmp/');
  });

  it('leaves the destination out when merged copies land in different places or a mount names no target', () => {
    assert.equal(artifactWords([{ sources: ['/'], destination: '', flags: { type: 'bind' } }]), 'whole stage');
    const sources = ['/opt/cni/bin/bridge', '/opt/cni/bin/host-local', '/opt/cni/bin/loopback'];
    assert.equal(artifactWords([copy(sources, '/opt/cni/bin/')]), 'bridge +2 → /opt/cni/bin/');
    assert.equal(artifactWords([copy(['/opt/cni/bin/bridge'], '/buildkit-cni-bridge'), copy(['/opt/cni/bin/loopback'], '/buildkit-cni-loopback')]), 'bridge +1');
  });
});

describe('edgeLabel', () => {
  const edge = (artifact: Artifact | undefined, extra: Partial<Edge> = {}): Edge => ({
    from: { stage: 0 },
    to: 1,
    kind: artifact ? 'copy' : 'from',
    ref: 'build',
    via: 'name',
    line: 3,
    artifact,
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } },
    ...extra,
  });

  it('prefixes the count of merged instructions and marks ONBUILD triggers', () => {
    assert.equal(edgeLabel([edge(copy(['/usr/bin/buildctl'], '/')), edge(copy(['/usr/bin/buildkitd'], '/'))]), '×2 buildctl +1 → /');
    assert.equal(edgeLabel([edge(copy(['/app/dist/'], '/srv/'), { onbuild: true })]), 'onbuild dist/ → /srv/');
    assert.equal(edgeLabel([edge(undefined)]), '');
  });

  it('stays short: the hover text has the rest', () => {
    const label = edgeLabel([edge(copy(['/very/long/path/to/some-artifact-with-a-long-name.tar.gz'], '/another/long/destination/folder/'))]);
    assert.ok(Array.from(label).length <= 30, label);
    assert.equal(label, 'some-arti…e.tar.gz → …/folder/');
    // Shortening starts with the destination's folders (alpine's certificates into /etc/ssl/certs/).
    assert.equal(edgeLabel([edge(copy(['/etc/ssl/certs/ca-certificates.crt'], '/etc/ssl/certs/'))]), 'ca-certificates.crt → …/certs/');
    assert.equal(edgeLabel([edge(copy(['/a/b', '/a/c'], '/x/')), edge(copy(['/a/d'], '/x/')), edge(copy(['/a/e'], '/x/'))]), '×3 b +3 → /x/');
  });
});
