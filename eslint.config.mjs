/**
 * The house rules of docs/architecture.md ("Layers" and "Rules of the house"), held by the linter.
 * `npx eslint . --max-warnings=0` runs in `npm test`; tests/build/lint-rules.test.ts shows that a wrong import fails it.
 *
 * Layers of the app, each importing only what stands below it:
 *   domain ← platform ← store ← services ← features ← pages / app (main package)
 *   components (props in, events out) beside them; record (the form model) above features, for the subpackages only;
 *   register, worker, admin, report: subpackages, never importing one another.
 * The server: routes → services → db, with plugins, the print layouts (forms) and shared modules beside them; it imports only src/domain of the app.
 */
import js from '@eslint/js'
import boundaries from 'eslint-plugin-boundaries'
import prettierOff from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const APP = ['domain', 'platform', 'store', 'services', 'components', 'features', 'record', 'data', 'pages', 'app']
const SUBPACKAGES = ['register', 'worker', 'admin', 'report']

/** What each element may import (besides itself). Anything not listed is refused. */
const MAY_IMPORT = {
  domain: [],
  platform: ['domain'],
  store: ['platform', 'domain'],
  services: ['store', 'platform', 'domain'],
  components: ['domain'],
  features: ['services', 'store', 'components', 'platform', 'domain', 'data'],
  record: ['features', 'components', 'domain'],
  pages: ['features', 'services', 'store', 'components', 'platform', 'domain'],
  app: ['pages', 'features', 'services', 'store', 'components', 'platform', 'domain'],
  register: ['record', 'features', 'services', 'store', 'components', 'platform', 'domain', 'data'],
  worker: ['record', 'features', 'services', 'store', 'components', 'platform', 'domain', 'data'],
  admin: ['features', 'services', 'store', 'components', 'platform', 'domain', 'data'],
  report: ['record', 'features', 'services', 'store', 'components', 'platform', 'domain', 'data'],
  'server-routes': ['server-services', 'server-top', 'domain'],
  'server-services': ['server-db', 'server-forms', 'server-top', 'domain'],
  // The print layouts and their drawing (docs/forms.md): pure code over a record, for the services.
  'server-forms': ['domain'],
  'server-db': ['server-top', 'domain'],
  'server-plugins': ['server-db', 'server-services', 'server-top', 'domain'],
  // The modules at the top of server/src (errors, scope, clock, vault …); the entry points among them below.
  'server-top': ['server-db', 'domain'],
}
/** The server's entry points build the whole app: they may import every layer. */
const SERVER_ENTRY = ['server-routes', 'server-services', 'server-db', 'server-plugins', 'server-forms', 'server-top', 'domain']

/** Elements whose files may not import one another: each route is its own entry into the services. */
const NOT_WITHIN = ['server-routes', 'features']

const policies = [
  ...Object.entries(MAY_IMPORT).map(([type, allowed]) => ({
    from: { element: { type } },
    allow: { to: { element: { type: NOT_WITHIN.includes(type) ? allowed : [type, ...allowed] } } },
  })),
  { from: { file: { categories: 'server-entry' } }, allow: { to: { element: { type: SERVER_ENTRY } } } },
  {
    from: { element: { type: 'features' } },
    allow: { to: { element: { type: 'features', captured: { feature: '{{ from.element.captured.feature }}' } } } },
  },
]

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.swc/**', 'test-results/**', 'data/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hook rules. The rest of the plugin's recommended set checks code for the React Compiler, which
      // this project does not use; its uncontrolled inputs read refs during render on purpose (no setData per keystroke).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // The full-width space (U+3000) separates words in Chinese text shown to people: allowed inside strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      // TypeScript checks names itself (and knows the Taro and jest globals that ESLint does not).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'boundaries/include': ['src/**/*', 'server/src/**/*'],
      // Whole paths from the project root (partialMatch: false): server/src/services is not src/services.
      'boundaries/files': [
        { category: 'server-entry', pattern: 'server/src/{app,main,cli,demo}.ts' },
        { category: 'server-entry', pattern: 'server/src/ops/**' },
      ],
      'boundaries/elements': [
        // Each feature is an element of its own (captured by name): one feature never imports another.
        { type: 'features', pattern: 'src/features/*', capture: ['feature'], partialMatch: false },
        ...[...APP.filter((t) => t !== 'app' && t !== 'features'), ...SUBPACKAGES].map((type) => ({
          type,
          pattern: `src/${type}`,
          partialMatch: false,
        })),
        { type: 'server-routes', pattern: 'server/src/routes', partialMatch: false },
        { type: 'server-services', pattern: 'server/src/services', partialMatch: false },
        { type: 'server-db', pattern: 'server/src/db', partialMatch: false },
        { type: 'server-plugins', pattern: 'server/src/plugins', partialMatch: false },
        { type: 'server-forms', pattern: 'server/src/forms', partialMatch: false },
        // What is left at the top of src/ and server/src/: the app's entry, the server's entry points and shared modules.
        { type: 'app', pattern: 'src', partialMatch: false },
        { type: 'server-top', pattern: 'server/src', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkInternals: true, policies }],
      // Taro's APIs only through src/platform; React and Taro never in the domain or on the server.
      'no-restricted-imports': ['error', { paths: [{ name: '@tarojs/taro', message: 'Taro APIs go through src/platform.' }] }],
    },
  },
  {
    // Pages and components never touch the phone's storage: the stores save themselves (docs/architecture.md).
    files: ['src/pages/**', 'src/components/**', 'src/record/**', 'src/register/**', 'src/worker/**', 'src/admin/**', 'src/report/**'],
    ignores: ['src/worker/logic/**', 'src/admin/logic/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@tarojs/taro', message: 'Taro APIs go through src/platform.' },
            { name: '@/platform/storage', message: 'Pages and components do not write storage: the stores save themselves.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/platform/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!zod/mini$|\\.{1,2}/|@/domain/)', message: 'src/domain imports only zod/mini and itself.' }],
        },
      ],
    },
  },
  {
    // Kysely's own advice: a migration must not depend on the app's current types, so it takes Kysely<any>.
    files: ['server/src/db/migrat*.ts', 'server/src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests build odd and hostile inputs on purpose (any), and load modules after a mock is in place (require).
    files: ['tests/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.{js,cjs}', 'scripts/**', 'config/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layout belongs to Prettier (npm run format:check); ESLint keeps to what code means.
  prettierOff,
)
