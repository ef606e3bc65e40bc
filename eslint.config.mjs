/*
 * ESLint 9 flat config, picked up by `office-addin-lint check` (it uses ./eslint.config.mjs when
 * present, else its own). Office's recommended rules + prettier (formatting from .prettierrc.json),
 * extended to .tsx/.jsx, plus typescript-eslint's recommended rules and React's JSX-runtime rules.
 * All plugins are the ones office-addin-lint brings (no extra dependencies). The typescript-eslint
 * rules are taken from the plugin instance eslint-plugin-office-addins registers: importing the
 * top-level `typescript-eslint` package as well fails with "Cannot redefine plugin".
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import reactPlugin from "eslint-plugin-react";
import globals from "globals";

const OFFICE_FILES = "**/*.{js,mjs,cjs,ts,cts,mts}";
const ALL_FILES = "**/*.{js,mjs,cjs,jsx,ts,cts,mts,tsx}";
const TS_FILES = "**/*.{ts,cts,mts,tsx}";

// Office's configs stop at .js/.ts; apply the same blocks to .jsx/.tsx.
const withJsx = (configs) =>
  configs.map((config) =>
    config.files?.includes(OFFICE_FILES)
      ? { ...config, files: config.files.map((f) => (f === OFFICE_FILES ? ALL_FILES : f)) }
      : config,
  );

const tsPlugin = officeAddins.configs.recommended.find((config) => config.plugins?.["@typescript-eslint"]).plugins[
  "@typescript-eslint"
];
const tsRecommendedRules = {
  ...tsPlugin.configs["eslint-recommended"].overrides[0].rules,
  ...tsPlugin.configs.recommended.rules,
};

export default [
  { ignores: ["dist/**", "lib/**", "coverage/**", "node_modules/**"] },
  ...withJsx(officeAddins.configs.react),
  reactPlugin.configs.flat["jsx-runtime"],
  {
    files: [ALL_FILES],
    languageOptions: {
      // As in office-addin-lint's own config: the plugin's configs do not carry a usable parser.
      parser: tsParser,
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.browser },
    },
    settings: { react: { version: "detect" } },
  },
  {
    // Node-side files: build config, scripts, tests.
    files: ["*.{js,cjs,mjs}", "scripts/**/*.{js,cjs,mjs}", "test/**/*.{js,ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ["*.js", "scripts/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    files: [TS_FILES],
    rules: {
      ...tsRecommendedRules,
      // The office plugin's @typescript-eslint 8.8 crashes on eslint 9.39 without explicit options.
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
      // TypeScript checks names itself (Office, CustomFunctions, DOM types); no-undef only misfires there.
      "no-undef": "off",
    },
  },
  {
    // Office.js load/sync rules are about Excel proxies; the engine, the command line (exceljs) and
    // the benchmarks never hold one, and the rules misread exceljs objects as Excel ranges.
    files: [
      "src/engine/**",
      "src/cli/**",
      "src/functions/**",
      "bench/**",
      "scripts/**",
      "test/unit/{cli,review,functions,hostile}/**",
    ],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/call-sync-after-load": "off",
    },
  },
];
