/*
 * Build of the Credit Risk add-in (Yo Office "Excel custom functions, shared runtime" layout).
 *
 *   dist/taskpane.html   task pane page; also the shared runtime page, so it loads both bundles
 *   dist/functions.js    CREDIT.* custom functions (+ CustomFunctions.associate calls, added by the metadata plugin),
 *                        with webpack's runtime and every engine module the functions use
 *   dist/taskpane.js     React + Fluent task pane, without the engine modules functions.js already holds
 *   dist/functions.json  custom-functions metadata generated from the JSDoc in src/functions/functions.ts
 *   dist/manifest.xml, dist/assets/*.png
 *
 * File names carry no content hash: the manifest points at them by name. taskpane.html asks for its
 * bundles with the build's hash as a query (functions.js?…), so a web view's cache pairs no two builds.
 *
 * Why the pane depends on the functions bundle: the page loads both anyway, and most of
 * functions.js is engine code (cells, texts, policy, aging, scoring, errors) the pane needs too.
 * Built apart, both bundles carried it and the page parsed it twice. With `dependOn` the pane's
 * bundle leaves those modules to functions.js, which stays whole on its own (Excel and the built
 * tests can still run it alone); the pane's cannot run without it. A shared third file
 * (splitChunks) measured larger, as each bundle kept its own runtime and copies of modules whose
 * used exports differ; loading the write path on first use made the initial JS larger, not
 * smaller, as the summary, write-plan and layout modules are also imported by what the pane reads
 * and shows, and only the chunk-loading runtime was added.
 *
 * Environment:
 *   ADDIN_PUBLIC_URL   production base URL (e.g. https://addins.example.com/credit/). `--mode production`
 *                      replaces https://localhost:3000/ in dist/manifest.xml with it. Unset: left as is.
 *   OFFICE_JS_LOCAL=1  intranets without access to Office's CDN: copies node_modules/@microsoft/office-js/dist
 *                      to dist/office-js/ and makes taskpane.html load office-js/office.js from this site
 *                      instead of https://appsforoffice.microsoft.com/lib/1/hosted/office.js. Office still
 *                      has to reach its own services; only the script is served locally.
 *
 * `webpack serve` (npm run dev-server) serves dist over https on port 3000 with the Office dev certificates;
 * office-addin-dev-certs is loaded only there, so production builds need no certificates.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { localizeMetadata } = require("./scripts/functions-locale");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = "office-js/office.js";
const FUNCTIONS_ENTRY = "./src/functions/functions.ts";

/** ADDIN_PUBLIC_URL with a trailing slash, or undefined when unset. */
function publicUrl() {
  const value = (process.env.ADDIN_PUBLIC_URL || "").trim();
  if (!value) return undefined;
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be https: ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Dev URLs → production URLs; the AppDomain (no trailing slash) becomes the production origin. */
function productionManifest(content, baseUrl) {
  return content.toString().split(DEV_URL).join(baseUrl).split(DEV_URL.slice(0, -1)).join(new URL(baseUrl).origin);
}

/** Points taskpane.html at the office.js copied into dist/office-js/. */
class LocalOfficeJsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("LocalOfficeJsPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("LocalOfficeJsPlugin", (data) => {
        if (!data.html.includes(CDN_OFFICE_JS)) {
          throw new Error(`OFFICE_JS_LOCAL: ${CDN_OFFICE_JS} not found in ${data.outputName}`);
        }
        data.html = data.html.split(CDN_OFFICE_JS).join(LOCAL_OFFICE_JS);
        return data;
      });
    });
  }
}

/** Emits functions.<locale>.json next to functions.json; a translation out of step with the JSDoc fails the build. */
class LocalizedFunctionsPlugin {
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        for (const locale of ["zh-CN"]) {
          const file = path.resolve(__dirname, `src/functions/locales/${locale}.json`);
          compilation.fileDependencies.add(file);
          const texts = JSON.parse(require("fs").readFileSync(file, "utf8"));
          const { metadata: localized, problems } = localizeMetadata(metadata, texts);
          problems.forEach((problem) => compilation.errors.push(new WebpackError(`functions.${locale}.json: ${problem}`)));
          compilation.emitAsset(`functions.${locale}.json`, new sources.RawSource(JSON.stringify(localized, null, 2)));
        }
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJsLocal = process.env.OFFICE_JS_LOCAL === "1";
  const baseUrl = dev ? undefined : publicUrl();

  const copyPatterns = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => (baseUrl ? productionManifest(content, baseUrl) : content),
    },
  ];
  if (officeJsLocal) {
    copyPatterns.push({
      from: "**/*",
      context: path.resolve(__dirname, "node_modules/@microsoft/office-js/dist"),
      to: "office-js/",
      info: { minimized: true },
    });
  }

  const config = {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    context: __dirname,
    entry: {
      functions: FUNCTIONS_ENTRY,
      // The pane's bundle takes the engine modules it shares with the functions from functions.js (see above).
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // The runtime functions.js carries finds its chunks on globalThis, not on a page's `self`, so
      // the functions bundle runs wherever Excel runs it, with or without the pane's page.
      globalObject: "globalThis",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // tsconfig.json says commonjs for jest; ES modules here let webpack tree-shake.
              compilerOptions: { module: "esnext", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      // Writes functions.json and appends CustomFunctions.associate(...) to the functions entry itself.
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_ENTRY, output: "functions.json" }),
      new LocalizedFunctionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions bundle runs in the task-pane page, first, as it holds webpack's runtime.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        // Each build's bundles are asked for with its own hash (functions.js?…): as the pane's bundle
        // runs only on the functions bundle it was built with, a web view's cache never pairs it
        // with another build's, though the file names carry none (the manifest names them).
        hash: true,
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
      ...(officeJsLocal ? [new LocalOfficeJsPlugin()] : []),
    ],
    optimization: {
      moduleIds: "deterministic",
      chunkIds: "deterministic",
    },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      // office.js copies are not ours to size.
      assetFilter: (file) => /\.js$/.test(file) && !file.startsWith("office-js/"),
    },
    stats: "errors-warnings",
  };

  if (serving) {
    // Only `webpack serve` needs the localhost certificates (created on first use by office-addin-dev-certs).
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      server: { type: "https", options: { ca, key, cert } },
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      hot: false,
      client: { overlay: { warnings: false } },
    };
  }

  return config;
};
