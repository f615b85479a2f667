import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The layers point one way (see README, "Architecture"): domain is pure; contracts sit on domain;
  // server and ui never reach up into features. Relative paths are caught as well as the alias.
  {
    files: ["src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/server/**",
                "@/features/**",
                "@/contracts/**",
                "@/ui/**",
                "@/generated/**",
                "@/env",
                "**/server/**",
                "**/features/**",
                "**/contracts/**",
                "**/ui/**",
              ],
              message: "src/domain is pure: it imports no server, contracts, features or UI code.",
            },
            {
              group: [
                "react",
                "react-dom",
                "react/*",
                "react-dom/*",
                "next",
                "next/*",
                "@prisma/*",
                "server-only",
                "node:*",
              ],
              message: "src/domain is pure: no React, Next.js, Prisma or Node I/O.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/contracts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/server/**",
                "@/features/**",
                "@/ui/**",
                "@/generated/**",
                "**/server/**",
                "**/features/**",
                "**/ui/**",
              ],
              message: "src/contracts is shared by server and UI: it imports only src/domain and zod.",
            },
            {
              group: [
                "react",
                "react-dom",
                "react/*",
                "react-dom/*",
                "next",
                "next/*",
                "@prisma/*",
                "server-only",
              ],
              message: "src/contracts is shared by server and UI: no React, Next.js or Prisma.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/**", "src/ui/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/features/**", "**/features/**"],
              message:
                "src/server and src/ui sit below src/features: move what both need to src/contracts (or src/ui).",
            },
          ],
        },
      ],
    },
  },
  // Server code renders no components, so it never reaches into the UI kit either (a later block
  // replaces the rule's options for these files, hence the features pattern again).
  {
    files: ["src/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/features/**", "**/features/**"],
              message: "src/server sits below src/features: move what both need to src/contracts.",
            },
            {
              group: ["@/ui/**", "**/ui/**"],
              message:
                "src/server renders no components: what it shares with the pages belongs in src/domain or src/contracts.",
            },
          ],
        },
      ],
    },
  },
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
