// The house rules, checked by `npm run lint` (part of `npm test`). Besides typescript-eslint's
// recommended set and prettier, each folder says which rooms it may import from: the layers of
// CONTRIBUTING.md, written down once here. test/architecture.test.ts checks the same layers on the
// resolved import graph (dependency-cruiser), together with folder cycles.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** An import whose path has one of these folder names, as a regex over the specifier. */
const into = (...folders) => `(^|/)(${folders.join('|')})(/|$)`;

/** no-restricted-imports for a layer: the folders it must not reach, and a reason. */
function layer(files, forbidden, message, extra = {}) {
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: into(...forbidden), message }],
          ...extra,
        },
      ],
    },
  };
}

/** TypeORM's values (In, IsNull, Brackets …) build queries: outside the store and db only its types. */
const typeormTypesOnly = {
  paths: [{ name: 'typeorm', allowTypeImports: true, message: 'Queries belong in server/store; import TypeORM types only.' }],
};

/**
 * Statements: repository and EntityManager calls. Outside server/store and server/db (and the
 * composition roots: seeds, scripts, migrations, tests) they are refused, so every statement has one room.
 */
const STATEMENT_METHODS =
  'getRepository|createQueryBuilder|query|findOne|findOneBy|findOneByOrFail|findOneOrFail|findBy|findAndCount|findAndCountBy|countBy|existsBy|save|upsert|increment|decrement|softDelete|restore|sum|average|minimum|maximum';
const noStatements = {
  files: ['server/**/*.ts', 'reports/**/*.ts'],
  ignores: ['server/store/**', 'server/db/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: `CallExpression[callee.property.name=/^(${STATEMENT_METHODS})$/]`,
        message: 'A repository or SQL call belongs in server/store (every statement of an aggregate in one place).',
      },
      {
        // em.insert(Entity, …), em.find(Entity, …): an entity class as the first argument
        selector:
          "CallExpression[callee.property.name=/^(insert|update|delete|find|count|exists|remove)$/][arguments.0.type='Identifier'][arguments.0.name=/^[A-Z]/]",
        message: 'A repository or SQL call belongs in server/store (every statement of an aggregate in one place).',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'test-artifacts/**', 'templates/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  // the layers, innermost first
  layer(
    ['domain/**/*.ts'],
    ['server', 'reports', 'seeds', 'scripts', 'migrations'],
    'domain/ is pure decisions: no I/O, no server, no reports.',
    {
      paths: [
        ...typeormTypesOnly.paths,
        { name: 'express', message: 'domain/ knows nothing of HTTP.' },
        { name: 'node:fs', message: 'domain/ does no I/O.' },
      ],
    },
  ),
  layer(
    ['server/requests/**/*.ts'],
    ['app', 'queries', 'store', 'access', 'api', 'web', 'http', 'auth', 'db', 'reports', 'seeds'],
    'server/requests is the request vocabulary (validators, validateInput, paging): it uses only domain/.',
    typeormTypesOnly,
  ),
  layer(['entities/**/*.ts'], ['server', 'reports', 'seeds', 'scripts'], 'entities/ describe tables; they use only domain/.'),
  layer(
    ['server/db/**/*.ts'],
    ['app', 'queries', 'store', 'access', 'api', 'web', 'http', 'auth', 'reports', 'seeds'],
    'server/db is the database plumbing under the store.',
  ),
  layer(
    ['server/store/**/*.ts'],
    ['app', 'queries', 'access', 'api', 'web', 'http', 'auth', 'reports', 'seeds'],
    'server/store holds statements; decisions are in domain/, use cases in server/app.',
  ),
  layer(
    ['server/access/**/*.ts'],
    ['app', 'queries', 'api', 'web', 'http', 'auth', 'reports', 'seeds'],
    'server/access decides who may; it reads through server/store.',
    typeormTypesOnly,
  ),
  layer(
    ['server/queries/**/*.ts'],
    ['app', 'api', 'web', 'http', 'auth', 'reports', 'seeds', 'lean', 'pipeline'],
    'server/queries are read models over server/store.',
    typeormTypesOnly,
  ),
  layer(
    ['server/app/**/*.ts'],
    ['api', 'web', 'reports', 'seeds', 'lean', 'pipeline'],
    'server/app holds use cases; statements are in server/store, adapters in server/api and server/web.',
    typeormTypesOnly,
  ),
  layer(
    ['server/http/**/*.ts'],
    ['api', 'web', 'reports', 'seeds', 'lean', 'pipeline'],
    'HTTP plumbing sits under the adapters.',
    typeormTypesOnly,
  ),
  layer(
    ['server/auth/**/*.ts'],
    ['app', 'queries', 'http', 'api', 'web', 'reports', 'seeds', 'lean', 'pipeline'],
    'Authentication (passwords, tokens, sessions) reads through server/store; its HTTP middleware is in server/http.',
    typeormTypesOnly,
  ),
  layer(
    ['server/api/**/*.ts'],
    ['store', 'db', 'web', 'seeds', 'scripts'],
    'server/api is a thin adapter: request class → use case (server/app) or read model (server/queries).',
    typeormTypesOnly,
  ),
  layer(
    ['server/web/**/*.ts'],
    ['store', 'db', 'api', 'seeds', 'scripts'],
    'server/web is a thin adapter: form → request class → use case (server/app) or read model (server/queries).',
    typeormTypesOnly,
  ),
  layer(
    ['reports/engine/**/*.ts'],
    ['server', 'definitions', 'seeds', 'scripts'],
    'The report engine renders a model; it knows nothing of where the figures come from.',
    typeormTypesOnly,
  ),
  layer(
    ['reports/definitions/**/*.ts', 'reports/*.ts'],
    ['store', 'db', 'app', 'api', 'web', 'http', 'seeds', 'scripts'],
    'A report definition reads server/queries and builds a model.',
    typeormTypesOnly,
  ),
  noStatements,
  {
    // tests may reach into any layer to arrange and inspect
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
