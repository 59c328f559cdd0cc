// One lint setup for the whole repo: typed TypeScript rules everywhere, Svelte rules in web/.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * Which api domain folders each domain may import (besides itself). Dependencies point one way: the Q&A
 * core (qa) imports only identity and platform, and announces what happens through `qa/qa.events.ts`;
 * its neighbours listen. platform imports no domain (an `import type` of identity's Actor is allowed).
 * Tests (`*.spec.ts`, `test/`) drive the whole app and may import anything.
 */
const API_DOMAINS = {
  platform: [],
  identity: ['platform'],
  /** Images in posts: storage and serving; posts embed them by URL, so no domain needs to import it. */
  uploads: ['identity', 'platform'],
  qa: ['identity', 'platform'],
  audit: ['identity', 'platform', 'qa'],
  reputation: ['audit', 'identity', 'platform', 'qa'],
  privacy: ['audit', 'identity', 'platform', 'qa'],
  search: ['identity', 'platform', 'qa'],
  staff: ['audit', 'identity', 'platform', 'qa'],
  'four-eyes': ['audit', 'identity', 'platform', 'qa', 'staff'],
  teams: ['identity', 'platform', 'qa'],
  escalation: ['four-eyes', 'identity', 'platform', 'qa', 'teams'],
  moderation: ['audit', 'escalation', 'identity', 'platform', 'qa', 'reputation'],
  importer: ['platform', 'qa', 'reputation'],
  discovery: ['identity', 'platform', 'qa'],
  /** Staff reporting: reads other domains' tables through SQL; imports only teams' calendar mapping. */
  insights: ['identity', 'platform', 'teams'],
  /** Tone roll-up, spike and keyword alerts, announcements: reads posts through SQL; takes only the Clock from teams. */
  monitoring: ['identity', 'platform', 'qa', 'teams'],
  demo: ['escalation', 'identity', 'platform', 'qa', 'reputation', 'staff', 'teams'],
  /** The person's own account across domains (activity, export, deletion); at the edge, none imports it. */
  account: ['identity', 'platform', 'qa'],
  /** A listener at the edge: it may read every domain, none imports it. */
  notifications: [
    'audit',
    'escalation',
    'four-eyes',
    'identity',
    'moderation',
    'platform',
    'privacy',
    'qa',
    'reputation',
    'staff',
    'teams',
  ],
};
const TEST_FILES = ['api/src/**/*.spec.ts', 'api/src/**/*.test.ts', 'api/src/**/test/**', 'api/src/test-support/**'];
/** Files that still break the direction, each with the reason; shrink this list, never grow it. */
const DIRECTION_EXCEPTIONS = {
  // The socket transport resolves the session cookie itself (identity's session service); it is being reworked.
  'api/src/platform/live/subscriptions.ts': ['identity'],
};
const domainDirection = Object.entries(API_DOMAINS).flatMap(([domain, allowed]) => {
  const rule = (forbidden) => [
    'error',
    {
      patterns: forbidden.map((other) => ({
        group: [`**/${other}/*`, `**/${other}/**`],
        message: `${domain}/ may import only ${allowed.join(', ') || 'no domain'} (see API_DOMAINS in eslint.config.js); let ${other} listen to an event instead.`,
        allowTypeImports: domain === 'platform' && other === 'identity',
      })),
    },
  ];
  const others = Object.keys(API_DOMAINS).filter((d) => d !== domain && !allowed.includes(d));
  const exceptions = Object.entries(DIRECTION_EXCEPTIONS).filter(([file]) => file.startsWith(`api/src/${domain}/`));
  return [
    {
      files: [`api/src/${domain}/**/*.ts`],
      ignores: [...TEST_FILES, ...exceptions.map(([file]) => file)],
      rules: { '@typescript-eslint/no-restricted-imports': rule(others) },
    },
    ...exceptions.map(([file, extra]) => ({
      files: [file],
      rules: { '@typescript-eslint/no-restricted-imports': rule(others.filter((d) => !extra.includes(d))) },
    })),
  ];
});

export default ts.config(
  {
    ignores: ['**/node_modules/', '**/dist/', '**/build/', '**/.svelte-kit/', '.data/', 'e2e/results/', 'web/src/lib/graphql/generated.ts'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-control-regex': 'off',
    },
  },
  ...domainDirection,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { globals: { ...globals.browser }, parserOptions: { parser: ts.parser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.config.ts', '**/*.config.mts'],
    ...ts.configs.disableTypeChecked,
  },
);
