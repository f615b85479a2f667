import { apiRoute } from "@/server/api/api-route";
import { getApiTeam } from "@/server/api/organisation";

/** GET /api/v1/teams/<team> — one team the token's person may read. */
export const GET = apiRoute("/teams/{team}", ({ actor, params }) => getApiTeam(actor, params.team!));
