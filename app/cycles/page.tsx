import type { Metadata } from "next";
import { can } from "@/domain/access/policy";
import { CyclesPage, RemindersOnlyPage } from "@/features/cycles/cycles-page";
import { orNotFound } from "@/server/errors";
import { requireActor } from "@/server/auth/session";
import { getCyclesPage } from "@/server/cycles/queries";
import { getReminderPanel } from "@/server/cycles/reminders";

export const metadata: Metadata = { title: "Assessment cycles" };

export default async function CyclesRoute() {
  const actor = await requireActor();
  const reminders = await orNotFound(getReminderPanel(actor));
  // Coaches remind their teams; managing cycles stays with the head of engineering and admins.
  if (!can(actor, "cycle:manage", { type: "organisation" }))
    return <RemindersOnlyPage reminders={reminders} />;
  return <CyclesPage data={await orNotFound(getCyclesPage(actor))} reminders={reminders} />;
}
