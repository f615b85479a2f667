import type { PageQuery } from "@/contracts/api/schemas";
import { apiRoute } from "@/server/api/api-route";
import { listApiOrgUnits } from "@/server/api/organisation";

/** GET /api/v1/org-units — the org units the token's person may read. */
export const GET = apiRoute<PageQuery>("/org-units", ({ actor, query }) => listApiOrgUnits(actor, query));
