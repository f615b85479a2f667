import "server-only";
import { notFound } from "next/navigation";
import { can, type Action, type Actor } from "@/domain/access/policy";
import { requireActor } from "../auth/session";

/**
 * For administration pages: the signed-in person when they may perform `action` organisation-wide,
 * otherwise a plain "not found", so the pages do not even reveal that they exist. The queries and
 * mutations behind the pages check again themselves.
 */
export async function requireAdminPage(action: Action = "people:manage"): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, action, { type: "organisation" })) notFound();
  return actor;
}
