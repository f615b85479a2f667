import "server-only";
import { notFound } from "next/navigation";
import { can, type Action, type Actor } from "@/domain/access/policy";
import { requireActor } from "../auth/session";
import { NotFoundError } from "../errors";

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

/** For pages showing one item: an id that does not exist renders the "not found" page. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
