import "server-only";
import type { Actor } from "@/domain/access/policy";
import { cycleSlug } from "@/domain/cycles/cycle-ref";
import type { HeadlineView } from "@/domain/results/headline";
import type { ApiPage, ApiResultSummary, ApiTeamResult, PageQuery } from "@/contracts/api/schemas";
import { cycleKeySchema } from "@/contracts/api/schemas";
import { getAssessmentResult, getTeamOverview } from "../assessments/queries";
import { fieldErrorsOf, ValidationError } from "../errors";
import { toApiHeadline } from "./headline";
import { pageOfList } from "./pagination";

function headlineOf(view: HeadlineView) {
  const { worstPitfallNames: _names, ...headline } = view;
  return toApiHeadline(headline);
}

/** The team's submitted results, newest first, from the same read as the team's page. */
export async function listApiTeamResults(
  actor: Actor,
  teamSlug: string,
  query: PageQuery,
): Promise<ApiPage<ApiResultSummary>> {
  const overview = await getTeamOverview(actor, teamSlug);
  const results: ApiResultSummary[] = overview.history.map((entry) => ({
    cycle: { key: cycleSlug(entry.cycleName), name: entry.cycleName },
    status: entry.status,
    submittedAt: entry.submittedAt,
    headline: headlineOf(entry.overall.headline),
  }));
  return pageOfList("results", results, query, (result) => result.cycle.key);
}

/** One cycle's stored result, from the same read as the result page. */
export async function getApiTeamResult(
  actor: Actor,
  teamSlug: string,
  cycle: string,
): Promise<ApiTeamResult> {
  const key = cycleKeySchema.safeParse(cycle);
  if (!key.success) {
    const errors = {
      cycle: fieldErrorsOf(key.error).form ?? ["Write the cycle as year-quarter, e.g. 2026-q4"],
    };
    throw new ValidationError(`Bad cycle: ${errors.cycle.join(" ")}`, errors);
  }
  const result = await getAssessmentResult(actor, teamSlug, key.data);
  return {
    team: { slug: result.team.slug, name: result.team.name },
    cycle: { key: cycleSlug(result.cycle.name), name: result.cycle.name, status: result.cycle.status },
    status: result.assessment.status,
    submittedAt: result.assessment.submittedAt,
    headline: headlineOf(result.overall.headline),
    pitfalls: result.pitfalls.map((pitfall) => ({
      pitfall: { id: pitfall.pitfallId, name: pitfall.name },
      status: pitfall.status,
      score: pitfall.score,
      band: pitfall.band,
      confidence: pitfall.confidence,
      dontKnowOnly: pitfall.dontKnowOnly,
      triggeredSymptoms: pitfall.symptoms.map((symptom) => ({
        id: symptom.id,
        title: symptom.title,
        suspected: symptom.suspected,
      })),
      countermeasures: pitfall.nextSteps.map((step) => ({
        id: step.countermeasureId,
        action: step.action,
        rationale: step.rationale,
        riskRemoved: step.riskRemoved,
      })),
    })),
  };
}
