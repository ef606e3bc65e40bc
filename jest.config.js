/**
 * Two jest projects, told apart by folder:
 *   unit   test/unit   the sources as they are, nothing built first (`npm run test:unit`)
 *   built  test/built  what the build produces: dist/ (`npm run build`) and lib/ (`npm run build:cli`)
 * `npm test` builds both and runs both.
 */
const shared = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // office-addin-mock loads office-addin-manifest, which pulls ESM-only strip-bom and uuid:
  // compile those two to CommonJS instead of ignoring node_modules wholesale.
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
    "^.+/node_modules/.+\\.js$": ["ts-jest", { diagnostics: false, tsconfig: { allowJs: true, module: "commonjs" } }],
  },
  transformIgnorePatterns: ["^(?!.*/node_modules/(strip-bom|uuid)/).*/node_modules/"],
};

/** @type {import('jest').Config} */
module.exports = {
  // Run-wide options: jest reads them here, not from a project.
  testTimeout: 60000,
  // A worker is started afresh once a test file leaves it holding this much: ts-jest's module
  // registries pile up over the run (over 2 GB a worker by its end), and one run ended out of memory.
  workerIdleMemoryLimit: "1GB",
  projects: [
    // Only the unit suites load the engine's sources, where the hook is; built ones run bundles.
    { ...shared, displayName: "unit", roots: ["<rootDir>/test/unit"], setupFiles: ["<rootDir>/test/setup/missing-params.ts"] },
    { ...shared, displayName: "built", roots: ["<rootDir>/test/built"] },
  ],
};
