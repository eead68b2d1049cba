// Stageflow activates only where it is needed: on a Dockerfile, never at start-up or for other files.
import * as assert from 'node:assert/strict';
import { getStageflowExtension, openWorkspaceFile, waitUntilActive } from './stageflowExtension';

describe('Activation', () => {
  it('is installed under its marketplace id and inactive at start-up', () => {
    assert.equal(getStageflowExtension().isActive, false);
  });

  it('stays inactive when a file that is not a Dockerfile opens', async () => {
    const document = await openWorkspaceFile('notes.txt');
    assert.equal(document.languageId, 'plaintext');
    // Give a wrongly declared activation event time to fire before concluding it did not.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(getStageflowExtension().isActive, false);
  });

  it('activates when a Dockerfile opens', async () => {
    const extension = getStageflowExtension();
    const opened = Date.now();
    const document = await openWorkspaceFile('Dockerfile');
    assert.equal(document.languageId, 'dockerfile');
    await waitUntilActive(extension, 20_000);
    console.log(`      Stageflow was active ${Date.now() - opened} ms after its Dockerfile opened`);
  });
});
