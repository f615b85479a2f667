import type { ReactNode } from "react";
import { API_RATE_LIMIT, API_UNKNOWN_TOKEN_LIMIT } from "@/contracts/api/limits";
import { API_BASE_PATH } from "@/contracts/api/openapi";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/contracts/api/schemas";
import { TOKEN_PREFIX } from "@/contracts/api/tokens";
import { PageHeader } from "@/ui/page-header";
import { SectionCard } from "@/ui/section-card";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/ui/table";
import { TextLink } from "@/ui/text-link";
import { TERM_GRID_COLUMNS } from "@/ui/term-grid";

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: Json;
}

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: Json }> }>;
  security?: unknown[];
}

const REF = "#/components/schemas/";

function schemaAnchor(name: string): string {
  return `schema-${name}`;
}

/** A JSON Schema's type in a few words, with links to named schemas. */
function TypeOf({ schema }: { schema: Json }): ReactNode {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.slice(REF.length);
    return (
      <a href={`#${schemaAnchor(name)}`} className="text-blue-800 underline underline-offset-4">
        {name}
      </a>
    );
  }
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf as Json[];
    return options.map((option, index) => (
      <span key={index}>
        {index > 0 ? " or " : null}
        <TypeOf schema={option} />
      </span>
    ));
  }
  if (Array.isArray(schema.enum))
    return `one of ${(schema.enum as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [String(schema.type ?? "any")];
  return types
    .map((type) => {
      if (type === "array" && schema.items) return null;
      if (type === "string" && typeof schema.format === "string") return `string (${schema.format})`;
      return type;
    })
    .map((text, index) =>
      text === null ? (
        <span key={index}>
          {index > 0 ? " or " : null}array of <TypeOf schema={schema.items as Json} />
        </span>
      ) : (
        <span key={index}>
          {index > 0 ? " or " : null}
          {text}
        </span>
      ),
    );
}

/** An object's fields, nested objects indented under their field. */
function Fields({ schema, depth = 0 }: { schema: Json; depth?: number }) {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return (
    <ul className={depth === 0 ? "space-y-1" : "mt-1 space-y-1 border-l border-slate-200 pl-4"}>
      {Object.entries(properties).map(([name, property]) => (
        <li key={name} className="text-sm">
          <code className="font-mono font-semibold">{name}</code>
          {required.has(name) ? null : <span className="text-slate-600"> (optional)</span>}:{" "}
          <TypeOf
            schema={property.type === "object" && property.properties ? { type: "object" } : property}
          />
          {typeof property.description === "string" ? (
            <span className="text-slate-700"> — {property.description}</span>
          ) : null}
          {property.type === "object" && property.properties ? (
            <Fields schema={property} depth={depth + 1} />
          ) : null}
          {property.type === "array" && (property.items as Json | undefined)?.properties ? (
            <Fields schema={property.items as Json} depth={depth + 1} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function OperationCard({ path, operation }: { path: string; operation: Operation }) {
  const parameters = operation.parameters ?? [];
  return (
    <SectionCard
      id={`operation-${operation.operationId}`}
      headingLevel={3}
      title={
        <>
          <span className="mr-2 rounded bg-slate-800 px-2 py-0.5 font-mono text-sm text-white">GET</span>{" "}
          <code className="font-mono break-all">
            {API_BASE_PATH}
            {path}
          </code>
        </>
      }
      description={<p>{operation.summary}</p>}
    >
      <p className="text-sm">{operation.description}</p>
      {operation.security?.length === 0 ? <p className="text-sm">No token needed.</p> : null}
      {parameters.length > 0 ? (
        <Table caption={`Parameters of ${path}`} captionHidden>
          <TableHead>
            <Tr>
              <Th>Parameter</Th>
              <Th>In</Th>
              <Th>Type</Th>
              <Th>Meaning</Th>
            </Tr>
          </TableHead>
          <TableBody>
            {parameters.map((parameter) => (
              <Tr key={`${parameter.in}-${parameter.name}`}>
                <Th scope="row">
                  <code className="font-mono">{parameter.name}</code>
                  {parameter.required ? null : (
                    <span className="font-normal text-slate-600"> (optional)</span>
                  )}
                </Th>
                <Td>{parameter.in}</Td>
                <Td>
                  <TypeOf schema={parameter.schema} />
                </Td>
                <Td>{parameter.description}</Td>
              </Tr>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <dl className={`grid ${TERM_GRID_COLUMNS} gap-x-4 gap-y-1 text-sm`}>
        {Object.entries(operation.responses).map(([status, response]) => {
          const schema = Object.values(response.content ?? {})[0]?.schema;
          return (
            <div key={status} className="contents">
              <dt className="font-mono font-semibold">{status}</dt>
              <dd>
                {response.description}
                {schema ? (
                  <>
                    {" "}
                    (<TypeOf schema={schema} />)
                  </>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    </SectionCard>
  );
}

const PROBLEMS: { id: string; status: number; meaning: string }[] = [
  {
    id: "bad-request",
    status: 400,
    meaning:
      "A query parameter is malformed or unknown, or a cursor was not given out for this list. errors names each parameter.",
  },
  {
    id: "unauthorized",
    status: 401,
    meaning: "No token, or one that is unknown, revoked or expired, or whose person was deactivated.",
  },
  { id: "forbidden", status: 403, meaning: "The person may see the item but not this use of it." },
  {
    id: "not-found",
    status: 404,
    meaning:
      "It does not exist, or the token's person may not see it: the two read the same, as on the pages.",
  },
  {
    id: "method-not-allowed",
    status: 405,
    meaning: "A method other than GET (or HEAD): the API is read-only. Allow lists the methods it answers.",
  },
  { id: "conflict", status: 409, meaning: "Not used by the read-only API; listed for completeness." },
  {
    id: "too-many-requests",
    status: 429,
    meaning: `More than ${API_RATE_LIMIT.max} requests in a minute with one token, or more than ${API_UNKNOWN_TOKEN_LIMIT.max} requests with unknown tokens from one address in ${API_UNKNOWN_TOKEN_LIMIT.windowMs / 60_000} minutes. Retry-After says how many seconds to wait.`,
  },
  {
    id: "internal-error",
    status: 500,
    meaning:
      "Something failed on the server. The answer never carries internal details; the server logs them.",
  },
];

/** The API reference, rendered on the server from the generated OpenAPI document. */
export function ApiReference({ document }: { document: Json }) {
  const paths = document.paths as Record<string, { get: Operation }>;
  const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
  return (
    <div className="space-y-8">
      <PageHeader
        title="API reference"
        description={
          <p>
            A read-only JSON API for dashboards, portals and scripts. The machine-readable description is{" "}
            {/* A JSON document, not a page: a plain link, outside the client router. */}
            <a
              href={`${API_BASE_PATH}/openapi.json`}
              className="text-blue-800 underline underline-offset-4 hover:text-blue-950"
            >
              {API_BASE_PATH}/openapi.json
            </a>{" "}
            (OpenAPI 3.1).
          </p>
        }
      />
      <SectionCard title="Authentication">
        <p>
          Create a personal access token under{" "}
          <TextLink href="/account#api-tokens-heading">API tokens</TextLink> on your account page and send it
          with every request as <code className="font-mono">Authorization: Bearer {TOKEN_PREFIX}…</code>. A
          token acts as you: it sees exactly what you see on the pages, with the roles you hold at the time of
          each request. It stops working when it expires, when you revoke it, or when your account is
          deactivated.
        </p>
        <pre className="overflow-x-auto rounded-md bg-slate-900 p-4 text-sm text-slate-50">
          <code>{`curl -H "Authorization: Bearer $PITFALL_RADAR_TOKEN" \\\n  https://radar.example.com${API_BASE_PATH}/teams?limit=20`}</code>
        </pre>
      </SectionCard>
      <SectionCard title="Pagination and rate limits">
        <p>
          Lists answer <code className="font-mono">{"{ data, nextCursor }"}</code>. Pass{" "}
          <code className="font-mono">nextCursor</code> back as <code className="font-mono">?cursor=</code>{" "}
          for the next page, until it is <code className="font-mono">null</code>.{" "}
          <code className="font-mono">limit</code> is 1 to {MAX_PAGE_SIZE} items a page, {DEFAULT_PAGE_SIZE}{" "}
          by default. Each token may make {API_RATE_LIMIT.max} requests a minute; every answer says how many
          are left in <code className="font-mono">X-RateLimit-Remaining</code>. After{" "}
          {API_UNKNOWN_TOKEN_LIMIT.max} requests with unknown tokens in{" "}
          {API_UNKNOWN_TOKEN_LIMIT.windowMs / 60_000} minutes, further unknown tokens from the same address
          get 429 until the window ends; valid tokens keep working.
        </p>
      </SectionCard>
      <section aria-labelledby="routes-heading" className="space-y-4">
        <h2 id="routes-heading" className="text-xl font-semibold">
          Routes
        </h2>
        {Object.entries(paths).map(([path, item]) => (
          <OperationCard key={path} path={path} operation={item.get} />
        ))}
      </section>
      <SectionCard title="Errors">
        <p>
          Every error is a problem details document (RFC 9457,{" "}
          <code className="font-mono">application/problem+json</code>) with{" "}
          <code className="font-mono">type</code>, <code className="font-mono">title</code>,{" "}
          <code className="font-mono">status</code> and <code className="font-mono">detail</code>.
        </p>
        <dl className="space-y-2 text-sm">
          {PROBLEMS.map((problem) => (
            <div key={problem.id} id={`problem-${problem.id}`}>
              <dt className="font-semibold">
                {problem.status} <code className="font-mono font-normal">/api-docs#problem-{problem.id}</code>
              </dt>
              <dd>{problem.meaning}</dd>
            </div>
          ))}
        </dl>
      </SectionCard>
      <section aria-labelledby="schemas-heading" className="space-y-4">
        <h2 id="schemas-heading" className="text-xl font-semibold">
          Schemas
        </h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <SectionCard
            key={name}
            id={schemaAnchor(name)}
            headingLevel={3}
            title={<code className="font-mono">{name}</code>}
            description={typeof schema.description === "string" ? <p>{schema.description}</p> : undefined}
          >
            {schema.properties ? (
              <Fields schema={schema} />
            ) : (
              <p className="text-sm">See the OpenAPI specification.</p>
            )}
          </SectionCard>
        ))}
      </section>
    </div>
  );
}
