/**
 * Reading a team's stored results back: the explanation JSON kept with each pitfall result, the
 * remediation steps ranked across pitfalls, and the words for a team's percentile.
 */
import { z } from "zod";
import { countermeasureById } from "../content";
import type { PitfallId } from "../content/schema";
import type { RiskBand } from "../scoring/bands";
import {
  BAND_URGENCY,
  compareRemediation,
  leadingCountermeasureIds,
  type RemediationOrderKey,
  withLeadingStepsFirst,
} from "../scoring/remediation-order";

const answerValueSchema = z.union([z.number(), z.string(), z.boolean()]);

const questionContributionSchema = z.looseObject({
  source: z.literal("question"),
  questionId: z.string(),
  /** Absent in results stored before method 2, which only ever held values. */
  answer: z.enum(["value", "dontKnow", "contradiction"]).optional(),
  /** Null for a "don't know" that counts as evidence. */
  value: answerValueSchema.nullable(),
  risk: z.number(),
  weight: z.number(),
  points: z.number(),
  share: z.number(),
  /** Method 5 onwards: false for an answer that is no sign of the pitfall on its own. */
  triggers: z.boolean().optional().catch(undefined),
});

const contextRuleContributionSchema = z.looseObject({
  source: z.literal("context-rule"),
  ruleId: z.string(),
  explanation: z.string(),
  risk: z.number(),
  weight: z.number(),
  points: z.number(),
  share: z.number(),
});

const evidenceSchema = z.looseObject({
  questions: z.number(),
  answered: z.number(),
  dontKnow: z.number(),
  notApplicable: z.number(),
  unanswered: z.number(),
  /** Method 2 onwards: the "don't know" answers that count as evidence (included in `dontKnow`). */
  dontKnowAsEvidence: z.number().optional().catch(undefined),
});

const countermeasureRankingSchema = z.looseObject({
  countermeasureId: z.string(),
  action: z.string(),
  rationale: z.string(),
  addressesTriggered: z.array(z.string()).catch([]),
  riskRemoved: z.number(),
});

const findingSchema = z.looseObject({
  ruleId: z.string(),
  explanation: z.string(),
  floor: z.enum(["medium", "high", "critical"]),
});

const storedDetailSchema = z.object({
  /** Method 2 onwards: the weighted average before a finding's floor, and the findings that fired. */
  averageScore: z.number().nullable().catch(null).default(null),
  /** Method 5 onwards: every risk behind the score is a "don't know"; false when not stored. */
  dontKnowOnly: z.boolean().catch(false).default(false),
  findings: z.array(findingSchema).catch([]).default([]),
  evidence: evidenceSchema.nullable().catch(null),
  contributions: z
    .array(z.discriminatedUnion("source", [questionContributionSchema, contextRuleContributionSchema]))
    .catch([]),
  triggeredSymptoms: z
    .array(
      z.looseObject({
        symptomId: z.string(),
        title: z.string(),
        /** Method 5 onwards: every piece of evidence behind it is a "don't know". */
        suspected: z.boolean().catch(false).default(false),
      }),
    )
    .catch([]),
  triggeredCauses: z
    .array(
      z.looseObject({
        causeId: z.string(),
        text: z.string(),
        /** Method 6 onwards: every piece of evidence behind it is a "don't know". */
        suspected: z.boolean().catch(false).default(false),
      }),
    )
    .catch([]),
  countermeasures: z.array(countermeasureRankingSchema).catch([]),
});

export type StoredDetail = z.infer<typeof storedDetailSchema>;
export type StoredContribution = StoredDetail["contributions"][number];
export type StoredCountermeasure = StoredDetail["countermeasures"][number];

const EMPTY_DETAIL: StoredDetail = {
  averageScore: null,
  dontKnowOnly: false,
  findings: [],
  evidence: null,
  contributions: [],
  triggeredSymptoms: [],
  triggeredCauses: [],
  countermeasures: [],
};

/**
 * Parses a PitfallResult.detail column. A result written by an older method version, or damaged,
 * yields an empty explanation rather than a broken page: the score itself is in its own columns.
 */
export function parseStoredDetail(json: string): StoredDetail {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return EMPTY_DETAIL;
  }
  const parsed = storedDetailSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_DETAIL;
}

export interface RemediationStep {
  countermeasureId: string;
  action: string;
  /** Why it helps, for the pitfall it helps most. */
  rationale: string;
  /** The pitfall it removes most risk from: where the playbook link points. */
  pitfallId: PitfallId;
  /** Every pitfall it removes risk from, most first. */
  pitfallIds: PitfallId[];
  /** Score points it would remove across those pitfalls. */
  totalRiskRemoved: number;
}

/**
 * Countermeasures ranked across every pitfall of an assessment in the engine's order: the worst
 * pitfall's own first step and each other Critical pitfall's first, then most urgent first (risk
 * removed weighted by the band of its pitfall). A countermeasure serving two pitfalls appears once,
 * crediting both.
 */
export function topRemediationSteps(
  pitfalls: readonly {
    pitfallId: PitfallId;
    band: RiskBand | null;
    score: number | null;
    /** Every sign is a "don't know": within a band, confirmed pitfalls lead (see remediation-order). */
    dontKnowOnly?: boolean;
    countermeasures: readonly StoredCountermeasure[];
  }[],
  limit = 3,
): RemediationStep[] {
  const byId = new Map<
    string,
    { entries: { pitfallId: PitfallId; ranking: StoredCountermeasure }[]; total: number; urgency: number }
  >();
  for (const pitfall of pitfalls) {
    for (const ranking of pitfall.countermeasures) {
      if (ranking.riskRemoved <= 0) continue;
      let entry = byId.get(ranking.countermeasureId);
      if (!entry) byId.set(ranking.countermeasureId, (entry = { entries: [], total: 0, urgency: 0 }));
      entry.entries.push({ pitfallId: pitfall.pitfallId, ranking });
      entry.total += ranking.riskRemoved;
      entry.urgency += ranking.riskRemoved * BAND_URGENCY[pitfall.band ?? "none"];
    }
  }
  const steps: (RemediationStep & RemediationOrderKey)[] = [];
  for (const [countermeasureId, { entries, total, urgency }] of byId) {
    entries.sort((a, b) => b.ranking.riskRemoved - a.ranking.riskRemoved);
    const best = entries[0]!;
    steps.push({
      countermeasureId,
      action: best.ranking.action,
      rationale: best.ranking.rationale,
      pitfallId: best.pitfallId,
      pitfallIds: entries.map((entry) => entry.pitfallId),
      totalRiskRemoved: Math.round(total * 10) / 10,
      urgency: Math.round(urgency * 10) / 10,
      effort: countermeasureById(countermeasureId)?.effort ?? "medium",
    });
  }
  steps.sort(compareRemediation);
  const leading = leadingCountermeasureIds(
    pitfalls.map((pitfall) => ({
      band: pitfall.band,
      score: pitfall.score,
      dontKnowOnly: pitfall.dontKnowOnly,
      countermeasures: pitfall.countermeasures,
    })),
  );
  return withLeadingStepsFirst(steps, leading)
    .slice(0, limit)
    .map(({ urgency: _urgency, effort: _effort, ...step }) => step);
}

/**
 * The percentile worth showing: null when the pitfall was not scored for the team, and when no
 * other team was scored on it (the engine then gives 50, which compares with nobody).
 * `scoredTeams` counts the teams scored on the pitfall in the cycle, this one included.
 */
export function shownPercentile(percentile: number | null, scoredTeams: number): number | null {
  return percentile === null || scoredTeams < 2 ? null : percentile;
}

/**
 * A team's percentile on a pitfall is the share of the organisation's other teams scored on that
 * pitfall that cycle with a lower risk score, ties counted half: 80 means riskier than 80% of them.
 * Teams with the pitfall not assessed or without enough answers are no part of it, so the sentence
 * names how many teams it compares with (`scoredTeams`, this one included).
 */
export function percentileSentence(percentile: number | null, scoredTeams: number): string {
  if (percentile === null) return "No percentile: this pitfall was not scored for the team.";
  const others = scoredTeams - 1;
  if (others < 1) return "No percentile: no other team was scored on this pitfall.";
  const rounded = Math.round(percentile);
  if (others === 1) {
    if (rounded === 50) return "As risky as the one other team scored on this pitfall";
    return `${rounded > 50 ? "Riskier" : "Less risky"} than the one other team scored on this pitfall`;
  }
  const group = `the ${others} other teams scored on this pitfall`;
  if (rounded >= 50) return `Riskier than ${rounded}% of ${group}`;
  return `Less risky than ${100 - rounded}% of ${group}`;
}

export function percentFormat(share: number | null): string {
  return share === null ? "–" : `${Math.round(share * 100)}%`;
}
