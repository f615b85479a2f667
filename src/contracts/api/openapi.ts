/**
 * The OpenAPI 3.1 document of the read-only API, generated from the zod schemas the handlers answer
 * with (schemas.ts) and the route list (routes.ts). JSON Schema 2020-12, which OpenAPI 3.1 uses,
 * comes from zod's own converter; nothing here is written by hand twice.
 */
import { z } from "zod";
import { API_ROUTES, type ApiRoute } from "./routes";
import { apiSchemas, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./schemas";
import { API_RATE_LIMIT, API_UNKNOWN_TOKEN_LIMIT } from "./limits";

export const API_BASE_PATH = "/api/v1";
export const API_VERSION = "1.0.0";

type JsonObject = Record<string, unknown>;

const COMPONENT_PREFIX = "#/components/schemas/";

function refTo(schema: z.ZodType): JsonObject {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error("Every API answer must be a named schema");
  return { $ref: `${COMPONENT_PREFIX}${id}` };
}

/** Each named schema as a component, without the $schema and $id a standalone JSON Schema carries. */
function componentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(apiSchemas, {
    target: "draft-2020-12",
    io: "output",
    uri: (id) => `${COMPONENT_PREFIX}${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as JsonObject;
      return [id, rest];
    }),
  );
}

/** The query parameters of a route, one per property of its strict query schema. */
function queryParameters(route: ApiRoute): JsonObject[] {
  const schema = z.toJSONSchema(route.query, { target: "draft-2020-12", io: "input" }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  const descriptions: Record<string, string> = {
    limit: `Items per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
    cursor: "The nextCursor of the previous page, as it was given; leave out for the first page",
    cycle: "The cycle's key, e.g. 2026-q4; the latest started cycle when left out",
    unit: "Only the teams of this org unit and of the units inside it (its slug)",
    band: "Only teams with a pitfall (or the headline) at least at this band",
    completion: "Only teams whose assessment in the cycle is at this stage",
  };
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: schema.required?.includes(name) ?? false,
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema: property,
  }));
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: `${COMPONENT_PREFIX}Problem` } } },
});

function operation(route: ApiRoute): JsonObject {
  const parameters = [
    ...route.pathParameters.map((parameter) => ({
      name: parameter.name,
      in: "path",
      required: true,
      description: parameter.description,
      schema: { type: "string" },
      example: parameter.example,
    })),
    ...queryParameters(route),
  ];
  const responses: JsonObject = {
    "200": { description: "OK", content: { "application/json": { schema: refTo(route.response) } } },
  };
  if (!route.public) {
    if (parameters.length > 0)
      responses["400"] = problem("A query parameter is malformed; errors names each one");
    responses["401"] = problem(
      "No token, or a token that is unknown, revoked or expired, or whose person was deactivated",
    );
    responses["404"] = problem("Not found, or not something the token's person may see");
    responses["429"] = {
      ...problem(
        `More than ${API_RATE_LIMIT.max} requests in a minute with this token, or more than ${API_UNKNOWN_TOKEN_LIMIT.max} with unknown tokens from this address in ${API_UNKNOWN_TOKEN_LIMIT.windowMs / 60_000} minutes`,
      ),
      headers: {
        "Retry-After": { description: "Seconds until the next window", schema: { type: "integer" } },
      },
    };
  }
  responses["500"] = problem("Something went wrong on the server; nothing was changed");
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    ...(route.public ? { security: [] } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    responses,
  };
}

/** The whole document, as /api/v1/openapi.json serves it. */
export function buildOpenApiDocument(): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of API_ROUTES) paths[route.path] = { get: operation(route) };
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: {
      title: "Pitfall Radar API",
      version: API_VERSION,
      summary: "Read-only access to teams, cycles, results, the heatmap and remediation plans",
      description:
        "Authenticate every request with a personal access token from your account page: `Authorization: Bearer prt_…`. A token sees exactly what its person sees on the pages. Lists are paginated with an opaque cursor; errors are RFC 9457 problem details.",
    },
    servers: [{ url: API_BASE_PATH }],
    security: [{ personalAccessToken: [] }],
    tags: [
      { name: "Organisation", description: "Teams, org units, cycles and the heatmap" },
      { name: "Results", description: "Submitted assessments' stored results" },
      { name: "Plans", description: "Remediation plans" },
      { name: "Reference", description: "This description" },
    ],
    paths,
    components: {
      securitySchemes: {
        personalAccessToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "prt_ followed by 43 characters",
          description: "A personal access token, created on your account page",
        },
      },
      schemas: componentSchemas(),
    },
  };
}
