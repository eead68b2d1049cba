import * as assert from 'node:assert/strict';
import { normalizedImageName } from '../../../src/core/buildkit/imageReference';

describe('normalizedImageName', () => {
  it("names an image as BuildKit's FROM step prints it (reference.TagNameOnly of the normalized name)", () => {
    assert.deepEqual(
      ['busybox:local', 'alpine', 'library/alpine:3.20', 'ghcr.io/org/app:1', 'localhost:1/missing-image:1.0', 'index.docker.io/node:20', 'alpine@sha256:abc'].map(
        normalizedImageName,
      ),
      [
        'docker.io/library/busybox:local', // test/fixtures/buildlogs/parallel.log, `#4 [stage-2 1/2] FROM ...`
        'docker.io/library/alpine:latest',
        'docker.io/library/alpine:3.20',
        'ghcr.io/org/app:1',
        'localhost:1/missing-image:1.0', // missing-image.log, `#4 [internal] load metadata for ...`
        'docker.io/library/node:20',
        'docker.io/library/alpine@sha256:abc',
      ],
    );
  });
});
