/**
 * The layer rules in eslint.config.mjs, exercised through ESLint itself: an import that crosses a
 * boundary is reported, one that follows it is not. Guards against a config edit that silently drops
 * a zone (lint would then pass on everything).
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages
    .filter((message) => message.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("layer boundaries", () => {
  it.each([
    ["src/domain/scoring/example.ts", 'import { x } from "@/server/db";\nexport const y = x;\n'],
    ["src/domain/scoring/example.ts", 'import { x } from "../../features/plans/a";\nexport const y = x;\n'],
    ["src/domain/scoring/example.ts", 'import { useState } from "react";\nexport const y = useState;\n'],
    [
      "src/domain/scoring/example.ts",
      'import { PrismaClient } from "@prisma/client";\nexport const y = PrismaClient;\n',
    ],
    ["src/contracts/plans/example.ts", 'import { x } from "@/server/plans/queries";\nexport const y = x;\n'],
    ["src/contracts/plans/example.ts", 'import { x } from "@/features/plans/a";\nexport const y = x;\n'],
    ["src/server/plans/example.ts", 'import { x } from "@/features/plans/a";\nexport const y = x;\n'],
    ["src/server/plans/example.ts", 'import { x } from "../../features/plans/a";\nexport const y = x;\n'],
    ["src/ui/example.tsx", 'import { x } from "@/features/dashboards/a";\nexport const y = x;\n'],
    ["src/ui/example.tsx", 'import { x } from "@/server/db";\nexport const y = x;\n'],
    [
      "src/server/exports/example.ts",
      'import { BandChip } from "@/ui/band-chip";\nexport const y = BandChip;\n',
    ],
  ])("reports %s importing across a boundary (%#)", async (filePath, source) => {
    expect(await layerErrors(filePath, source)).toHaveLength(1);
  });

  it.each([
    [
      "src/domain/scoring/example.ts",
      'import { z } from "zod";\nimport { x } from "../content/schema";\nexport const y = [z, x];\n',
    ],
    [
      "src/contracts/plans/example.ts",
      'import { x } from "@/domain/plans/closed-loop";\nexport const y = x;\n',
    ],
    ["src/server/plans/example.ts", 'import { x } from "@/contracts/plans/schemas";\nexport const y = x;\n'],
    [
      "src/features/plans/example.tsx",
      'import { x } from "@/server/plans/actions";\nimport { Button } from "@/ui/button";\nexport const y = [x, Button];\n',
    ],
  ])("accepts %s importing downwards (%#)", async (filePath, source) => {
    expect(await layerErrors(filePath, source)).toEqual([]);
  });
});
