/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // office-addin-mock loads office-addin-manifest, which pulls ESM-only strip-bom and uuid:
  // compile those two to CommonJS instead of ignoring node_modules wholesale.
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { diagnostics: false }],
    "^.+/node_modules/.+\\.js$": ["ts-jest", { diagnostics: false, tsconfig: { allowJs: true, module: "commonjs" } }],
  },
  transformIgnorePatterns: ["^(?!.*/node_modules/(strip-bom|uuid)/).*/node_modules/"],
  testTimeout: 60000,
};
