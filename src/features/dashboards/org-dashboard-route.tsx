import type { ComponentType } from "react";
import type { Actor } from "@/domain/access/policy";
import { requireOrgDashboardActor } from "@/server/dashboards/page-access";
import { orNotFound } from "@/server/errors";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The route of an organisation view: checks the viewer may see organisation views (sending team
 * leads and members to their own dashboard), loads the view for the URL's query and renders it.
 */
export function orgDashboardRoute<View>(
  load: (actor: Actor, searchParams: SearchParams) => Promise<View>,
  Page: ComponentType<{ view: View }>,
) {
  return async function OrgDashboardRoute({ searchParams }: { searchParams: Promise<SearchParams> }) {
    const actor = await requireOrgDashboardActor();
    // An unknown ?cycle= is not found, as on every page that reads it.
    return <Page view={await orNotFound(load(actor, await searchParams))} />;
  };
}
