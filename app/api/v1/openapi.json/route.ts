import { buildOpenApiDocument } from "@/contracts/api/openapi";

/** GET /api/v1/openapi.json — the OpenAPI 3.1 document of the API, generated from its zod schemas. */
export function GET() {
  return Response.json(buildOpenApiDocument(), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
