/**
 * The OpenAPI document: valid OpenAPI 3.1 by the specification's own JSON Schema, generated from the
 * zod schemas, and describing exactly the route handlers under app/api/v1.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "@/contracts/api/openapi";
import { API_ROUTES } from "@/contracts/api/routes";
import { apiSchemas, teamSchema } from "@/contracts/api/schemas";
import { GET as openApiRoute } from "../../../app/api/v1/openapi.json/route";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** "app/api/v1/teams/[team]/results/[cycle]/route.ts" → "/teams/{team}/results/{cycle}" */
function apiPathOf(file: string): string {
  return file
    .replace(/^app\/api\/v1/, "")
    .replace(/\/route\.(ts|tsx|js|jsx|mjs)$/, "")
    .replace(/\[(\w+)\]/g, "{$1}");
}

type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>
  >;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument() as Document;

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");

    // The validator does bite: a response without its required description is refused.
    const broken = structuredClone(document) as Document;
    delete (broken.paths["/teams"]!.get!.responses["200"] as { description?: string }).description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("lists every route handler under app/api/v1, and nothing else", () => {
    const handlers = readdirSync(path.join(ROOT, "app/api/v1"), { recursive: true, encoding: "utf8" })
      .map((file) => path.posix.join("app/api/v1", file.split(path.sep).join("/")))
      .filter((file) => /(^|\/)route\.(ts|tsx|js|jsx|mjs)$/.test(file))
      .map(apiPathOf)
      .sort();
    expect(Object.keys(document.paths).sort()).toEqual(handlers);
    expect(API_ROUTES.map((route) => route.path).sort()).toEqual(handlers);
  });

  it("declares every path parameter of each address, and only GET", () => {
    for (const [apiPath, item] of Object.entries(document.paths)) {
      expect(Object.keys(item), apiPath).toEqual(["get"]);
      const inPath = [...apiPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (item.get!.parameters ?? [])
        .filter((parameter) => parameter.in === "path")
        .map((parameter) => parameter.name);
      expect(declared, apiPath).toEqual(inPath);
    }
  });

  it("generates each answer's schema from its zod schema", () => {
    const generated = z.toJSONSchema(teamSchema, { target: "draft-2020-12", io: "output" }) as Record<
      string,
      unknown
    >;
    const { $schema: _schema, ...expected } = generated;
    expect(document.components.schemas.Team).toEqual(expected);
    // Every named zod schema is a component, and every reference points at one.
    const references = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(
      (match) => match[1]!,
    );
    for (const reference of references) expect(document.components.schemas).toHaveProperty(reference);
    expect(Object.keys(document.components.schemas).length).toBeGreaterThanOrEqual(15);
    expect(apiSchemas.get(teamSchema)?.id).toBe("Team");
  });

  it("is served at /api/v1/openapi.json without a token", async () => {
    const response = openApiRoute();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
