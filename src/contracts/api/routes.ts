/**
 * Every route of the read-only API, described once: its path, what it answers and which query
 * parameters it takes. The OpenAPI document is generated from this list, and a test checks that it
 * names exactly the route handlers under app/api/v1.
 */
import type { z } from "zod";
import {
  cyclePageSchema,
  emptyQuerySchema,
  heatmapQuerySchema,
  heatmapSchema,
  openApiDocumentSchema,
  orgUnitPageSchema,
  pageQuerySchema,
  planItemPageSchema,
  resultSummaryPageSchema,
  teamPageSchema,
  teamResultSchema,
  teamSchema,
} from "./schemas";

export interface ApiPathParameter {
  name: string;
  description: string;
  example: string;
}

export interface ApiRoute {
  /** Relative to /api/v1, with OpenAPI's {braces} for path parameters. */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: "Organisation" | "Results" | "Plans" | "Reference";
  pathParameters: ApiPathParameter[];
  query: z.ZodObject;
  response: z.ZodType;
  /** The answer is a page of a list, with a nextCursor. */
  paginated: boolean;
  /** Anyone may call it: no token, no rate limit (the document describing the API). */
  public?: boolean;
}

const TEAM: ApiPathParameter = {
  name: "team",
  description: "The team's slug, as in its page's address",
  example: "checkout",
};
const CYCLE: ApiPathParameter = {
  name: "cycle",
  description: "The cycle's key: year-quarter",
  example: "2026-q4",
};

export const API_ROUTES: readonly ApiRoute[] = [
  {
    path: "/teams",
    operationId: "listTeams",
    summary: "Teams you may read",
    description:
      "Every team the token's person may read, archived ones included, ordered by slug. Heads of engineering and admins read every team; coaches the teams of the units they coach; leads and members their own teams.",
    tag: "Organisation",
    pathParameters: [],
    query: pageQuerySchema,
    response: teamPageSchema,
    paginated: true,
  },
  {
    path: "/teams/{team}",
    operationId: "getTeam",
    summary: "One team",
    description: "A team you may read; any other slug answers 404, whether or not the team exists.",
    tag: "Organisation",
    pathParameters: [TEAM],
    query: emptyQuerySchema,
    response: teamSchema,
    paginated: false,
  },
  {
    path: "/teams/{team}/results",
    operationId: "listTeamResults",
    summary: "A team's submitted results, newest first",
    description:
      "One entry per cycle in which the team submitted an assessment, with its headline, as on the team's page.",
    tag: "Results",
    pathParameters: [TEAM],
    query: pageQuerySchema,
    response: resultSummaryPageSchema,
    paginated: true,
  },
  {
    path: "/teams/{team}/results/{cycle}",
    operationId: "getTeamResult",
    summary: "A team's result in one cycle",
    description:
      "The stored result of the team's submitted assessment in the cycle, as its result page shows it: the headline, and per pitfall the score, band, confidence, triggered symptoms and ranked countermeasures. 404 when the team submitted nothing in that cycle.",
    tag: "Results",
    pathParameters: [TEAM, CYCLE],
    query: emptyQuerySchema,
    response: teamResultSchema,
    paginated: false,
  },
  {
    path: "/teams/{team}/plan-items",
    operationId: "listTeamPlanItems",
    summary: "A team's remediation plan items",
    description:
      "The items of the team's remediation plan, in the plan page's order, with owner, due date, status and the closed loop (the tracked pitfall's score when added and in the latest results).",
    tag: "Plans",
    pathParameters: [TEAM],
    query: pageQuerySchema,
    response: planItemPageSchema,
    paginated: true,
  },
  {
    path: "/org-units",
    operationId: "listOrgUnits",
    summary: "Org units you may read",
    description:
      "Heads of engineering and admins read every org unit; coaches the units they coach (and those inside them); leads and members the units of their teams. Ordered by slug.",
    tag: "Organisation",
    pathParameters: [],
    query: pageQuerySchema,
    response: orgUnitPageSchema,
    paginated: true,
  },
  {
    path: "/cycles",
    operationId: "listCycles",
    summary: "Assessment cycles, newest first",
    description: "Every cycle, planned, open or closed. Any person with a token may list them.",
    tag: "Organisation",
    pathParameters: [],
    query: pageQuerySchema,
    response: cyclePageSchema,
    paginated: true,
  },
  {
    path: "/heatmap",
    operationId: "getHeatmap",
    summary: "The organisation heatmap",
    description:
      "Teams × pitfalls for one cycle (the latest started one when cycle is left out), grouped by org unit, riskier teams first, as /org shows it. For heads of engineering and admins (every team) and coaches (the teams of their units); 404 for anyone else. A cycle that has not started or a unit you may not read answers 404.",
    tag: "Organisation",
    pathParameters: [],
    query: heatmapQuerySchema,
    response: heatmapSchema,
    paginated: false,
  },
  {
    path: "/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 description of the API. Needs no token.",
    tag: "Reference",
    pathParameters: [],
    query: emptyQuerySchema,
    response: openApiDocumentSchema,
    paginated: false,
    public: true,
  },
];
