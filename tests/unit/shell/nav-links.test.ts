import { describe, expect, it } from "vitest";
import { buildActor, type RoleGrant } from "@/domain/access/policy";
import { navLinksFor } from "@/features/shell/nav-links";

function labelsFor(...grants: RoleGrant[]): string[] {
  const actor = buildActor({ id: "p", email: "p@example.com", name: "P" }, grants, new Map());
  return navLinksFor(actor).map((link) => link.label);
}

describe("header links", () => {
  it("shows a signed-out visitor only the playbook", () => {
    expect(navLinksFor(null).map((link) => link.label)).toEqual(["Playbook"]);
  });

  it("gives the head of engineering cycles, the organisation and plans", () => {
    expect(labelsFor({ role: "head_of_engineering", teamId: null, orgUnitId: null })).toEqual([
      "Overview",
      "Cycles",
      "Organisation",
      "Plans",
      "Playbook",
    ]);
  });

  it("gives a coach the cycles page, where they remind their teams", () => {
    expect(labelsFor({ role: "coach", teamId: null, orgUnitId: "unit" })).toEqual([
      "Overview",
      "Cycles",
      "Organisation",
      "Plans",
      "Playbook",
    ]);
  });

  it("gives a team lead their team and the playbook, not the cycles page", () => {
    expect(labelsFor({ role: "team_lead", teamId: "team", orgUnitId: null })).toEqual([
      "Overview",
      "My team",
      "Playbook",
    ]);
  });
});
