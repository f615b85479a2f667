import { NavList } from "@/ui/nav-list";

const SECTIONS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/people", label: "People" },
  { href: "/admin/org", label: "Org units and teams" },
  { href: "/admin/import", label: "Import" },
  { href: "/admin/audit", label: "Audit log" },
] as const;

export function AdminNav() {
  return (
    <NavList
      label="Administration"
      links={SECTIONS}
      rootHref="/admin"
      variant="tinted"
      className="border-b border-slate-200 pb-3"
    />
  );
}
