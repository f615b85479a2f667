import type { PageQuery } from "@/contracts/api/schemas";
import { apiRoute } from "@/server/api/api-route";
import { listApiTeamResults } from "@/server/api/results";

/** GET /api/v1/teams/<team>/results — the team's submitted results, newest first. */
export const GET = apiRoute<PageQuery>("/teams/{team}/results", ({ actor, params, query }) =>
  listApiTeamResults(actor, params.team!, query),
);
