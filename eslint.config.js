// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint: typescript-eslint's recommended rules everywhere, React's hook rules in the renderer, and
 * the layering of DESIGN.md as rules rather than hopes:
 * - a feature of electron/services reaches another only through its public surface (its index.ts),
 *   never into its files; some pairs may not meet at all;
 * - only the api layer speaks the transport's language (ApiError); domain code refuses with
 *   its own errors, which the dispatcher translates.
 */

/** The features of electron/services. store and events are the infrastructure everyone stands on. */
const FEATURES = ['analysis', 'api', 'coach', 'connection', 'conversations', 'demo', 'followups', 'ingestion', 'triage', 'people', 'live'];

/** Pairs that must not depend on each other at all, even through the public surface. */
const FORBIDDEN = {
  connection: ['coach', 'api', 'demo'],
  ingestion: ['analysis', 'coach', 'connection', 'api', 'demo', 'conversations'],
  analysis: ['coach', 'connection', 'api', 'demo', 'conversations', 'ingestion'],
  coach: ['connection', 'api', 'demo'],
  followups: ['analysis', 'coach', 'connection', 'api', 'demo', 'ingestion', 'conversations'],
  conversations: ['api', 'demo'],
  demo: ['api'],
  triage: ['analysis', 'coach', 'connection', 'api', 'demo', 'ingestion', 'conversations', 'followups'],
  api: [],
  // who signs in stands on nothing of the console's work: the web host binds it to the api's callers
  people: ['analysis', 'coach', 'connection', 'api', 'demo', 'ingestion', 'conversations', 'followups', 'triage'],
  // the live queue (the events consoles follow, presence, who is viewing) stands on the bus alone
  live: ['analysis', 'coach', 'connection', 'api', 'demo', 'ingestion', 'conversations', 'followups', 'triage', 'people'],
};

const deepInto = (feature) => `^(\\.\\./)+${feature}/.+`;
const anyOf = (feature) => `^(\\.\\./)+${feature}(/.*)?$`;

const featureBoundaries = FEATURES.map((feature) => {
  const others = FEATURES.filter((other) => other !== feature);
  const forbidden = FORBIDDEN[feature] ?? [];
  return {
    files: [`electron/services/${feature}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidden.map((other) => ({
              regex: anyOf(other),
              message: `${feature} may not depend on ${other} (DESIGN.md: features talk through interfaces handed to them by the composition root).`,
            })),
            ...others
              .filter((other) => !forbidden.includes(other))
              .map((other) => ({
                regex: deepInto(other),
                message: `Import ${other} through its public surface (electron/services/${other}/index.ts), not its files.`,
              })),
            ...(feature === 'api'
              ? []
              : [
                  {
                    regex: 'shared/contract/errors$',
                    importNames: ['ApiError'],
                    message: 'ApiError belongs to the transport: throw a Refusal (electron/services/common/refusal.ts); the dispatcher translates it.',
                  },
                  {
                    regex: 'shared/contract(/index)?$',
                    importNames: ['ApiError'],
                    message: 'ApiError belongs to the transport: throw a Refusal (electron/services/common/refusal.ts); the dispatcher translates it.',
                  },
                ]),
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'docs/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Playwright's fixtures are declared with an object pattern, empty when a fixture needs no other
    files: ['tests/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  ...featureBoundaries,
);
