import * as assert from 'node:assert/strict';
import { argDefaultVariables, argNames, envNames, referencedVariables } from '../../../src/core/refactor/variableUse';

/** What an ARG declares, an ENV sets and a text uses: the input of the ARG re-declaration rule (SEMANTICS.md, Variables). */
describe('variableUse', () => {
  it('reads every name an ARG declares, defaults and quotes included', () => {
    assert.deepEqual(argNames('ARG A=1 B "C=x y" D', '\\'), ['A', 'B', 'C', 'D']);
    assert.deepEqual(argNames('arg VERSION=1.2 \\\n    TARGETOS', '\\'), ['VERSION', 'TARGETOS']);
    assert.deepEqual(argNames('ARG A=1 `\r\n  B', '`'), ['A', 'B']);
  });

  it('reads the names an ENV sets, in both its forms', () => {
    assert.deepEqual(envNames('ENV A=1 B="two words"', '\\'), ['A', 'B']);
    assert.deepEqual(envNames('ENV PATH /usr/local/bin:$PATH', '\\'), ['PATH']);
  });

  it('finds $NAME and ${NAME...} uses, and the variables an ARG default refers to', () => {
    assert.deepEqual([...referencedVariables('RUN make V=$VERSION ${ARCH:-amd64} $$ ${1}')], ['VERSION', 'ARCH']);
    assert.deepEqual([...argDefaultVariables('ARG A=$X B=${Y}-z C', '\\')], ['X', 'Y']);
  });
});
