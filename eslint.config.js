// One flat config for the whole monorepo: `pnpm lint` (eslint .) from the repository root.
//
// Layers: @eslint/js + typescript-eslint recommended, two type-aware promise rules for TS, react-hooks for the web
// app, import-x/no-cycle everywhere, eslint-plugin-boundaries for the architecture below, eslint-config-prettier to
// switch off formatting rules, and max-len (a prettier "special rule") switched back on at the prettier width.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const TS = ['**/*.{ts,tsx,mts,cts}'];
const JS = ['**/*.{js,mjs,cjs}'];

// Every tsconfig, so `@/…` (apps/web), `./x.js` -> x.ts and `@holdfast/*` resolve; the resolver picks the closest.
const tsResolverOptions = {
  alwaysTryTypes: true,
  noWarnOnMultipleProjects: true,
  project: [
    'tsconfig.json',
    'apps/*/tsconfig.json',
    'packages/*/tsconfig.json',
    'e2e/tsconfig.json',
    'faults/tsconfig.json',
    'cluster/tsconfig.json',
    'bench/tsconfig.json',
  ],
};

// Files outside the boundaries: tests may reach internals (SQL assertions, fakes); still checked by no-cycle.
const BOUNDARY_EXEMPT = [
  'apps/api/test/**',
  'apps/api/bench/**',
  'apps/web/src/testing/**',
  '**/*.test.{ts,tsx}',
  'e2e/**',
  'faults/**',
  'cluster/**',
  'bench/**',
  'scripts/**',
];

/**
 * Architecture elements. Paths are from the repository root (`partialMatch: false`) and the FIRST matching descriptor
 * wins, so the catch-alls (`apps/api/src`, `apps/web/src`, `apps/*`) come after the specific folders.
 */
const elements = [
  // apps/api/src
  { type: 'api-platform', pattern: 'apps/api/src/platform', partialMatch: false },
  { type: 'api-module', pattern: 'apps/api/src/modules/*', capture: ['module'], partialMatch: false },
  { type: 'api-realtime', pattern: 'apps/api/src/realtime', partialMatch: false },
  { type: 'api-jobs', pattern: 'apps/api/src/jobs', partialMatch: false },
  { type: 'api-db', pattern: 'apps/api/src/db', partialMatch: false },
  // config.ts, app.ts, main.ts, server-stack.ts (and anything else placed directly in src/).
  { type: 'api-root', pattern: 'apps/api/src', partialMatch: false },
  // apps/web/src
  { type: 'web-app', pattern: 'apps/web/src/app', partialMatch: false },
  { type: 'web-feature', pattern: 'apps/web/src/features/*', capture: ['feature'], partialMatch: false },
  { type: 'web-testing', pattern: 'apps/web/src/testing', partialMatch: false },
  { type: 'web-shared', pattern: 'apps/web/src/{lib,components,config,hooks,api,utils}', partialMatch: false },
  // main.tsx, index.css (and anything else placed directly in src/).
  { type: 'web-root', pattern: 'apps/web/src', partialMatch: false },
  // Everything else in the apps (api test/bench, vite/tsup/vitest configs): classified only so packages can't use it.
  { type: 'app-other', pattern: 'apps/*', capture: ['app'], partialMatch: false },
  // packages
  { type: 'pkg-contracts', pattern: 'packages/contracts', partialMatch: false },
  { type: 'pkg', pattern: 'packages/*', capture: ['pkg'], partialMatch: false },
];

const el = (type, extra = {}) => ({ element: { type, ...extra } });
const moduleEntry = el('api-module', { fileInternalPath: 'index.ts' });
const contracts = el('pkg-contracts');

const apiModuleUsers = ['api-module', 'api-realtime', 'api-jobs', 'api-db', 'api-root'];

// Evaluated in order; a later matching policy overrides an earlier one. default: 'disallow' denies the rest.
const boundaryPolicies = [
  // ── apps/api ──────────────────────────────────────────────────────────────────────────────────────────────
  // platform/** is the bottom layer: itself and the contracts only.
  { from: el('api-platform'), allow: { to: contracts } },
  // modules/<m>/**: platform, its own files, other modules through modules/<other>/index.ts only.
  { from: el('api-module'), allow: { to: [el('api-platform'), moduleEntry, contracts] } },
  // realtime/**, jobs/**, db/** (migrate, seed-demo): platform, config.ts, modules through their index.ts.
  {
    from: el(['api-realtime', 'api-jobs', 'api-db']),
    allow: { to: [el('api-platform'), moduleEntry, el('api-root', { fileInternalPath: 'config.ts' }), contracts] },
  },
  // Composition root (app.ts, main.ts, server-stack.ts): anything in the api, modules still through index.ts.
  {
    from: el('api-root'),
    allow: { to: [el(['api-platform', 'api-realtime', 'api-jobs', 'api-db']), moduleEntry, contracts] },
  },
  // Say why a deep import into another module fails (same-module imports are allowed again just below).
  {
    from: el(apiModuleUsers),
    disallow: { to: el('api-module', { fileInternalPath: '!index.ts' }) },
    message:
      'Import modules/{{to.element.captured.module}} only through its public entry ' +
      'modules/{{to.element.captured.module}}/index.ts, not {{to.element.fileInternalPath}}',
  },

  // ── apps/web ──────────────────────────────────────────────────────────────────────────────────────────────
  // Shared code (lib, components, config, hooks, api, utils) imports shared code only: never features/ nor app/.
  { from: el('web-shared'), allow: { to: [el('web-shared'), contracts] } },
  // features/<name>/**: shared code and its own feature only (its own files are "internal").
  { from: el('web-feature'), allow: { to: [el('web-shared'), contracts] } },
  {
    from: el('web-feature'),
    disallow: { to: el('web-feature') },
    message:
      'features/{{from.element.captured.feature}} may not import features/{{to.element.captured.feature}}: ' +
      'move the shared part to lib/, components/ or hooks/, or compose both features in app/',
  },
  // app/** composes features; main.tsx (web-root) may import anything but the test helpers.
  { from: el(['web-app', 'web-root']), allow: { to: [el(['web-app', 'web-feature', 'web-shared']), contracts] } },

  // ── other app files: build configs (vite/tsup/vitest) are unrestricted; api test/bench are exempted below ──
  { from: el('app-other'), allow: { to: el('*') } },

  // ── packages: never apps/ (contracts is stricter, see its own block) ─────────────────────────────────────
  { from: el('pkg'), allow: { to: [el('pkg'), contracts] } },

  // ── files of one element may import each other ────────────────────────────────────────────────────────────
  // (checkInternals is on so that config.ts, which shares the api-root element with app.ts, is checked next.)
  { from: el('*'), allow: { dependency: { relationship: { to: 'internal' } } } },
  {
    from: el('api-root', { fileInternalPath: 'config.ts' }),
    disallow: { to: el(['api-root', 'api-realtime', 'api-jobs', 'api-db', 'api-module']) },
    message: 'apps/api/src/config.ts may import platform/** only',
  },
];

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '.tools/',
    '.data/',
    '.artifacts/',
    '**/*.tsbuildinfo',
  ]),

  // ── base: JS + TS recommended ─────────────────────────────────────────────────────────────────────────────
  { files: [...JS, ...TS], ...js.configs.recommended },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: config.files ?? [...JS, ...TS] })),
  {
    files: [...JS, ...TS],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/web/src/**', 'apps/web/public/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@holdfast/contracts',
              importNames: ['endpoints'],
              message:
                'Import the domain map (showEndpoints, bookingEndpoints, ...): the whole map reaches every schema, ' +
                "and the shows page's first download (budget 150 KB gzipped) would carry them all.",
            },
          ],
        },
      ],
    },
  },

  // ── type-aware promise rules (TS only): an unawaited promise in the API is a lost error ───────────────────
  {
    files: TS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // react-router 7 types navigate() as void | Promise<void>; the promise never rejects.
          allowForKnownSafeCalls: [{ from: 'package', name: 'NavigateFunction', package: 'react-router' }],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },

  // ── React hooks (web app) ─────────────────────────────────────────────────────────────────────────────────
  { files: ['apps/web/src/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },

  // ── imports: resolution shared by import-x and boundaries ─────────────────────────────────────────────────
  {
    files: [...JS, ...TS],
    plugins: { 'import-x': importX, boundaries },
    settings: {
      // What import-x's flatConfigs.typescript sets, minus its legacy resolver: without these, no-cycle can't parse
      // a .ts dependency and silently finds no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.cts', '.mts', '.js', '.jsx', '.cjs', '.mjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.cts', '.mts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver(tsResolverOptions), createNodeResolver()],
      // eslint-plugin-boundaries resolves through eslint-module-utils, which reads the legacy key.
      'import/resolver': { typescript: tsResolverOptions, node: true },
      'boundaries/root-path': root,
      'boundaries/elements': elements,
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'boundaries/dependencies': ['error', { default: 'disallow', checkInternals: true, policies: boundaryPolicies }],
    },
  },
  // packages/contracts: zod only, nothing local outside itself (checkAllOrigins also checks npm and node: imports).
  {
    files: ['packages/contracts/**'],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          policies: [
            {
              from: contracts,
              allow: { to: { module: { origin: 'external', source: ['zod', 'zod/**'] } } },
            },
          ],
          message: 'packages/contracts may import zod only',
        },
      ],
    },
  },
  { files: BOUNDARY_EXEMPT, rules: { 'boundaries/dependencies': 'off' } },

  // ── prettier owns formatting; max-len (a special rule it switches off) comes back at its printWidth ───────
  prettier,
  {
    files: [...JS, ...TS],
    rules: { 'max-len': ['error', { code: 120, tabWidth: 2, ignoreUrls: true }] },
  },
]);
