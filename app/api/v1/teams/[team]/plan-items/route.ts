import type { PageQuery } from "@/contracts/api/schemas";
import { apiRoute } from "@/server/api/api-route";
import { listApiPlanItems } from "@/server/api/plan-items";

/** GET /api/v1/teams/<team>/plan-items — the team's remediation plan items. */
export const GET = apiRoute<PageQuery>("/teams/{team}/plan-items", ({ actor, params, query }) =>
  listApiPlanItems(actor, params.team!, query),
);
