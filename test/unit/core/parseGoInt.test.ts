import * as assert from 'node:assert/strict';
import { indexWithin, parseGoInt } from '../../../src/core/buildkit/parseGoInt';

// SEMANTICS.md: a numeric --from is read with Go's strconv.Atoi (dockerfile2llb/convert.go), a 64-bit int.
describe('parseGoInt (Go strconv.Atoi, as BuildKit reads --from)', () => {
  it('reads signs and leading zeros as Atoi does', () => {
    assert.deepEqual(['0', '01', '+0', '-1', '007'].map(parseGoInt), [0n, 1n, 0n, -1n, 7n]);
  });

  it('is null for anything but an optional sign and decimal digits', () => {
    assert.deepEqual(['', '+', '-', '1.0', '1e3', ' 1', '1 ', '0x10', '１', 'build', '1_000'].map(parseGoInt), Array(11).fill(null));
  });

  it('keeps int64 exactly, past 2^53, and is null past int64 (BuildKit then reads a name or image)', () => {
    assert.equal(parseGoInt('9007199254740993'), 9007199254740993n);
    assert.equal(parseGoInt('9223372036854775807'), 9223372036854775807n);
    assert.equal(parseGoInt('-9223372036854775808'), -9223372036854775808n);
    assert.equal(parseGoInt('9223372036854775808'), null);
    assert.equal(parseGoInt('-9223372036854775809'), null);
    assert.equal(parseGoInt('00009223372036854775807'), 9223372036854775807n, 'leading zeros do not count');
  });

  it('indexWithin is the index when it falls in the list, else null', () => {
    assert.deepEqual([0n, 2n, 3n, -1n, 9223372036854775807n].map((value) => indexWithin(value, 3)), [0, 2, null, null, null]);
  });
});
