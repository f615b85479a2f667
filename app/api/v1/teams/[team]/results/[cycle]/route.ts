import { apiRoute } from "@/server/api/api-route";
import { getApiTeamResult } from "@/server/api/results";

/** GET /api/v1/teams/<team>/results/<cycle> — the team's stored result in one cycle. */
export const GET = apiRoute("/teams/{team}/results/{cycle}", ({ actor, params }) =>
  getApiTeamResult(actor, params.team!, params.cycle!),
);
