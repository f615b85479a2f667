import { OverviewPage } from "@/features/overview/overview-page";
import { getOrganisationOverview } from "@/server/overview/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  return <OverviewPage overview={await getOrganisationOverview()} />;
}
