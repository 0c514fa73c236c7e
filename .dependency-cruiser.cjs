// `npm run lint` runs dependency-cruiser with these rules on the library and the dashboard API.
// Type-only imports count: a cycle or a layer break made of types is still one.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles make load order matter and layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-not-runtime',
      comment:
        'The config model (model, metadata, decorators, identity, serialization) does not import the runtime, ' +
        'the composition root, executors or the CLI. It reaches them through the slot in lib/src/model/object-runtime.ts, ' +
        'which lib/src/di fills. Only the Executor interface may be named.',
      severity: 'error',
      from: { path: '^lib/src/(model|metadata|decorators|identity|serialization)/' },
      to: { path: '^lib/src/(runtime|di|cli|bin|provenance|locking|list|executors/(?!executor\\.ts$))' },
    },
    {
      name: 'store-model-below-cli',
      comment:
        'The store model (lib/src/store, published as gren-ts/store) sits below the CLI and the runtime: ' +
        'the CLI and the dashboard import it, it imports neither, nor the composition root.',
      severity: 'error',
      from: { path: '^lib/src/store/' },
      to: { path: '^lib/src/(cli|bin|di|executors|list|runtime/(?!pid-alive\\.ts$))' },
    },
    {
      name: 'library-not-dashboard',
      comment: 'The library knows nothing of the dashboard.',
      severity: 'error',
      from: { path: '^lib/src/' },
      to: { path: '^dashboard-' },
    },
    {
      name: 'dashboard-uses-public-library',
      comment:
        "The dashboard API imports the library by its package name ('gren-ts', 'gren-ts/store') only, never a file inside it.",
      severity: 'error',
      from: { path: '^dashboard-api/src/' },
      to: { path: '^lib/', pathNot: '^lib/dist/(store/)?index\\.(js|d\\.ts)$' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: ['node_modules', '^lib/dist'] },
    exclude: { path: ['node_modules', '\\.spec\\.ts$'] },
  },
};
