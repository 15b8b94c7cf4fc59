// Lint enforces the layer rules of docs/architecture.md (Layers); the per-layer tsconfigs enforce them again.
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const bare = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '')))];
const nodeBuiltins = [...new Set([...bare.filter((m) => !['sea', 'sqlite', 'test', 'test/reporters'].includes(m)), ...bare.map((m) => `node:${m}`)])];
const layer = (name) => ({ group: [`**/${name}`, `**/${name}/**`], message: `This layer may not import from ${name}/ (docs/architecture.md, Layers).` });
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in this layer.' })) };
const restrict = ({ paths = [], patterns = [] }) => ['error', { paths, patterns }];
const electronOnly = [{ name: 'electron', message: 'Electron belongs to main/ and preload/.' }];
const reactOnly = [
  { name: 'react', message: 'React belongs to renderer/.' },
  { name: 'react-dom', message: 'React belongs to renderer/.' },
];
// dayjs and moment (with their business-time plugins) are bench-only dev dependencies: the SLA bench
// compares our engine with them; the product computes working time in shared/sla only.
const benchOnly = {
  group: ['dayjs', 'dayjs/**', 'dayjs-*', 'moment', 'moment/**', 'moment-*'],
  message: 'dayjs and moment are bench-only (bench/sla-libraries); working time is shared/sla.',
};
const RAW_IPC = '/^ipc(Main|Renderer)$/';
const rawIpcMessage = 'Use the typed IPC wrapper (main/ipc.ts) or the preload bridge; raw ipcMain/ipcRenderer are banned elsewhere.';
// Every way to reach ipcMain/ipcRenderer (or a WebContents' own `ipc`): named imports and
// re-exports, `electron.ipcMain` on a default/namespace import or require('electron'), computed
// `electron['ipcMain']`, and destructuring `const { ipcMain } = electron`.
const rawIpc = [
  `ImportSpecifier[imported.name=${RAW_IPC}]`,
  `ExportSpecifier[local.name=${RAW_IPC}]`,
  `MemberExpression[computed=false][property.name=${RAW_IPC}]`,
  `MemberExpression[computed=true][property.value=${RAW_IPC}]`,
  `ObjectPattern > Property[key.name=${RAW_IPC}]`,
  `ObjectPattern > Property[key.value=${RAW_IPC}]`,
  "MemberExpression[computed=false][property.name='ipc']",
].map((selector) => ({ selector, message: rawIpcMessage }));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render customer text as React text only.' },
        ...rawIpc,
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [...noNode.paths, ...electronOnly, ...reactOnly],
        patterns: [...['main', 'preload', 'renderer', 'server', 'test'].map(layer), benchOnly],
      }),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['server/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict({
        paths: [...electronOnly, ...reactOnly],
        patterns: [...['main', 'preload', 'renderer', 'test'].map(layer), benchOnly],
      }),
    },
  },
  {
    files: ['main/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict({ paths: reactOnly, patterns: [...['preload', 'renderer', 'test'].map(layer), benchOnly] }),
    },
  },
  {
    files: ['preload/**'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [...noNode.paths, ...reactOnly],
        patterns: [...['main', 'renderer', 'server', 'test'].map(layer), { regex: '^(?!electron$|\\.\\.?/)', message: 'The preload may import only electron and shared/.' }],
      }),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': restrict({
        paths: [...noNode.paths, ...electronOnly],
        patterns: [...['main', 'server', 'test'].map(layer), { ...layer('preload'), allowTypeImports: true }, benchOnly],
      }),
    },
  },
  {
    // The two places where raw IPC is the point.
    files: ['main/ipc.ts', 'preload/index.ts'],
    rules: { 'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render customer text as React text only.' }] },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
);
