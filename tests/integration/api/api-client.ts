/**
 * Calls the API's real route handlers the way Next does: a Request with the caller's Authorization
 * header, and the route's params. Every handler module under app/api/v1, by its API path.
 */
import { randomBytes } from "node:crypto";
import { CLIENT_ADDRESS_HEADER } from "@/client-address";
import { db } from "@/server/db";
import { newTokenSecret } from "@/server/api/token-secret";
import * as cyclesRoute from "../../../app/api/v1/cycles/route";
import * as heatmapRoute from "../../../app/api/v1/heatmap/route";
import * as openApiRoute from "../../../app/api/v1/openapi.json/route";
import * as orgUnitsRoute from "../../../app/api/v1/org-units/route";
import * as planItemsRoute from "../../../app/api/v1/teams/[team]/plan-items/route";
import * as resultRoute from "../../../app/api/v1/teams/[team]/results/[cycle]/route";
import * as resultsRoute from "../../../app/api/v1/teams/[team]/results/route";
import * as teamRoute from "../../../app/api/v1/teams/[team]/route";
import * as teamsRoute from "../../../app/api/v1/teams/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Each route handler module by its file under the project root, and the API path it serves. */
export const API_ROUTE_MODULES: Record<string, { path: string; module: { GET: unknown } }> = {
  "app/api/v1/teams/route.ts": { path: "/teams", module: teamsRoute },
  "app/api/v1/teams/[team]/route.ts": { path: "/teams/{team}", module: teamRoute },
  "app/api/v1/teams/[team]/results/route.ts": { path: "/teams/{team}/results", module: resultsRoute },
  "app/api/v1/teams/[team]/results/[cycle]/route.ts": {
    path: "/teams/{team}/results/{cycle}",
    module: resultRoute,
  },
  "app/api/v1/teams/[team]/plan-items/route.ts": { path: "/teams/{team}/plan-items", module: planItemsRoute },
  "app/api/v1/org-units/route.ts": { path: "/org-units", module: orgUnitsRoute },
  "app/api/v1/cycles/route.ts": { path: "/cycles", module: cyclesRoute },
  "app/api/v1/heatmap/route.ts": { path: "/heatmap", module: heatmapRoute },
  "app/api/v1/openapi.json/route.ts": { path: "/openapi.json", module: openApiRoute },
};

/**
 * An address from the IPv6 documentation range, in a /64 of its own on every call (throttling counts
 * an IPv6 address by its /64).
 */
export function randomClientAddress(): string {
  return `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}::1`;
}

/**
 * Calls the handler of an API path such as "/teams/{team}" with its params filled in, an optional
 * query string and the token (or a raw Authorization header, or none), from an optional address.
 */
export async function callApi(
  path: string,
  options: {
    params?: Record<string, string>;
    query?: string;
    token?: string | null;
    authorization?: string;
    /** The client's address, as the app server resolves and passes it on. */
    address?: string;
  } = {},
): Promise<Response> {
  const entry = Object.values(API_ROUTE_MODULES).find((candidate) => candidate.path === path);
  if (!entry) throw new Error(`no route handler for ${path}`);
  const params = options.params ?? {};
  const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const headers = new Headers();
  if (options.authorization !== undefined) headers.set("authorization", options.authorization);
  else if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  // Each call comes from an address of its own unless one is given, so unknown tokens counted per
  // address in one test never decide another test's answer.
  headers.set(CLIENT_ADDRESS_HEADER, options.address ?? randomClientAddress());
  const request = new Request(
    `http://localhost/api/v1${concrete}${options.query ? `?${options.query}` : ""}`,
    { headers },
  );
  return (entry.module.GET as Handler)(request, { params: Promise.resolve(params) });
}

/** A token for the person, stored as the account page stores one; returns the secret. */
export async function issueToken(
  userId: string,
  options: { expiresAt?: Date; revokedAt?: Date | null; name?: string } = {},
): Promise<{ token: string; id: string }> {
  const secret = newTokenSecret();
  const row = await db.apiToken.create({
    data: {
      userId,
      name: options.name ?? "Test token",
      tokenHash: secret.hash,
      prefix: secret.prefix,
      expiresAt: options.expiresAt ?? new Date(Date.now() + 30 * 86_400_000),
      revokedAt: options.revokedAt ?? null,
    },
  });
  return { token: secret.token, id: row.id };
}
