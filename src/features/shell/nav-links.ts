import { can, type Actor } from "@/domain/access/policy";

export interface NavLink {
  href: string;
  label: string;
}

/** Links shown in the header; the UI only hides what the server would refuse anyway. */
export function navLinksFor(actor: Actor | null): NavLink[] {
  const links: NavLink[] = [];
  if (actor) links.push({ href: "/", label: "Overview" });
  if (actor && (actor.leadTeamIds.size > 0 || actor.memberTeamIds.size > 0)) {
    links.push({ href: "/team", label: "My team" });
  }
  // Coaches reach the cycles page for its reminder panel: nudging their teams is part of the job.
  if (actor && (can(actor, "cycle:manage", { type: "organisation" }) || actor.coachOrgUnitIds.size > 0)) {
    links.push({ href: "/cycles", label: "Cycles" });
  }
  if (
    actor &&
    (can(actor, "organisation:read", { type: "organisation" }) || actor.coachOrgUnitIds.size > 0)
  ) {
    links.push({ href: "/org", label: "Organisation" });
  }
  if (actor && (actor.isAdmin || actor.isHeadOfEngineering || actor.coachOrgUnitIds.size > 0)) {
    links.push({ href: "/plans", label: "Plans" });
  }
  links.push({ href: "/playbook", label: "Playbook" });
  if (actor && can(actor, "people:manage", { type: "organisation" })) {
    links.push({ href: "/admin", label: "Admin" });
  }
  return links;
}
