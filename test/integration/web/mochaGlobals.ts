import type { RunnableMocha } from '../runMochaSuite';

/** The part of mocha's browser build (mocha/mocha.js) the web suite uses, as it installs it on the global object. */
export interface MochaGlobals {
  mocha: RunnableMocha & {
    setup(options: { ui: 'bdd'; reporter: string; color: boolean; timeout: number; grep?: string }): void;
  };
}
