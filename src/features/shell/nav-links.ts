import type { Actor } from "@/domain/access/policy";

export interface NavLink {
  href: string;
  label: string;
}

/** Links shown in the header; the UI only hides what the server would refuse anyway. */
export function navLinksFor(actor: Actor | null): NavLink[] {
  const links: NavLink[] = [];
  if (actor) links.push({ href: "/", label: "Overview" });
  links.push({ href: "/playbook", label: "Playbook" });
  return links;
}
