// The allowed arrows between the parts of src/ (docs/architecture.md explains
// each). `npm test` runs `depcruise` with this file, so a wrong import fails the
// build. Tests (*.test.ts) may reach anything they exercise.

/** Each part, and the parts its code may import besides itself. */
const PARTS = {
  shared: [],
  market: ['shared'],
  news: ['shared'],
  bus: ['shared', 'market', 'news'],
  store: ['shared', 'market', 'news'],
  engine: ['shared', 'market', 'store', 'bus'],
  ingest: ['shared', 'market', 'news', 'store', 'engine'],
  desk: ['shared', 'market', 'news', 'store', 'engine', 'ingest', 'bus'],
  http: ['shared', 'market', 'news'],
  site: ['shared', 'market', 'news', 'http', 'desk', 'store', 'engine', 'bus'],
  // The newsroom previews articles with the site's own page components.
  newsroom: ['shared', 'market', 'news', 'http', 'desk', 'store', 'engine', 'ingest', 'bus', 'site'],
  demo: ['shared', 'market', 'news', 'store', 'engine', 'bus'],
  // Operations: readiness, metrics, shutdown; wired by app.ts and cli.ts, imported by no other part.
  ops: ['shared', 'http'],
  // The workers of `serve --workers N` and their primary (docs/adr/0008); wired by app.ts and cli.ts.
  cluster: ['shared', 'bus', 'store'],
  cli: ['shared', 'market', 'news', 'store', 'engine', 'ingest', 'desk', 'bus', 'demo', 'config'],
};

const NOT_A_TEST = '\\.test\\.tsx?$|\\.fixture\\.ts$';
const PART_NAMES = Object.keys(PARTS);
// `config` in a list above is the top-level settings module src/config.ts, not a folder.

const layerRules = Object.entries(PARTS).map(([part, allowed]) => ({
  name: `${part}-imports`,
  comment: `src/${part}/ may import only ${allowed.length === 0 ? 'itself' : `itself, ${allowed.join(', ')}`} (docs/architecture.md)`,
  severity: 'error',
  from: { path: `^src/${part}/`, pathNot: NOT_A_TEST },
  to: {
    path: '^src/',
    pathNot: [`^src/${part}/`, ...allowed.map((name) => (name === 'config' ? '^src/config\\.ts$' : `^src/${name}/`))],
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-unknown-part',
      comment: 'Every source file lives in one of the parts named in .dependency-cruiser.cjs, or is a top-level entry point',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [...PART_NAMES.map((name) => `^src/${name}/`), '^src/(app|cli|config)(\\.test)?\\.ts$'],
      },
      to: {},
    },
    {
      name: 'entry-points-are-not-imported',
      comment: 'app.ts and cli.ts wire everything; nothing inside a part imports them',
      severity: 'error',
      from: { path: '^src/[^/]+/' },
      to: { path: '^src/(app|cli)\\.ts$' },
    },
    {
      name: 'pure-domain-has-no-io',
      comment: 'market, news and shared are pure rules: no files, network, processes, databases or frameworks',
      severity: 'error',
      from: { path: '^src/(market|news|shared)/', pathNot: NOT_A_TEST },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg'], pathNot: '^node:crypto$|^crypto$|node_modules/diff/' },
    },
    {
      name: 'sql-only-in-store',
      comment: 'Nothing outside store builds SQL or holds a database driver',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/store/', '^src/(app|cli|config)\\.ts$', NOT_A_TEST] },
      to: { path: 'node_modules/(kysely|pg|better-sqlite3)/' },
    },
    {
      name: 'no-circular-parts',
      comment: 'Arrows between parts point one way',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { circular: true, path: '^src/', pathNot: '^src/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|public)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
  },
};
