/**
 * SEMANTICS.md "Variables": expansion is a shell-like lexer (`shell/lex.go`): `$X`, `${X}`, `${X:-default}`,
 * `${X:+alt}`, `${X#prefix}`, `${X%suffix}`, `${X/a/b}`, quotes and the escape character.
 */
import * as assert from 'node:assert/strict';
import { expandVariables, type VariableLookup } from '../../../src/core/parse/expandVariables';

const vars: Record<string, string> = { NAME: 'golang', VERSION: '1.22.3', EMPTY: '', PATH_LIKE: 'a/b/c/b', FILE: 'x.tar.gz' };
const lookup: VariableLookup = (name) => vars[name];
const expand = (word: string, escape = '\\') => expandVariables(word, lookup, escape);
const value = (word: string, escape = '\\') => expand(word, escape).value;

describe('expandVariables (shell/lex.go)', () => {
  it('replaces $X and ${X}, and unset variables by nothing', () => {
    assert.equal(value('$NAME:${VERSION}'), 'golang:1.22.3');
    assert.equal(value('${UNSET}alpine'), 'alpine');
    assert.equal(value('a$'), 'a$');
    assert.equal(value('$1x'), 'x');
  });

  it('applies - and :- defaults (the colon also treats empty as unset)', () => {
    assert.equal(value('${UNSET-dflt}'), 'dflt');
    assert.equal(value('${EMPTY-dflt}'), '');
    assert.equal(value('${EMPTY:-dflt}'), 'dflt');
    assert.equal(value('${NAME:-dflt}'), 'golang');
    assert.equal(value('${UNSET:-$NAME}'), 'golang');
  });

  it('applies + and :+ alternatives', () => {
    assert.equal(value('${NAME+alt}'), 'alt');
    assert.equal(value('${EMPTY+alt}'), 'alt');
    assert.equal(value('${EMPTY:+alt}'), '');
    assert.equal(value('${UNSET:+alt}'), '');
  });

  it('removes shortest and longest prefixes and suffixes with # ## % %%', () => {
    assert.equal(value('${FILE#*.}'), 'tar.gz');
    assert.equal(value('${FILE##*.}'), 'gz');
    assert.equal(value('${FILE%.*}'), 'x.tar');
    assert.equal(value('${FILE%%.*}'), 'x');
    assert.equal(value('${VERSION%.*}'), '1.22');
  });

  it('replaces the first or every match with / and //', () => {
    assert.equal(value('${PATH_LIKE/b/X}'), 'a/X/c/b');
    assert.equal(value('${PATH_LIKE//b/X}'), 'a/X/c/X');
    assert.equal(value('${VERSION//./-}'), '1-22-3');
  });

  it('removes quotes; single quotes keep $ literal, double quotes expand', () => {
    assert.equal(value(`'$NAME'`), '$NAME');
    assert.equal(value('"$NAME"'), 'golang');
    assert.equal(value('"a\\"b"'), 'a"b');
  });

  it('honours the escape character, including a backtick escape directive', () => {
    assert.equal(value('\\$NAME'), '$NAME');
    assert.equal(value('`$NAME', '`'), '$NAME');
    assert.equal(value('\\$NAME', '`'), '\\golang');
  });

  it('reports which variables were matched and which were not', () => {
    const result = expand('${NAME}-${UNSET:-x}-$EMPTY');
    assert.deepEqual([...result.matched].sort(), ['EMPTY', 'NAME']);
    assert.deepEqual([...result.unmatched], ['UNSET']);
    assert.equal(result.value, 'golang-x-');
    assert.equal(result.error, null);
  });

  it('fails like BuildKit on bad syntax and ? checks', () => {
    assert.equal(expand('${NAME:-x').error, `failed to process "\${NAME:-x": syntax error: missing '}'`);
    assert.equal(expand('${NAME').error, 'failed to process "${NAME": unsupported modifier (\ufffd) in substitution');
    assert.equal(expand('${}').error, 'failed to process "${}": syntax error: bad substitution');
    assert.equal(expand('${NAME:#x}').error, 'failed to process "${NAME:#x}": unsupported modifier (:#) in substitution');
    assert.equal(expand('${NAME!}').error, 'failed to process "${NAME!}": unsupported modifier (!) in substitution');
    assert.equal(expand('${UNSET?}').error, 'failed to process "${UNSET?}": UNSET: is not allowed to be unset');
    assert.equal(expand('${EMPTY:?must be set}').error, 'failed to process "${EMPTY:?must be set}": EMPTY: must be set');
    assert.equal(expand("'open").error, `failed to process "'open": unexpected end of statement while looking for matching single-quote`);
    assert.equal(expand('${NAME?}').value, 'golang');
  });
});
