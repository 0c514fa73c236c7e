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
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: ['node_modules', '^lib/dist'] },
    exclude: { path: ['node_modules', '^lib/dist', '\\.spec\\.ts$'] },
  },
};
