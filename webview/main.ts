// The graph view's script: draws the model the extension host sends.
document.body.dataset.stageflow = 'loading';
