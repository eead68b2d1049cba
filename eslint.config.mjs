// Lint rules that protect the architecture: each folder may import only the layers below it (see the README in
// each top folder). The pure core runs in Node, the webview and a web worker, so it imports no `vscode`, no Node
// built-in and nothing from the adapters.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/** A `no-restricted-imports` rule forbidding `vscode`, optionally Node's built-ins, and the given folders. */
function restrict({ vscode = true, node = false, folders = [] }) {
  const names = [...(vscode ? ['vscode'] : []), ...(node ? nodeBuiltins : [])];
  const patterns = folders.map((folder) => ({
    group: [`**/${folder}`, `**/${folder}/**`],
    message: `This layer must not depend on ${folder}/ (see the folder READMEs).`,
  }));
  if (node) patterns.push({ group: ['node:*'], message: 'Node built-ins are not available in this layer.' });
  return ['error', { paths: names.map((name) => ({ name, message: 'Not available in this layer.' })), patterns }];
}

const adapters = ['extension', 'cli', 'webview'];
const coreAbove = {
  parse: ['buildkit', 'graph', 'entrypoints', 'editor', 'refactor', 'layout', 'export', 'buildlog', 'docs', 'diff', 'buildrun'],
  buildkit: ['graph', 'entrypoints', 'editor', 'refactor', 'layout', 'export', 'buildlog', 'docs', 'diff', 'buildrun'],
  graph: ['entrypoints', 'editor', 'refactor', 'layout', 'export', 'buildlog', 'docs', 'diff', 'buildrun'],
  entrypoints: ['editor', 'refactor', 'layout', 'export', 'docs', 'diff', 'buildrun'],
  editor: ['export', 'docs', 'diff', 'buildrun'],
  refactor: ['export', 'docs', 'diff', 'buildrun'],
  layout: ['editor', 'refactor', 'export', 'docs', 'diff', 'buildrun'],
  export: ['docs', 'diff', 'buildrun'],
  buildlog: ['entrypoints', 'editor', 'refactor', 'layout', 'export', 'docs', 'diff', 'buildrun'],
  docs: ['editor', 'refactor', 'buildlog', 'diff', 'buildrun'],
  diff: ['editor', 'refactor', 'buildlog', 'docs', 'buildrun'],
  buildrun: ['entrypoints', 'editor', 'refactor', 'layout', 'export', 'docs', 'diff'],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/core/*.ts'],
    rules: { 'no-restricted-imports': restrict({ node: true, folders: [...adapters, 'shared'] }) },
  },
  ...Object.entries(coreAbove).map(([layer, above]) => ({
    files: [`src/core/${layer}/**/*.ts`],
    rules: { 'no-restricted-imports': restrict({ node: true, folders: [...adapters, 'shared', ...above] }) },
  })),
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': restrict({ node: true, folders: adapters }) } },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': restrict({ folders: ['extension', 'webview'] }) } },
  { files: ['src/extension/**/*.ts'], rules: { 'no-restricted-imports': restrict({ vscode: false, folders: ['cli', 'webview'] }) } },
  // VS Code for the Web runs the adapters in a web worker (src/extension/extensionWeb.ts): only the desktop entry,
  // the build runner and the worker-thread layout runner may use Node (test/unit/web/webBundle.test.ts checks the
  // bundle itself).
  {
    files: ['src/extension/**/*.ts'],
    ignores: ['src/extension/extension.ts', 'src/extension/build/buildRunner.ts', 'src/extension/build/buildLocation.ts', 'src/extension/graphView/workerLayoutRunner.ts', 'src/extension/graphView/layoutWorker.ts'],
    rules: { 'no-restricted-imports': restrict({ vscode: false, node: true, folders: ['cli', 'webview'] }) },
  },
  { files: ['webview/**/*.ts'], rules: { 'no-restricted-imports': restrict({ node: true, folders: ['extension', 'cli'] }) } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
