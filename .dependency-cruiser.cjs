// The layers of src/, bottom to top (README "Layout"). A module imports only from its own
// directory or from a lower level; two directories on one level do not import each other.
// Checked in npm test by test/unit/layers.test.ts.
const LAYERS = [
  // level 0: the doors to the machine
  { name: 'host', level: 0, path: '^src/host/' },
  // level 1: the vocabulary, and pure /proc parsers
  { name: 'doctor', level: 1, path: '^src/doctor/' },
  { name: 'procfs', level: 1, path: '^src/procfs/' },
  // level 2: facts read once per run; the gopls LSP session
  { name: 'facts', level: 2, path: '^src/facts/' },
  { name: 'lsp', level: 2, path: '^src/lsp/' },
  // level 3: the log analyzer; every fix and its plan
  { name: 'goplsLog', level: 3, path: '^src/goplsLog/' },
  { name: 'fixes', level: 3, path: '^src/fixes/' },
  // level 4: the probes
  { name: 'probes', level: 4, path: '^src/probes/' },
  // level 5: running and merging; rendering; the panel's wire protocol
  { name: 'engine', level: 5, path: '^src/engine/' },
  { name: 'render', level: 5, path: '^src/render/' },
  { name: 'protocol', level: 5, path: '^src/protocol/' },
  // level 6: the entries
  { name: 'cli', level: 6, path: '^src/cli(/|\\.ts$)' },
  { name: 'vscode', level: 6, path: '^src/(vscode/|extension\\.ts$)' },
  { name: 'webview', level: 6, path: '^webview/' },
];

const upward = LAYERS.map((from) => ({
  name: `layer-${from.name}`,
  comment: `${from.name} (level ${from.level}) imports only from lower levels`,
  severity: 'error',
  from: { path: from.path },
  to: { path: LAYERS.filter((to) => to !== from && to.level >= from.level).map((to) => to.path) },
}));

module.exports = {
  forbidden: [
    {
      name: 'vscode-only-in-vscode-layer',
      comment: 'The engine never imports vscode: only src/vscode/ and src/extension.ts do.',
      severity: 'error',
      from: { pathNot: '^src/(vscode/|extension\\.ts$)' },
      // @types/vscode declares the module, so an import of it resolves to that package.
      to: { path: ['^vscode$', '(^|/)node_modules/@types/vscode/'] },
    },
    {
      name: 'webview-not-vscode',
      comment: 'The browser bundle shares only neutral modules with the extension, never src/vscode/.',
      severity: 'error',
      from: { path: '^webview/' },
      to: { path: '^src/vscode/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'not-unresolvable',
      comment: 'Every relative import resolves (a moved file leaves no dangling import behind).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^vscode$' },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
