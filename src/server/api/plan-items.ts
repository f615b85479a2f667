import "server-only";
import type { Actor } from "@/domain/access/policy";
import type { ApiPage, ApiPlanItem, PageQuery } from "@/contracts/api/schemas";
import { getTeamPlan } from "../plans/queries";
import { pageOfList } from "./pagination";

/** A team's plan items, from the same read as the team's plan page. */
export async function listApiPlanItems(
  actor: Actor,
  teamSlug: string,
  query: PageQuery,
  now = new Date(),
): Promise<ApiPage<ApiPlanItem>> {
  const plan = await getTeamPlan(actor, teamSlug, now);
  const items: ApiPlanItem[] = plan.items.map((item) => ({
    id: item.id,
    countermeasure: { id: item.countermeasureId, action: item.action },
    pitfall: { id: item.pitfallId, name: item.pitfallName },
    rationale: item.rationale,
    status: item.status,
    owner: item.owner ? { name: item.owner.name, email: item.owner.email } : null,
    dueOn: item.dueOn,
    overdue: item.overdue,
    droppedReason: item.droppedReason,
    notes: item.notes,
    addedAt: item.addedAt,
    completedAt: item.completedAt,
    addedInCycle: item.addedInCycle,
    closedLoop: {
      scoreWhenAdded: item.closedLoop.scoreWhenAdded,
      latestScore: item.closedLoop.latestScore,
      latestCycle: item.closedLoop.latestCycle,
      outcome: item.outcome,
      text: item.closedLoop.text,
    },
  }));
  return pageOfList("plan-items", items, query, (item) => item.id);
}
