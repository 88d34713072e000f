// Jest in native ESM mode with @swc/jest; run from the repo root so one .swcrc serves every project.
const esmOnlyPackagesRequiredByCjs = ['content-disposition', 'cookie'];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': '@swc/jest',
    [`node_modules/(${esmOnlyPackagesRequiredByCjs.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { module: { type: 'commonjs' }, jsc: { target: 'es2022' } },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${esmOnlyPackagesRequiredByCjs.join('|')})/)`],
  testMatch: ['<rootDir>/{apps,libs,test}/**/*.spec.ts', '<rootDir>/{apps,libs,test}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/', '/.test-data/'],
  testTimeout: 30000,
};
