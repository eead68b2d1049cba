import * as assert from 'node:assert/strict';
import { escapeMarkdown, inlineCode } from '../../../src/core/editor/markdownText';

describe('markdownText', () => {
  it('escapes every character Markdown could read as a link, emphasis, heading or HTML', () => {
    assert.equal(escapeMarkdown('[click](http://x) *bold* _i_ # <img> a|b'), '\\[click\\]\\(http://x\\) \\*bold\\* \\_i\\_ \\# \\<img\\> a\\|b');
  });

  it('leaves plain words alone', () => {
    assert.equal(escapeMarkdown('build stage'), 'build stage');
  });

  it('wraps text in a code span whose fence is longer than any backtick run inside', () => {
    assert.equal(inlineCode('golang:1.22'), '`golang:1.22`');
    assert.equal(inlineCode('a `b` c'), '``a `b` c``');
    assert.equal(inlineCode('`x`'), '`` `x` ``');
  });

  it('keeps a code span on one line', () => {
    assert.equal(inlineCode('a\n  b'), '`a b`');
  });
});
