import "server-only";
import { z } from "zod";
import { listOfValid } from "@/domain/results/stored-json";

/**
 * The parts of a stored PitfallResult.detail the result page shows. Stored JSON is read
 * defensively: a detail written by another method version still shows its score, just without
 * the parts that no longer parse.
 */
const answerValue = z.union([z.number(), z.string(), z.boolean()]);

const contribution = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("question"),
    questionId: z.string(),
    /** Absent in results stored before method 2, which only ever held values. */
    answer: z.enum(["value", "dontKnow", "contradiction"]).optional(),
    /** Null for a "don't know" that counts as evidence. */
    value: answerValue.nullable(),
    share: z.number(),
    points: z.number(),
    /** Method 5 onwards: false for an answer that is no sign of the pitfall on its own. */
    triggers: z.boolean().optional().catch(undefined),
  }),
  z.object({
    source: z.literal("context-rule"),
    ruleId: z.string(),
    explanation: z.string(),
    share: z.number(),
    points: z.number(),
  }),
]);

const triggeredSymptom = z.object({
  symptomId: z.string(),
  title: z.string(),
  /** Method 5 onwards: every piece of evidence behind it is a "don't know". */
  suspected: z.boolean().optional().catch(undefined),
});

const countermeasure = z.object({
  countermeasureId: z.string(),
  action: z.string(),
  rationale: z.string(),
  riskRemoved: z.number(),
});

const finding = z.object({
  ruleId: z.string(),
  explanation: z.string(),
  floor: z.enum(["medium", "high", "critical"]),
});

const resultDetail = z.object({
  /** Method 2 onwards: the weighted average before a finding's floor, and the findings that fired. */
  averageScore: z.number().nullable().catch(null).optional(),
  /** Method 5 onwards: every risk behind the score is a "don't know". */
  dontKnowOnly: z.boolean().optional().catch(undefined),
  findings: listOfValid(finding).optional(),
  contradictions: z.array(z.string()).catch([]).optional(),
  contributions: listOfValid(contribution),
  triggeredSymptoms: listOfValid(triggeredSymptom),
  countermeasures: listOfValid(countermeasure),
});

export type ResultDetail = z.output<typeof resultDetail>;

export function parseResultDetail(text: string): ResultDetail {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = {};
  }
  const parsed = resultDetail.safeParse(json ?? {});
  return parsed.success ? parsed.data : { contributions: [], triggeredSymptoms: [], countermeasures: [] };
}

/** The band names a finding can hold a pitfall at, as the result page writes them. */
export function floorLabel(floor: "medium" | "high" | "critical"): string {
  return floor === "critical" ? "Critical" : floor === "high" ? "High" : "Medium";
}
