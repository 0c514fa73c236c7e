// One jest run covers every TypeScript suite of the workspace; each tier is a project so
// `--selectProjects` can run one alone. The Angular unit tests run under `ng test` instead.
const tsJestSpec = ['ts-jest', { tsconfig: '<rootDir>/spec/tsconfig.jest.json' }];
const transformNoble = {
  '^.+\\.ts$': tsJestSpec,
  '^.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: transformNoble,
  transformIgnorePatterns: ['/node_modules/(?!@noble/hashes/)'],
  moduleNameMapper: {
    '^gren-ts$': '<rootDir>/lib/src/index.ts',
    '^gren-ts/store$': '<rootDir>/lib/src/store/index.ts',
  },
};

module.exports = {
  projects: [
    { ...common, displayName: 'lib-unit', testMatch: ['<rootDir>/spec/unit/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'lib-integration',
      testMatch: ['<rootDir>/spec/integration/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/spec/integration/slurm/'],
      globalSetup: '<rootDir>/spec/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'examples',
      testMatch: ['<rootDir>/spec/examples/**/*.spec.ts'],
      globalSetup: '<rootDir>/spec/support/global-setup.ts',
    },
    {
      // Real SLURM jobs compete for the node's CPUs (one test preempts another partition):
      // scripts/run-tests.mjs runs this project on its own, in band.
      ...common,
      displayName: 'slurm',
      testMatch: ['<rootDir>/spec/integration/slurm/**/*.spec.ts'],
      globalSetup: '<rootDir>/spec/support/global-setup.ts',
    },
    {
      ...common,
      displayName: 'dashboard-api',
      testMatch: ['<rootDir>/dashboard-api/{src,test}/**/*.spec.ts'],
      moduleNameMapper: { ...common.moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' },
      transform: {
        ...transformNoble,
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/dashboard-api/tsconfig.jest.json' }],
      },
    },
    {
      // Simulated hosts (namespaces + sshfs over a loopback sshd): scripts/run-tests.mjs runs
      // this project on its own, in band.
      ...common,
      displayName: 'multihost',
      testMatch: ['<rootDir>/spec/multihost/**/*.spec.ts'],
      globalSetup: '<rootDir>/spec/multihost/support/global-setup.ts',
    },
    {
      // The built SPA served by the compiled `gren-dashboard serve`, driven in Debian's chromium
      // (playwright-core); one server and one browser per suite file.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/spec/browser/**/*.spec.ts'],
      globalSetup: '<rootDir>/spec/browser/support/global-setup.ts',
    },
    {
      // Real user projects in temp folders: gren installed from its tarball, built and run
      // with tsc 7, swc, ts-node on TypeScript 5/6, tsx and vitest (the README's runner table).
      ...common,
      displayName: 'toolchains',
      testMatch: ['<rootDir>/spec/toolchains/**/*.spec.ts'],
      globalSetup: '<rootDir>/spec/toolchains/support/global-setup.ts',
      globalTeardown: '<rootDir>/spec/toolchains/support/global-teardown.ts',
    },
    {
      // `npm pack` of both packages installed from the tarballs into a project outside the
      // repository, used as a user would; scripts/run-tests.mjs runs it on its own, in band.
      ...common,
      displayName: 'package',
      testMatch: ['<rootDir>/spec/package/**/*.spec.ts'],
      globalSetup: '<rootDir>/spec/package/support/global-setup.ts',
      globalTeardown: '<rootDir>/spec/package/support/global-teardown.ts',
    },
  ],
};
