import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Both ways of reaching a folder of src/: the "@/" alias and a relative path. */
const code = (...folders) => folders.flatMap((folder) => [`@/${folder}/**`, `**/${folder}/**`]);

const FRAMEWORKS = [
  "react",
  "react-dom",
  "react/*",
  "react-dom/*",
  "next",
  "next/*",
  "@prisma/*",
  "server-only",
];

/** One layer's import rule: the files it holds and the import groups refused there, with why. */
const layer = (files, ...patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layers point one way (see README, "Architecture"): domain is pure; contracts sit on domain;
  // server and ui never reach up into features, and server renders no UI. Relative paths are caught
  // as well as the alias.
  layer(
    ["src/domain/**"],
    {
      group: [...code("server", "features", "contracts", "ui", "generated"), "@/env"],
      message: "src/domain is pure: it imports no server, contracts, features or UI code.",
    },
    {
      group: [...FRAMEWORKS, "node:*"],
      message: "src/domain is pure: no React, Next.js, Prisma or Node I/O.",
    },
  ),
  layer(
    ["src/contracts/**"],
    {
      group: code("server", "features", "ui", "generated"),
      message: "src/contracts is shared by server and UI: it imports only src/domain and zod.",
    },
    {
      group: FRAMEWORKS,
      message: "src/contracts is shared by server and UI: no React, Next.js or Prisma.",
    },
  ),
  layer(["src/ui/**"], {
    group: code("features", "server"),
    message: "src/ui sits below src/features and beside src/server: move what both need to src/contracts.",
  }),
  layer(
    ["src/server/**"],
    {
      group: code("features"),
      message: "src/server sits below src/features: move what both need to src/contracts.",
    },
    {
      group: code("ui"),
      message:
        "src/server renders no components: what it shares with the pages belongs in src/domain or src/contracts.",
    },
  ),
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "src/generated/**",
    "playwright-report/**",
    "test-results/**",
    "data/**",
  ]),
]);
