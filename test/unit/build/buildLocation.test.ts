import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildLocation } from '../../../src/extension/build/buildLocation';

describe('buildLocation', () => {
  it('builds in the workspace folder that holds the Dockerfile, naming the file from there', () => {
    assert.deepEqual(buildLocation('/repo/services/api/Dockerfile', '/repo', '', path.posix), { cwd: '/repo', dockerfile: 'services/api/Dockerfile' });
  });

  it("builds in the Dockerfile's folder when it is in no workspace folder", () => {
    assert.deepEqual(buildLocation('/tmp/x/Dockerfile', null, '', path.posix), { cwd: '/tmp/x', dockerfile: 'Dockerfile' });
  });

  it('takes stageflow.build.context from the workspace folder, with ${workspaceFolder} and ${fileDirname}', () => {
    assert.deepEqual(buildLocation('/repo/services/api/Dockerfile', '/repo', 'services', path.posix), { cwd: '/repo/services', dockerfile: 'api/Dockerfile' });
    assert.deepEqual(buildLocation('/repo/services/api/Dockerfile', '/repo', '${fileDirname}', path.posix), { cwd: '/repo/services/api', dockerfile: 'Dockerfile' });
    assert.deepEqual(buildLocation('/repo/docker/Dockerfile', '/repo', '${workspaceFolder}/src', path.posix), { cwd: '/repo/src', dockerfile: '../docker/Dockerfile' });
    assert.deepEqual(buildLocation('/repo/Dockerfile', '/repo', '/srv/context', path.posix), { cwd: '/srv/context', dockerfile: '../../repo/Dockerfile' });
  });

  it('names the Dockerfile by its absolute path when no relative path reaches it (another Windows drive)', () => {
    assert.deepEqual(buildLocation('D:\\app\\Dockerfile', 'D:\\app', 'C:\\context', path.win32), { cwd: 'C:\\context', dockerfile: 'D:\\app\\Dockerfile' });
    assert.deepEqual(buildLocation('D:\\app\\web\\Dockerfile', 'D:\\app', '', path.win32), { cwd: 'D:\\app', dockerfile: 'web\\Dockerfile' });
  });
});
