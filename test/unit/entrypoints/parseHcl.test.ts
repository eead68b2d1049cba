import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { HclExpression } from '../../../src/core/entrypoints/hcl/hclSyntax';
import { parseHcl } from '../../../src/core/entrypoints/hcl/parseHcl';
import { evaluateHcl, UNKNOWN, type HclScope, type HclValue } from '../../../src/core/entrypoints/hcl/evaluateHcl';
import { lines, rangeOf } from './entryPointHelpers';

const noNames: HclScope = { variable: () => undefined, function: () => undefined };

/** The value of `v = <expression>` with the given variables. */
function valueOf(expression: string, variables: Record<string, HclValue> = {}): HclValue {
  const { body, error } = parseHcl(`v = ${expression}\n`);
  assert.equal(error, null, `parse error in ${expression}`);
  return evaluateHcl(body.attributes[0].expression, { variable: (name) => (name in variables ? variables[name] : undefined), function: () => undefined });
}

function onlyExpression(text: string): HclExpression {
  const { body, error } = parseHcl(text);
  assert.equal(error, null);
  return body.attributes[0].expression;
}

/** HCL native syntax as Bake files use it (hashicorp/hcl hclsyntax spec), with exact ranges. */
describe('parseHcl', () => {
  it('reads blocks with quoted and bare labels, attributes, and the ranges of names and labels', () => {
    const text = lines('target "app" {', '  target = "runtime"', '}', 'group default {', '  targets = ["app"]', '}');
    const { body, error } = parseHcl(text);
    assert.equal(error, null);
    assert.deepEqual(body.blocks.map((block) => [block.type, block.labels.map((label) => label.value)]), [['target', ['app']], ['group', ['default']]]);
    assert.deepEqual(body.blocks[0].labels[0].range, rangeOf(text, 'app'));
    assert.deepEqual(body.blocks[0].typeRange, rangeOf(text, 'target'));
    const attribute = body.blocks[0].body.attributes[0];
    assert.equal(attribute.name, 'target');
    assert.deepEqual(attribute.nameRange, rangeOf(text, 'target', 1));
    assert.deepEqual(body.blocks[0].range, { start: { line: 0, character: 0 }, end: { line: 2, character: 1 } });
  });

  it('locates a plain string between its quotes, and refuses that for escapes and interpolation', () => {
    const text = lines('a = "runtime"', 'b = "run\\u0074ime"', 'c = "${x}-debug"');
    const { body } = parseHcl(text);
    const [a, b, c] = body.attributes.map((attribute) => attribute.expression);
    assert.ok(a.kind === 'template' && b.kind === 'template' && c.kind === 'template');
    assert.equal(a.plainText, 'runtime');
    assert.deepEqual(a.contentRange, rangeOf(text, 'runtime'));
    assert.equal(b.plainText, null);
    assert.equal(evaluateHcl(b, noNames), 'runtime');
    assert.equal(c.plainText, null);
  });

  it('skips #, // and /* */ comments, also at the end of an item', () => {
    const text = lines('# top', '// also', '/* block', 'comment */ target "a" { # after the brace', '  x = 1 // trailing', '}');
    const { body, error } = parseHcl(text);
    assert.equal(error, null);
    assert.equal(body.blocks[0].body.attributes[0].name, 'x');
  });

  it('reads one-line blocks and objects with commas, newlines and comments between items', () => {
    const { body, error } = parseHcl(lines('target "a" { target = "x" }', 'target "b" {', '  args = {', '    A = 1 // one', '    B = "two", C = true', '  }', '}'));
    assert.equal(error, null);
    assert.equal(evaluateHcl(body.blocks[0].body.attributes[0].expression, noNames), 'x');
    assert.deepEqual(evaluateHcl(body.blocks[1].body.attributes[0].expression, noNames), { A: 1, B: 'two', C: true });
  });

  it('evaluates literals, templates, lists, operators by precedence and conditionals as HCL does', () => {
    assert.equal(valueOf('"${A}-${B}"', { A: 'x', B: 2 }), 'x-2');
    assert.equal(valueOf('"$${A}"'), '${A}');
    assert.deepEqual(valueOf('[1, "a", true, null,]'), [1, 'a', true, null]);
    assert.equal(valueOf('1 + 2 * 3'), 7);
    assert.equal(valueOf('A != "" ? "set" : "unset"', { A: '' }), 'unset');
    assert.equal(valueOf('A == null || A == "x"', { A: 'x' }), true);
    assert.equal(valueOf('!(1 < 2) && true'), false);
    assert.equal(valueOf('-3'), -3);
    assert.deepEqual(valueOf('X.list[1]', { X: { list: ['a', 'b'] } }), 'b');
    assert.equal(valueOf('notequal("", A)', { A: 'x' }), true);
  });

  it('keeps a lone interpolation typed ("${X}" with X null is null), and unknowns unknown', () => {
    assert.equal(valueOf('"${X}"', { X: null }), null);
    assert.equal(valueOf('md5("x")'), UNKNOWN);
    assert.equal(valueOf('"a-${md5("x")}"'), UNKNOWN);
    assert.equal(valueOf('[for s in ["a"] : upper(s)]'), UNKNOWN);
    assert.equal(valueOf('NOT_DEFINED'), UNKNOWN);
  });

  it('reads heredocs, <<- stripping the shared indentation', () => {
    assert.equal(valueOf(lines('<<EOT', 'FROM alpine', 'RUN echo ${A}', 'EOT').trimEnd(), { A: 'hi' }), 'FROM alpine\nRUN echo hi\n');
    assert.equal(valueOf(lines('<<-EOT', '    FROM alpine', '      RUN x', '    EOT').trimEnd()), 'FROM alpine\n  RUN x\n');
  });

  it('evaluates user functions with their parameters bound', () => {
    const { body } = parseHcl(lines('function "bindir" {', '  params = [dir]', '  result = "./bin/${dir}"', '}', 'v = bindir("build")'));
    const fn = body.blocks[0].body.attributes;
    const scope: HclScope = {
      variable: () => undefined,
      function: (name) => (name === 'bindir' ? { params: ['dir'], result: fn[1].expression } : undefined),
    };
    assert.equal(evaluateHcl(body.attributes[0].expression, scope), './bin/build');
  });

  it('keeps the range of a whole expression across lines', () => {
    const text = lines('v = A ? [', '  "a",', '] : []');
    assert.deepEqual(onlyExpression(text).range, { start: { line: 0, character: 4 }, end: { line: 2, character: 6 } });
  });

  const errors: [string, string, string, { line: number; character: number }][] = [
    ['an unterminated string', lines('target "a" {', '  target = "x', '}'), 'A quoted string cannot span lines; use a heredoc (<<EOT) instead', { line: 1, character: 13 }],
    ['a missing closing brace', lines('target "a" {', '  target = "x"'), `Missing '}' to close the block`, { line: 2, character: 0 }],
    ['a stray token', lines('target "a" {', '  = "x"', '}'), `Expected an attribute or a block, found '='`, { line: 1, character: 2 }],
    ['two attributes on one line', lines('a = 1 b = 2'), `Expected a newline after the item, found 'b'`, { line: 0, character: 6 }],
    ['an unclosed list', lines('a = [1, 2'), `Expected ',' or ']' in the list, found the end of the file`, { line: 1, character: 0 }],
  ];
  for (const [what, text, message, start] of errors) {
    it(`reports ${what} where it is`, () => {
      const { error } = parseHcl(text);
      assert.equal(error?.message, message);
      assert.deepEqual(error?.range.start, start);
    });
  }

  it('keeps the blocks before a syntax error and points at the error', () => {
    const text = lines('target "ok" {}', 'target "bad" {', '  x = [', '}');
    const { body, error } = parseHcl(text);
    assert.deepEqual(body.blocks.map((block) => block.labels[0].value), ['ok']);
    assert.equal(error?.range.start.line, 3);
  });

  it('never throws on arbitrary text', () => {
    for (const text of ['{', '}', '"', '${', '<<', 'a = <<EOT\nno end', 'a = "${"', 'x = {a = }', '/*', 'a = 1 ? 2', 'a = f(1,', 'a = 1.', 'a = [*]']) {
      assert.doesNotThrow(() => parseHcl(text), text);
    }
  });

  for (const project of ['buildx', 'buildkit']) {
    it(`parses ${project}'s real docker-bake.hcl without error (every block: ${project === 'buildx' ? 35 : 63})`, () => {
      const text = readFileSync(`test/fixtures/entrypoints/real/${project}/docker-bake.hcl`, 'utf8');
      const { body, error } = parseHcl(text);
      assert.equal(error, null);
      assert.equal(body.blocks.length, project === 'buildx' ? 35 : 63);
    });
  }
});
