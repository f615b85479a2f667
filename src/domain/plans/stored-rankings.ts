/**
 * Reads the stored results of a submitted assessment (one PitfallResult row per pitfall, with its
 * detail JSON) into what plans and exports need: scores, triggered symptoms and the countermeasure
 * ranking across pitfalls. Stored JSON is read defensively: a detail written by another method
 * version still yields its score, just without the parts that no longer parse.
 */
import { z } from "zod";
import { PITFALL_IDS } from "../content/schema";
import { countermeasureById, pitfallById, pitfallOfSymptom } from "../content";
import {
  BAND_URGENCY,
  compareRemediation,
  leadingCountermeasureIds,
  type LeadingStepPitfall,
  withLeadingStepsFirst,
} from "../scoring/remediation-order";
import { decodeRiskBand, type RiskBand } from "../scoring/bands";
import { decodePitfallStatus, type PitfallStatus } from "../scoring/types";
import { showsFindings } from "../results/headline";
import { listOfValid } from "../results/stored-json";

export interface StoredResultRow {
  pitfallId: string;
  status: string;
  score: number | null;
  band: string | null;
  confidence: number;
  /** Whether anything was found for the pitfall; absent reads as found (see results/headline). */
  evidenceFound?: boolean;
  detail: string;
}

export interface SymptomRef {
  symptomId: string;
  title: string;
}

export interface TriggeredSymptomSummary extends SymptomRef {
  pitfallId: string;
  /** Score points carried by the evidence pointing at the symptom. */
  points: number;
  /** Every answer behind it is "don't know": suspected until the team finds out, not seen. */
  suspected: boolean;
}

export interface PitfallResultSummary {
  pitfallId: string;
  pitfallName: string;
  status: PitfallStatus;
  score: number | null;
  band: RiskBand | null;
  confidence: number;
  /**
   * Every point of the score comes from "don't know" answers (stored from method 5 on): finding
   * out comes first. False for a pitfall in band None or not scored.
   */
  dontKnowOnly: boolean;
  /** Whether anything was found for the pitfall: the headline names only such pitfalls. */
  evidenceFound?: boolean;
  triggeredSymptoms: TriggeredSymptomSummary[];
}

export interface CountermeasureForPitfall {
  pitfallId: string;
  pitfallName: string;
  /** The "so that" outcome for this pitfall. */
  rationale: string;
  /** Score points of this pitfall the countermeasure would remove. */
  riskRemoved: number;
  addresses: (SymptomRef & { triggered: boolean })[];
}

export interface RecommendedCountermeasure {
  countermeasureId: string;
  action: string;
  /** Risk removed across every pitfall it serves, one decimal. */
  totalRiskRemoved: number;
  /** Most risk removed first; the first is the pitfall a plan item added from it tracks. */
  pitfalls: CountermeasureForPitfall[];
}

const evidencePoints = z.array(z.object({ points: z.number() }).loose()).catch([]);

const storedSymptom = z.object({
  symptomId: z.string(),
  title: z.string(),
  answers: evidencePoints.optional(),
  contextRules: evidencePoints.optional(),
  suspected: z.boolean().optional().catch(undefined),
});

const storedCountermeasure = z.object({
  countermeasureId: z.string(),
  action: z.string(),
  rationale: z.string(),
  addresses: z.array(z.string()).catch([]),
  addressesTriggered: z.array(z.string()).catch([]),
  riskRemoved: z.number(),
});

const storedDetail = z.object({
  dontKnowOnly: z.boolean().optional().catch(undefined),
  triggeredSymptoms: listOfValid(storedSymptom).optional(),
  countermeasures: listOfValid(storedCountermeasure).optional(),
});

type StoredDetail = {
  dontKnowOnly: boolean;
  triggeredSymptoms: z.output<typeof storedSymptom>[];
  countermeasures: z.output<typeof storedCountermeasure>[];
};

export function parseStoredDetail(text: string): StoredDetail {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  const parsed = storedDetail.safeParse(json ?? {});
  if (!parsed.success) return { dontKnowOnly: false, triggeredSymptoms: [], countermeasures: [] };
  return {
    dontKnowOnly: parsed.data.dontKnowOnly === true,
    triggeredSymptoms: parsed.data.triggeredSymptoms ?? [],
    countermeasures: parsed.data.countermeasures ?? [],
  };
}

const roundOne = (value: number) => Math.round(value * 10) / 10;

export function pitfallName(pitfallId: string): string {
  return pitfallById(pitfallId)?.name ?? pitfallId;
}

export function symptomTitle(symptomId: string): string {
  return (
    pitfallOfSymptom(symptomId)?.symptoms.find((symptom) => symptom.id === symptomId)?.title ?? symptomId
  );
}

/** Content order of the pitfalls, so every view and export lists them the same way. */
const pitfallOrder = new Map<string, number>(PITFALL_IDS.map((id, index) => [id, index]));
const byPitfallOrder = (a: { pitfallId: string }, b: { pitfallId: string }) =>
  (pitfallOrder.get(a.pitfallId) ?? PITFALL_IDS.length) -
  (pitfallOrder.get(b.pitfallId) ?? PITFALL_IDS.length);

export interface StoredAssessmentReading {
  pitfalls: PitfallResultSummary[];
  recommendations: RecommendedCountermeasure[];
}

/**
 * Scores per pitfall in content order, and every countermeasure ranked across pitfalls in the
 * engine's order (the worst pitfall's and each Critical pitfall's own first step, then most urgent
 * first: risk removed weighted by the band of its pitfall). Countermeasures that would remove no
 * risk are kept, ranked last,
 * so a team can still plan them. A pitfall in band None (or not scored) shows no symptoms and no
 * countermeasure removes risk from it, whatever an older stored result lists.
 */
export function readStoredResults(rows: readonly StoredResultRow[]): StoredAssessmentReading {
  const pitfalls: PitfallResultSummary[] = [];
  const byCountermeasure = new Map<string, RecommendedCountermeasure>();
  const standings: LeadingStepPitfall[] = [];

  for (const row of [...rows].sort(byPitfallOrder)) {
    const detail = parseStoredDetail(row.detail);
    const name = pitfallName(row.pitfallId);
    const findings = showsFindings(row);
    pitfalls.push({
      pitfallId: row.pitfallId,
      pitfallName: name,
      status: decodePitfallStatus(row.status) ?? "scored",
      score: row.score,
      band: decodeRiskBand(row.band),
      confidence: row.confidence,
      dontKnowOnly: findings && detail.dontKnowOnly,
      evidenceFound: row.evidenceFound !== false,
      triggeredSymptoms: (findings ? detail.triggeredSymptoms : []).map((symptom) => ({
        pitfallId: row.pitfallId,
        symptomId: symptom.symptomId,
        title: symptom.title,
        points: roundOne(
          [...(symptom.answers ?? []), ...(symptom.contextRules ?? [])].reduce(
            (sum, entry) => sum + entry.points,
            0,
          ),
        ),
        suspected: symptom.suspected === true,
      })),
    });
    standings.push({
      band: findings ? decodeRiskBand(row.band) : null,
      score: row.score,
      countermeasures: findings ? detail.countermeasures : [],
    });
    for (const countermeasure of detail.countermeasures) {
      const entry = byCountermeasure.get(countermeasure.countermeasureId) ?? {
        countermeasureId: countermeasure.countermeasureId,
        action: countermeasure.action,
        totalRiskRemoved: 0,
        pitfalls: [],
      };
      const triggered = new Set(findings ? countermeasure.addressesTriggered : []);
      const riskRemoved = findings ? countermeasure.riskRemoved : 0;
      entry.pitfalls.push({
        pitfallId: row.pitfallId,
        pitfallName: name,
        rationale: countermeasure.rationale,
        riskRemoved: roundOne(riskRemoved),
        addresses: countermeasure.addresses.map((symptomId) => ({
          symptomId,
          title: symptomTitle(symptomId),
          triggered: triggered.has(symptomId),
        })),
      });
      entry.totalRiskRemoved = roundOne(entry.totalRiskRemoved + riskRemoved);
      byCountermeasure.set(countermeasure.countermeasureId, entry);
    }
  }

  const recommendations = [...byCountermeasure.values()];
  const bandOf = new Map(pitfalls.map((pitfall) => [pitfall.pitfallId, pitfall.band]));
  const orderKey = new Map(
    recommendations.map((recommendation) => [
      recommendation.countermeasureId,
      {
        countermeasureId: recommendation.countermeasureId,
        totalRiskRemoved: recommendation.totalRiskRemoved,
        urgency: roundOne(
          recommendation.pitfalls.reduce(
            (sum, entry) => sum + entry.riskRemoved * BAND_URGENCY[bandOf.get(entry.pitfallId) ?? "none"],
            0,
          ),
        ),
        effort: countermeasureById(recommendation.countermeasureId)?.effort ?? "medium",
      },
    ]),
  );
  for (const recommendation of recommendations) {
    recommendation.pitfalls.sort((a, b) => b.riskRemoved - a.riskRemoved || byPitfallOrder(a, b));
  }
  // The engine's order: the first recommendation works on the team's worst pitfall.
  recommendations.sort((a, b) =>
    compareRemediation(orderKey.get(a.countermeasureId)!, orderKey.get(b.countermeasureId)!),
  );
  return {
    pitfalls,
    recommendations: withLeadingStepsFirst(recommendations, leadingCountermeasureIds(standings)),
  };
}

/** Triggered symptoms across every pitfall, the ones carrying most score points first. */
export function topSymptoms(
  pitfalls: readonly PitfallResultSummary[],
  limit: number,
): TriggeredSymptomSummary[] {
  return pitfalls
    .flatMap((pitfall) => pitfall.triggeredSymptoms)
    .sort((a, b) => b.points - a.points || a.title.localeCompare(b.title))
    .slice(0, limit);
}

/** The score of one pitfall in a reading, or null when it was not scored. */
export function scoreOfPitfall(pitfalls: readonly PitfallResultSummary[], pitfallId: string): number | null {
  const pitfall = pitfalls.find((entry) => entry.pitfallId === pitfallId);
  return pitfall && pitfall.status === "scored" ? pitfall.score : null;
}
