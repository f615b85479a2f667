import { PageHeader } from "@/ui/page-header";
import { TextLink } from "@/ui/text-link";

const SECTIONS = [
  {
    href: "/admin/people",
    title: "People",
    text: "Add people, give and remove roles and team memberships, set passwords, deactivate and reactivate accounts.",
  },
  {
    href: "/admin/org",
    title: "Org units and teams",
    text: "Build the org unit tree, create, rename, move and archive units and teams.",
  },
  {
    href: "/admin/import",
    title: "Import",
    text: "Create org units, teams and people from one CSV file, checked in full before anything is written.",
  },
  {
    href: "/admin/audit",
    title: "Audit log",
    text: "Who changed what and when: sign-ins, roles, people, the organisation and assessments.",
  },
] as const;

export function AdminHome({ counts }: { counts: { people: number; orgUnits: number; teams: number } }) {
  return (
    <div className="space-y-6">
      <PageHeader
        title="Administration"
        description={
          <p>
            {counts.people} active people, {counts.orgUnits} active org units and {counts.teams} active teams.
          </p>
        }
      />
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.href} className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 className="text-lg font-semibold">
              <TextLink href={section.href}>{section.title}</TextLink>
            </h2>
            <p className="mt-1 text-sm text-slate-700">{section.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
