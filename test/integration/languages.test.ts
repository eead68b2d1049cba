// Files named like Dockerfiles get the `dockerfile` language, so Stageflow works on them (issue 3: activation).
import * as assert from 'node:assert/strict';
import { closeAllEditors } from './dockerfileTestHelpers';
import { openWorkspaceFile } from './stageflowExtension';

describe('Dockerfile language association', () => {
  after(closeAllEditors);

  for (const file of ['Dockerfile', 'languages/Containerfile', 'languages/Dockerfile.dev', 'languages/web.Dockerfile', 'languages/worker.dockerfile', 'services/api/api.Dockerfile']) {
    it(`opens ${file} as a Dockerfile`, async () => {
      const document = await openWorkspaceFile(file);
      assert.equal(document.languageId, 'dockerfile');
    });
  }

  it('leaves other files alone', async () => {
    const document = await openWorkspaceFile('notes.txt');
    assert.equal(document.languageId, 'plaintext');
  });
});
