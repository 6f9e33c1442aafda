import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Layers point down only (../shared/DESIGN.md "Layers"): app → course → sandbox → cli → sim → models.
// Each rule below forbids a layer from importing the layers above it, and the headless layers from UI code.
const ui = ['react', 'react-dom', 'react-dom/*', '@xyflow/react', 'monaco-editor', 'monaco-editor/*', '@monaco-editor/react', 'zustand', 'zustand/*', '@tanstack/react-virtual']
const layerPattern = (l) => ({ group: [`**/${l}`, `**/${l}/*`, `**/${l}/**`], message: `Layers point down only: this layer may not import src/${l}.` })
// Above the sandbox, the simulation is read through the sandbox only (DESIGN.md "One truth for every reader"): its types
// and its read model (src/sim/views) are exported by src/sandbox/index.ts, and the read model alone by
// src/sandbox/views.ts for the first screen. Importing src/sim or src/cli directly is how rules got re-derived.
const throughSandbox = ['sim', 'cli'].map((l) => ({
  group: [`**/${l}`, `**/${l}/*`, `**/${l}/**`],
  message: `Read the simulation through the sandbox: types from src/sandbox/index.ts, answers from its read model (src/sandbox/views.ts), not src/${l}.`,
}))
const imports = (layers, extra = [], more = []) => ({
  'no-restricted-imports': ['error', {
    paths: extra.map((name) => ({ name, message: 'UI code is not allowed below src/app.' })),
    patterns: [
      ...layers.map(layerPattern),
      ...more,
      ...extra.filter((e) => e.endsWith('/*')).map((e) => ({ group: [e], message: 'UI code is not allowed below src/app.' })),
    ],
  }],
})
const forbid = (layers, extra = [], more = []) => ({
  ...imports(layers, extra, more),
  // Determinism: the sandbox owns the only RNG and clock (house rule 1).
  'no-restricted-properties': ['error',
    { object: 'Math', property: 'random', message: 'Use the sandbox seeded RNG.' },
    { object: 'Date', property: 'now', message: 'Use the virtual clock.' },
    { object: 'performance', property: 'now', message: 'Use the virtual clock.' }],
  'no-restricted-globals': ['error',
    { name: 'setTimeout', message: 'Use the sandbox scheduler.' },
    { name: 'setInterval', message: 'Use the sandbox scheduler.' }],
})

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'reports', 'src/models/generated', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...imports([], [], throughSandbox) },
  },
  { files: ['src/course/**/*.ts'], rules: forbid(['app'], ui, throughSandbox) },
  { files: ['src/sandbox/**/*.ts'], rules: forbid(['app', 'course'], ui) },
  { files: ['src/cli/**/*.ts'], rules: forbid(['app', 'course', 'sandbox'], ui) },
  { files: ['src/sim/**/*.ts'], rules: forbid(['app', 'course', 'sandbox', 'cli'], ui) },
  { files: ['src/models/**/*.ts'], rules: forbid(['app', 'course', 'sandbox', 'cli', 'sim'], ui) },
)
