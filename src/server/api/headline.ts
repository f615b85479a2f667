import "server-only";
import { PITFALL_IDS, type PitfallId } from "@/domain/content/schema";
import { pitfallName } from "@/domain/plans/stored-rankings";
import type { TeamHeadline } from "@/domain/results/headline";
import type { ApiHeadline } from "@/contracts/api/schemas";

function isPitfallId(id: string): id is PitfallId {
  return (PITFALL_IDS as readonly string[]).includes(id);
}

/** A team's headline as the API writes it: the worst pitfalls by id and name. */
export function toApiHeadline(headline: TeamHeadline): ApiHeadline {
  return {
    band: headline.worstBand,
    highOrCriticalCount: headline.highOrCriticalCount,
    criticalCount: headline.criticalCount,
    worstPitfalls: headline.worstPitfalls.filter(isPitfallId).map((id) => ({ id, name: pitfallName(id) })),
    worstScore: headline.worstScore,
    namedBand: headline.namedBand,
    averageScore: headline.averageScore,
    scoredCount: headline.scoredCount,
    unscoredCount: headline.unscoredCount,
  };
}
