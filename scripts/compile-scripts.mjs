/**
 * Compiles the operator scripts (start, with the preparation and the app server it runs; migrate,
 * re-score, backup) from TypeScript into plain JavaScript in build/scripts/, so a production
 * install runs them with `node` alone: no `tsx`, no development dependency. Part of `npm run build`.
 *
 * The project's own code (src/, prisma/seed/, scripts/lib/, the generated Prisma client) is bundled
 * in; packages stay external and are loaded from node_modules at run time. The build fails when one
 * of those packages is not listed in `dependencies`, because `npm prune --omit=dev` (or
 * `npm ci --omit=dev`) would remove it and the app could then not start or migrate.
 */
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = path.join(root, "build/scripts");
const ENTRY_POINTS = ["start", "prepare", "server", "db", "rescore", "backup"].map((name) => path.join(root, `scripts/${name}.ts`));

/** `server-only` throws outside React Server Components; these scripts run in plain Node. */
const serverOnlyIsEmpty = {
  name: "server-only-is-empty",
  setup(plugin) {
    plugin.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    plugin.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

function packageName(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const started = performance.now();
await rm(OUT_DIR, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ENTRY_POINTS,
  outdir: OUT_DIR,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
  tsconfig: path.join(root, "tsconfig.json"),
  plugins: [serverOnlyIsEmpty],
});

const { dependencies = {} } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const builtins = new Set(builtinModules);
const problems = [];
for (const [output, { imports }] of Object.entries(result.metafile.outputs)) {
  for (const { path: specifier, external } of imports) {
    if (!external) continue;
    const name = packageName(specifier.replace(/^node:/, ""));
    if (specifier.startsWith("node:") || builtins.has(name) || name in dependencies) continue;
    problems.push(`${path.relative(root, output)} imports ${specifier}, but ${name} is not in "dependencies".`);
  }
}
if (problems.length) {
  console.error(problems.join("\n"));
  console.error("A production install (npm prune --omit=dev) would not have it: move it to dependencies.");
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`Compiled ${ENTRY_POINTS.length} scripts to ${path.relative(root, OUT_DIR)}/ in ${seconds} s.`);
