import "server-only";
import { cycleName } from "@/domain/cycles/cycle-ref";
import { parseResultRef } from "@/contracts/assessments/paths";
import { authorizeTeamBySlug } from "../auth/authorize";
import { getCurrentActor } from "../auth/session";
import { db } from "../db";

/**
 * Browser titles of the team pages, e.g. "Checkout · Team dashboard" (the layout adds
 * "· Pitfall Radar"). The team's name is shown only to people who may read the team; anyone else,
 * and any address that leads nowhere, gets "Not found", the title of the page they will see.
 */
export const NOT_FOUND_TITLE = "Not found";

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readableTeam(slug: string) {
  const actor = await getCurrentActor();
  if (!actor) return null;
  try {
    return await authorizeTeamBySlug(actor, "team:read", decoded(slug));
  } catch {
    return null;
  }
}

export async function teamPageTitle(slug: string, page: string): Promise<string> {
  const team = await readableTeam(slug);
  return team ? `${team.name} · ${page}` : NOT_FOUND_TITLE;
}

/** "Checkout · 2026 Q4 result", or "Not found" when the team has no submitted result for that cycle. */
export async function resultPageTitle(slug: string, ref: string): Promise<string> {
  const team = await readableTeam(slug);
  if (!team) return NOT_FOUND_TITLE;
  const parsed = parseResultRef(decoded(ref));
  const assessment = await db.assessment.findFirst({
    where: {
      teamId: team.id,
      submittedAt: { not: null },
      ...("assessmentId" in parsed
        ? { id: parsed.assessmentId }
        : { cycle: { year: parsed.year, quarter: parsed.quarter } }),
    },
    select: { cycle: { select: { year: true, quarter: true } } },
  });
  return assessment ? `${team.name} · ${cycleName(assessment.cycle)} result` : NOT_FOUND_TITLE;
}
