import type { PageQuery } from "@/contracts/api/schemas";
import { apiRoute } from "@/server/api/api-route";
import { listApiTeams } from "@/server/api/organisation";

/** GET /api/v1/teams — the teams the token's person may read. */
export const GET = apiRoute<PageQuery>("/teams", ({ actor, query }) => listApiTeams(actor, query));
