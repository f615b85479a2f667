import type { PageQuery } from "@/contracts/api/schemas";
import { apiRoute } from "@/server/api/api-route";
import { listApiCycles } from "@/server/api/organisation";

/** GET /api/v1/cycles — every assessment cycle, newest first. */
export const GET = apiRoute<PageQuery>("/cycles", ({ query }) => listApiCycles(query));
