import type { Metadata } from "next";
import { CyclesPage } from "@/features/cycles/cycles-page";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/auth/session";
import { getCyclesPage } from "@/server/cycles/queries";

export const metadata: Metadata = { title: "Assessment cycles" };

export default async function CyclesRoute() {
  const actor = await requireActor();
  return <CyclesPage data={await orNotFound(getCyclesPage(actor))} />;
}
