/**
 * The read-only API's answers and query parameters, as zod schemas. The route handlers build their
 * answers to these types, the tests parse real answers with them, and the OpenAPI document is
 * generated from them (see openapi.ts), so the three cannot drift apart.
 */
import { z } from "zod";
import { ASSESSMENT_STATUSES, CYCLE_STATUSES } from "@/domain/assessments/statuses";
import { PITFALL_IDS } from "@/domain/content/schema";
import {
  BAND_FILTERS,
  COMPLETION_FILTERS,
  COMPLETION_STATUSES,
  HEATMAP_COLUMNS,
} from "@/domain/dashboards/heatmap";
import { PLAN_ITEM_STATUSES } from "@/domain/plans/plan-item-rules";
import { RISK_BANDS } from "@/domain/scoring/bands";
import { PITFALL_STATUSES } from "@/domain/scoring/types";

/** The named schemas: each becomes one entry of the OpenAPI document's components. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

// ---------------------------------------------------------------------------------------------
// Query parameters
// ---------------------------------------------------------------------------------------------

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const SLUG = /^[a-z0-9-]{1,120}$/;
const CYCLE_KEY = /^\d{4}-q[1-4]$/;

export const slugSchema = z.string().regex(SLUG, "Use the slug from the address, e.g. checkout");
export const cycleKeySchema = z
  .string()
  .toLowerCase()
  .regex(CYCLE_KEY, "Write the cycle as year-quarter, e.g. 2026-q4");

export const pageQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: `Give a whole number from 1 to ${MAX_PAGE_SIZE}` })
    .int(`Give a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .min(1, `Give a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} items a page`)
    .default(DEFAULT_PAGE_SIZE),
  cursor: z
    .string()
    .min(1, "Pass the nextCursor of the previous page as it was")
    .max(500, "Pass the nextCursor of the previous page as it was")
    .optional(),
});
export type PageQuery = z.output<typeof pageQuerySchema>;

export const heatmapQuerySchema = z.strictObject({
  cycle: cycleKeySchema.optional(),
  unit: slugSchema.optional(),
  band: z.enum(BAND_FILTERS).optional(),
  completion: z.enum(COMPLETION_FILTERS).optional(),
});
export type ApiHeatmapQuery = z.output<typeof heatmapQuerySchema>;

export const emptyQuerySchema = z.strictObject({});

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const riskBand = z
  .enum(RISK_BANDS)
  .meta({ description: "none < 10 ≤ low < 30 ≤ medium < 60 ≤ high < 80 ≤ critical" });
const score = z
  .number()
  .min(0)
  .max(100)
  .meta({ description: "0 = no sign of the pitfall, 100 = it dominates" });
const timestamp = z.string().meta({ format: "date-time", description: "ISO 8601, UTC" });
const day = z.string().meta({ format: "date", description: "YYYY-MM-DD" });

export const pitfallRefSchema = z
  .object({ id: z.enum(PITFALL_IDS), name: z.string() })
  .register(apiSchemas, { id: "PitfallRef" });

export const cycleRefSchema = z
  .object({
    key: z.string().meta({ description: "The cycle in addresses and query parameters, e.g. 2026-q4" }),
    name: z.string().meta({ description: "The cycle as people read it, e.g. 2026 Q4" }),
  })
  .register(apiSchemas, { id: "CycleRef" });

export const headlineSchema = z
  .object({
    band: riskBand
      .nullable()
      .meta({ description: "The band of the worst pitfall; null when nothing is scored" }),
    highOrCriticalCount: z.int().min(0),
    criticalCount: z.int().min(0),
    worstPitfalls: z.array(pitfallRefSchema).meta({
      description:
        "The pitfalls the headline names, highest score first: those with a symptom, cause, finding or next step found, at the worst band any of them reaches (High and Critical always named); empty when no pitfall shows symptoms",
    }),
    worstScore: score
      .nullable()
      .meta({ description: "The score of the first of worstPitfalls; null when none is named" }),
    namedBand: riskBand.nullable().meta({
      description:
        "The band of worstPitfalls: band, or lower when nothing was found at the worst band; null when none is named",
    }),
    averageScore: score
      .nullable()
      .meta({ description: "Mean of the scored pitfalls: for comparison only, it never decides the band" }),
    scoredCount: z.int().min(0),
    unscoredCount: z.int().min(0),
  })
  .register(apiSchemas, {
    id: "Headline",
    description: "A team's overall standing: the worst pitfall leads, the average is secondary",
  });

export const trendSchema = z
  .object({
    direction: z.enum(["up", "down", "steady"]),
    change: z
      .number()
      .meta({ description: "Whole score points; positive means more risk than in the previous cycle" }),
    since: z.string().meta({ description: "The previous cycle's name" }),
  })
  .register(apiSchemas, { id: "Trend" });

// ---------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------

export const orgUnitSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    parentSlug: z.string().nullable(),
    archived: z.boolean(),
  })
  .register(apiSchemas, { id: "OrgUnit" });

export const teamSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    orgUnit: z.object({ slug: z.string(), name: z.string() }),
    archived: z.boolean().meta({ description: "Archived teams are read-only and left off the heatmap" }),
  })
  .register(apiSchemas, { id: "Team" });

export const cycleSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    year: z.int(),
    quarter: z.int().min(1).max(4),
    status: z.enum(CYCLE_STATUSES),
    opensOn: day,
    dueOn: day,
  })
  .register(apiSchemas, { id: "Cycle" });

export const resultSummarySchema = z
  .object({
    cycle: cycleRefSchema,
    status: z
      .enum(ASSESSMENT_STATUSES)
      .meta({ description: "reopened: being changed again; the figures are those last submitted" }),
    submittedAt: timestamp.nullable(),
    headline: headlineSchema,
  })
  .register(apiSchemas, { id: "ResultSummary" });

export const countermeasureSchema = z
  .object({
    id: z.string(),
    action: z.string(),
    rationale: z.string(),
    riskRemoved: z.number().meta({ description: "Score points it would remove from this pitfall" }),
  })
  .register(apiSchemas, { id: "RankedCountermeasure" });

export const pitfallResultSchema = z
  .object({
    pitfall: pitfallRefSchema,
    status: z.enum(PITFALL_STATUSES),
    score: score.nullable(),
    band: riskBand.nullable(),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: "How much of the applicable evidence was answered" }),
    dontKnowOnly: z.boolean().meta({
      description:
        "Every point of the score comes from “don't know” answers: find out first, as the result page says. False in band None or when not scored. Added in v1 without a version change.",
    }),
    triggeredSymptoms: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        suspected: z.boolean().meta({
          description:
            "Every answer behind it is “don't know”: suspected, not seen, as the result page lists it. Added in v1 without a version change.",
        }),
      }),
    ),
    countermeasures: z
      .array(countermeasureSchema)
      .meta({
        description:
          "The next steps the result page shows, most urgent first: risk removed, weighted by the band of the pitfall it is removed from",
      }),
  })
  .register(apiSchemas, { id: "PitfallResult" });

export const teamResultSchema = z
  .object({
    team: z.object({ slug: z.string(), name: z.string() }),
    cycle: cycleRefSchema.extend({ status: z.enum(CYCLE_STATUSES) }),
    status: z.enum(ASSESSMENT_STATUSES),
    submittedAt: timestamp.nullable(),
    headline: headlineSchema,
    pitfalls: z.array(pitfallResultSchema),
  })
  .register(apiSchemas, { id: "TeamResult" });

const heatmapCellSchema = z
  .object({
    score: score.nullable(),
    band: riskBand.nullable(),
    status: z.enum([...PITFALL_STATUSES, "no-result"]),
    trend: trendSchema.nullable(),
  })
  .register(apiSchemas, { id: "HeatmapCell" });

const heatmapCells = z
  .object(
    Object.fromEntries(HEATMAP_COLUMNS.map((column) => [column, heatmapCellSchema])) as Record<
      (typeof HEATMAP_COLUMNS)[number],
      typeof heatmapCellSchema
    >,
  )
  .meta({
    description: "One cell per pitfall; overall carries the headline band and the average as its score",
  });

const completionCounts = z.object(
  Object.fromEntries(COMPLETION_STATUSES.map((status) => [status, z.int().min(0)])) as Record<
    (typeof COMPLETION_STATUSES)[number],
    z.ZodInt
  >,
);

export const heatmapSchema = z
  .object({
    cycle: cycleRefSchema.nullable().meta({ description: "Null before any cycle has started" }),
    previousCycle: cycleRefSchema.nullable(),
    totals: z.object({ teams: z.int().min(0), shownTeams: z.int().min(0), completion: completionCounts }),
    units: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        teamCount: z.int().min(0),
        completion: completionCounts,
        headline: z.object({
          worstBand: riskBand.nullable(),
          highOrCriticalTeams: z.int().min(0),
          averageScore: score.nullable(),
          scoredTeams: z.int().min(0),
        }),
        teams: z.array(
          z.object({
            slug: z.string(),
            name: z.string(),
            completion: z.enum(COMPLETION_STATUSES),
            headline: headlineSchema.nullable(),
            cells: heatmapCells,
          }),
        ),
      }),
    ),
  })
  .register(apiSchemas, { id: "Heatmap" });

export const planItemSchema = z
  .object({
    id: z.string(),
    countermeasure: z.object({ id: z.string(), action: z.string() }),
    pitfall: z.object({ id: z.string(), name: z.string() }),
    rationale: z.string(),
    status: z.enum(PLAN_ITEM_STATUSES),
    owner: z.object({ name: z.string(), email: z.string() }).nullable(),
    dueOn: day.nullable(),
    overdue: z.boolean(),
    droppedReason: z.string().nullable(),
    notes: z.string().nullable(),
    addedAt: timestamp,
    completedAt: timestamp.nullable(),
    addedInCycle: z.string().nullable(),
    closedLoop: z.object({
      scoreWhenAdded: score.nullable(),
      latestScore: score.nullable(),
      latestCycle: z.string().nullable(),
      outcome: z.enum(["improved", "worsened", "unchanged", "awaiting", "method-changed"]),
      text: z.string(),
    }),
  })
  .register(apiSchemas, { id: "PlanItem" });

/** A list answer: one page of items and the cursor of the next page (null on the last page). */
export function pageSchema<Item extends z.ZodType>(item: Item, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: "Pass as ?cursor= to get the next page; null on the last page" }),
    })
    .register(apiSchemas, { id });
}

export const teamPageSchema = pageSchema(teamSchema, "TeamPage");
export const orgUnitPageSchema = pageSchema(orgUnitSchema, "OrgUnitPage");
export const cyclePageSchema = pageSchema(cycleSchema, "CyclePage");
export const resultSummaryPageSchema = pageSchema(resultSummarySchema, "ResultSummaryPage");
export const planItemPageSchema = pageSchema(planItemSchema, "PlanItemPage");

/** RFC 9457 problem details: every error answer has this shape. */
export const problemSchema = z
  .object({
    type: z
      .string()
      .meta({ description: "A URI reference naming the kind of problem; see the API reference" }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: "For 400: the message of each bad query parameter" }),
  })
  .register(apiSchemas, { id: "Problem" });

/** The OpenAPI document itself, described loosely: its own format is the OpenAPI 3.1 specification. */
export const openApiDocumentSchema = z
  .object({ openapi: z.string() })
  .loose()
  .register(apiSchemas, { id: "OpenApiDocument", description: "An OpenAPI 3.1 document" });

export type ApiTeam = z.infer<typeof teamSchema>;
export type ApiOrgUnit = z.infer<typeof orgUnitSchema>;
export type ApiCycle = z.infer<typeof cycleSchema>;
export type ApiHeadline = z.infer<typeof headlineSchema>;
export type ApiResultSummary = z.infer<typeof resultSummarySchema>;
export type ApiTeamResult = z.infer<typeof teamResultSchema>;
export type ApiHeatmap = z.infer<typeof heatmapSchema>;
export type ApiPlanItem = z.infer<typeof planItemSchema>;
export type ApiProblem = z.infer<typeof problemSchema>;
export interface ApiPage<Item> {
  data: Item[];
  nextCursor: string | null;
}
