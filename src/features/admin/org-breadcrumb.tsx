import { TextLink } from "@/ui/text-link";

/** The way back from an org unit's or a team's page: the org overview, then the team's unit. */
export function OrgBreadcrumb({ unit }: { unit?: { href: string; name: string } }) {
  return (
    <p className="text-sm">
      <TextLink href="/admin/org">Org units and teams</TextLink>
      {unit ? (
        <>
          {" "}
          / <TextLink href={unit.href}>{unit.name}</TextLink>
        </>
      ) : null}
    </p>
  );
}
