import * as assert from 'node:assert/strict';
import { shortenImageRef } from '../../../src/core/layout/shortenImageRef';

// The pinned bases of cilium/cilium's images/cilium/Dockerfile and containerd/containerd's release Dockerfile
// (test/fixtures/real), which a cut in the middle drew as three `quay.io/cilium/ci…<digest tail>` pills.
const ENVOY = 'quay.io/cilium/cilium-envoy:3b70fad0b9514720f33db82841907821202c1f02@sha256:8cca16ce66a0960a207cbf518ee2e0d923ae2a49207b154cdc37c2d95f583180';
const BUILDER = 'quay.io/cilium/cilium-builder:a2dc3278c48e1593b1f6c8fd9e5c6a982d56a875@sha256:98c4e694805e9a9d410ed73d555e97e91d77e2ab4529b6b51f5243b33ab411b1';
const RUNTIME = 'quay.io/cilium/cilium-runtime:ad71fe7980638d9b7d4c57fc07604cea9a0a1371@sha256:70972d83f30c8204564451ad57e338a45cf9ca140c5a00310c91c9b29a1d851e';
const XX = 'tonistiigi/xx:1.6.1@sha256:923441d7c25f1e2eb5789f82d987693c47b8ed987c4ab3b075d6ed2b5d6779a3';

describe('shortenImageRef: image names that still tell images apart', () => {
  it('leaves a reference that fits as written', () => {
    for (const ref of ['golang:1.26.6', 'scratch', 'localhost:5000/app', 'docker.io/library/ubuntu:22.04']) assert.equal(shortenImageRef(ref, 34), ref);
  });

  it('drops the digest first, marking the image as pinned', () => {
    assert.equal(shortenImageRef(XX, 34), 'tonistiigi/xx:1.6.1@…');
  });

  it('then keeps the start of a long tag, then drops registry and namespace', () => {
    assert.equal(shortenImageRef(ENVOY, 34), '…/cilium-envoy:3b70fad…@…');
    assert.equal(shortenImageRef(ENVOY, 40), 'quay.io/cilium/cilium-envoy:3b70fad…@…');
  });

  it('gives three pinned images of one registry three different names', () => {
    const names = [ENVOY, BUILDER, RUNTIME].map((ref) => shortenImageRef(ref, 34));
    assert.equal(new Set(names).size, 3, names.join(', '));
    for (const name of names) assert.ok(Array.from(name).length <= 34, name);
  });

  it('reads a port in the registry as part of the path, not as a tag', () => {
    assert.equal(shortenImageRef('registry.example.com:5000/team/very-long-service-name-here', 30), '…/very-long-service-name-here');
  });

  it('cuts the end of what is left when even the last segment is too long, never exceeding max', () => {
    const shortened = shortenImageRef('registry.example.com/an-extremely-long-repository-name-for-an-image:v1', 20);
    assert.equal(Array.from(shortened).length, 20);
    assert.ok(shortened.startsWith('…/an-extremely'), shortened);
  });
});
