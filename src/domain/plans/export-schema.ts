/**
 * The JSON export of remediation plans, defined once in zod: the export builder's output type, the
 * shape documented in docs/exports.md, and what tests validate exports against. Every other export
 * format (Markdown, CSV for Jira, PDF) is rendered from these same objects.
 *
 * People appear only as a plan item's owner (name and email): who answered what, who added an item
 * or who is a member of a team is never exported.
 */
import { z } from "zod";
import { RISK_BANDS } from "../scoring/bands";
import { TOP_RECOMMENDATIONS_PER_TEAM } from "./common-countermeasures";
import { PLAN_ITEM_STATUSES } from "./plan-item-rules";

/**
 * Bumped whenever a field changes meaning or is removed; adding a field does not bump it.
 * 2: `assessment.overallScore` and `overallBand` (the average of the scored pitfalls and the band
 * of that average) gave way to `assessment.headline`, led by the worst pitfall's band.
 */
export const EXPORT_SCHEMA_VERSION = 2;

const isoDay = z.iso.date();
const isoInstant = z.iso.datetime({ offset: true });
const score = z.number().min(0).max(100);

export const exportCycleSchema = z.object({
  /** e.g. "2026 Q3" */
  name: z.string().min(1),
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  opensOn: isoDay,
  closesOn: isoDay,
});

export const exportSymptomSchema = z.object({
  symptomId: z.string().min(1),
  title: z.string().min(1),
});

export const exportPitfallResultSchema = z.object({
  pitfallId: z.string().min(1),
  pitfallName: z.string().min(1),
  status: z.enum(["scored", "not-assessed", "insufficient-evidence"]),
  /** 0-100, one decimal; null unless scored. Higher means more risk. */
  score: score.nullable(),
  band: z.enum(RISK_BANDS).nullable(),
  /** 0..1: how much of the applicable evidence was answered. */
  confidence: z.number().min(0).max(1),
  /**
   * Every point of the score comes from "don't know" answers: find out first. Added within
   * version 2, so a reader of an older file finds none (read as false).
   */
  dontKnowOnly: z.boolean().default(false),
  triggeredSymptoms: z.array(
    exportSymptomSchema.extend({
      points: z.number(),
      /** Every answer behind it is "don't know": suspected, not seen. Added within version 2. */
      suspected: z.boolean().default(false),
    }),
  ),
});

/**
 * A team's standing, the same object the API's results carry: the worst pitfall's band and the
 * number of pitfalls at High or Critical lead; the average is secondary and never decides the band.
 */
export const exportHeadlineSchema = z.object({
  /** The band of the worst scored pitfall; null when nothing is scored. */
  band: z.enum(RISK_BANDS).nullable(),
  highOrCriticalCount: z.number().int().min(0),
  criticalCount: z.number().int().min(0),
  /**
   * The pitfalls the headline names, highest score first: those with evidence found, at the worst
   * band any of them reaches (High and Critical always named); empty when none shows symptoms.
   */
  worstPitfalls: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) })),
  /** The score of the first of `worstPitfalls`; null when none is named. */
  worstScore: score.nullable(),
  /** The band of `worstPitfalls` (below `band` when nothing was found at it); absent in older files. */
  namedBand: z.enum(RISK_BANDS).nullable().optional(),
  /**
   * Every sign of the first of `worstPitfalls` is a "don't know": suspected, not seen, as the result
   * page's headline says. Exports only (the API's headline does not carry it); absent in older files.
   */
  worstSuspected: z.boolean().optional(),
  /** Mean of the scored pitfalls, one decimal: for comparison only. */
  averageScore: score.nullable(),
  scoredCount: z.number().int().min(0),
  /** Pitfalls not assessed or without enough evidence. */
  unscoredCount: z.number().int().min(0),
});

export const exportAssessmentSchema = z.object({
  status: z.enum(["submitted", "reopened"]),
  submittedAt: isoInstant.nullable(),
  headline: exportHeadlineSchema,
  /** One entry per pitfall, in playbook order. */
  pitfalls: z.array(exportPitfallResultSchema),
});

/** A countermeasure at the top of a team's ranking, without the detail per pitfall. */
export const exportTopRecommendationSchema = z.object({
  countermeasureId: z.string().min(1),
  action: z.string().min(1),
  totalRiskRemoved: z.number().min(0),
});

/**
 * For a team without a submitted assessment in the export's cycle: its latest result from an
 * earlier cycle, which the heatmap shows in its place. Never counted as the cycle's result.
 */
export const exportLastResultSchema = z.object({
  /** The cycle of that result, e.g. "2026 Q3". */
  cycle: z.string().min(1),
  status: z.enum(["submitted", "reopened"]),
  submittedAt: isoInstant.nullable(),
  headline: exportHeadlineSchema,
  /** The first countermeasures of its ranking that remove risk, most first. */
  topRecommendations: z.array(exportTopRecommendationSchema).max(TOP_RECOMMENDATIONS_PER_TEAM),
});

export const exportRecommendationSchema = z.object({
  countermeasureId: z.string().min(1),
  action: z.string().min(1),
  /** Score points it would remove across every pitfall it serves. */
  totalRiskRemoved: z.number().min(0),
  pitfalls: z.array(
    z.object({
      pitfallId: z.string().min(1),
      pitfallName: z.string().min(1),
      rationale: z.string(),
      riskRemoved: z.number().min(0),
      addresses: z.array(exportSymptomSchema.extend({ triggered: z.boolean() })),
    }),
  ),
});

export const exportClosedLoopSchema = z.object({
  scoreWhenAdded: score.nullable(),
  /** The cycle of the assessment the item was added from. */
  addedInCycle: z.string().nullable(),
  /** The pitfall's score in the export's cycle (or the latest submitted one before it). */
  latestScore: score.nullable(),
  latestCycle: z.string().nullable(),
  /** latestScore − scoreWhenAdded; null until both exist in different cycles, and across a scoring method change. */
  difference: z.number().nullable(),
  direction: z.enum(["down", "up", "unchanged"]).nullable(),
  /** e.g. "Excessive BAU: 62 → 41 (down 21) since 2026 Q2" */
  summary: z.string().min(1),
});

export const exportPlanItemSchema = z.object({
  id: z.string().min(1),
  countermeasureId: z.string().min(1),
  action: z.string().min(1),
  pitfallId: z.string().min(1),
  pitfallName: z.string().min(1),
  rationale: z.string(),
  addresses: z.array(exportSymptomSchema),
  status: z.enum(PLAN_ITEM_STATUSES),
  statusLabel: z.string().min(1),
  /** Set only while the status is "dropped". */
  droppedReason: z.string().nullable(),
  /** The owner's name, as people read it; null when nobody owns the item. */
  ownerName: z.string().min(1).nullable(),
  /** The owner's email, for tools that match people by it (Jira's assignee); null with no owner. */
  ownerEmail: z.email().nullable(),
  dueOn: isoDay.nullable(),
  overdue: z.boolean(),
  notes: z.string().nullable(),
  addedAt: isoInstant,
  completedAt: isoInstant.nullable(),
  closedLoop: exportClosedLoopSchema,
});

export const exportTeamSectionSchema = z.object({
  team: z.object({
    slug: z.string().min(1),
    name: z.string().min(1),
    orgUnit: z.object({ slug: z.string().min(1), name: z.string().min(1) }),
  }),
  /** The team's submitted assessment in the export's cycle; null when it has none. */
  assessment: exportAssessmentSchema.nullable(),
  /** Null when `assessment` is set, or when the team has no result in any earlier cycle either. */
  lastResult: exportLastResultSchema.nullable(),
  /** Countermeasures ranked for that assessment, most risk removed first (only those removing risk). */
  recommendations: z.array(exportRecommendationSchema),
  /** The plan as it stands when exported, most recently added last. */
  planItems: z.array(exportPlanItemSchema),
});

const exportHeader = z.object({
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  generatedAt: isoInstant,
  cycle: exportCycleSchema,
});

export const teamPlanExportSchema = exportHeader
  .extend({ kind: z.literal("team") })
  .extend(exportTeamSectionSchema.shape);

export const orgUnitPlanExportSchema = exportHeader.extend({
  kind: z.literal("orgUnit"),
  orgUnit: z.object({ slug: z.string().min(1), name: z.string().min(1) }),
  /** Every active team of the unit and of the units below it, by unit then team name. */
  teams: z.array(exportTeamSectionSchema),
});

export type ExportCycle = z.infer<typeof exportCycleSchema>;
export type ExportPitfallResult = z.infer<typeof exportPitfallResultSchema>;
export type ExportHeadline = z.infer<typeof exportHeadlineSchema>;
export type ExportAssessment = z.infer<typeof exportAssessmentSchema>;
export type ExportTopRecommendation = z.infer<typeof exportTopRecommendationSchema>;
export type ExportLastResult = z.infer<typeof exportLastResultSchema>;
export type ExportRecommendation = z.infer<typeof exportRecommendationSchema>;
export type ExportClosedLoop = z.infer<typeof exportClosedLoopSchema>;
export type ExportPlanItem = z.infer<typeof exportPlanItemSchema>;
export type ExportTeamSection = z.infer<typeof exportTeamSectionSchema>;
export type TeamPlanExport = z.infer<typeof teamPlanExportSchema>;
export type OrgUnitPlanExport = z.infer<typeof orgUnitPlanExportSchema>;
