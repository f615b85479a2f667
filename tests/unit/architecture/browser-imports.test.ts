/**
 * Browser code stays free of zod. Every page's script is parsed and run on phones before the page
 * responds to a tap; zod alone was a third of the app's own script on every page when the browser
 * entry imported it whole. Server actions are imported by reference (their code stays on the
 * server), so the walk stops at "use server" modules. The browser entry may set zod's global
 * configuration through its one named export, which bundles to a few lines.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const BROWSER_ENTRY = "instrumentation-client.ts";

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

function directive(source: string): string | undefined {
  return /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use (client|server)["']/.exec(source)?.[1];
}

/** Value imports and re-exports; `import type` and `export type` vanish from the bundle. */
function importedSpecifiers(source: string): string[] {
  const specifiers: string[] = [];
  for (const match of source.matchAll(
    /^\s*(?:import|export)\s+(type\s+)?(?:[^;"']*?\s+from\s+)?["']([^"']+)["']/gm,
  )) {
    if (!match[1]) specifiers.push(match[2]!);
  }
  return specifiers;
}

function resolveLocal(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, "src", specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const suffix of ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]) {
    const candidate = base + suffix;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The chain of modules from `file` to an import of zod, or null when there is none. */
function pathToZod(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  if (directive(source) === "server") return null;
  for (const specifier of importedSpecifiers(source)) {
    if (specifier === "zod" || specifier.startsWith("zod/")) return [file, specifier];
    const local = resolveLocal(file, specifier);
    const chain = local ? pathToZod(local, seen) : null;
    if (chain) return [file, ...chain];
  }
  return null;
}

const clientModules = [...sourceFiles(path.join(ROOT, "src")), ...sourceFiles(path.join(ROOT, "app"))]
  .filter((file) => directive(readFileSync(file, "utf8")) === "client")
  .map((file) => path.relative(ROOT, file));

describe("browser code", () => {
  it("finds the client modules to check", () => {
    expect(clientModules.length).toBeGreaterThan(20);
    expect(clientModules).toContain("src/ui/nav-list.tsx");
  });

  it.each(clientModules)("%s does not bundle zod", (file) => {
    const chain = pathToZod(path.join(ROOT, file));
    expect(chain?.map((step) => path.relative(ROOT, step) || step) ?? null).toBeNull();
  });

  it("the browser entry takes only zod's configuration function", () => {
    const source = readFileSync(path.join(ROOT, BROWSER_ENTRY), "utf8");
    const zodImports = [...source.matchAll(/^import\s+(.+?)\s+from\s+["']zod["']/gm)].map(
      (match) => match[1],
    );
    expect(zodImports).toEqual(["{ config }"]);
  });

  it("would notice a client module reaching zod through a shared module", () => {
    // The content schema needs zod; a client component importing it would ship zod to the browser.
    const chain = pathToZod(path.join(ROOT, "src/domain/content/schema.ts"));
    expect(chain?.at(-1)).toBe("zod");
  });

  it("links go through the kit's Link, which prefetches on intent rather than on sight", () => {
    const defaultLinkImports = [
      ...sourceFiles(path.join(ROOT, "src")),
      ...sourceFiles(path.join(ROOT, "app")),
    ]
      .filter((file) =>
        /^import\s+\w+\s*(?:,\s*\{[^}]*\})?\s+from\s+["']next\/link["']/m.test(readFileSync(file, "utf8")),
      )
      .map((file) => path.relative(ROOT, file));
    expect(defaultLinkImports).toEqual(["src/ui/link.tsx"]);
  });
});
