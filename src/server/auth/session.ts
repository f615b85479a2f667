import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { childrenByParent } from "@/domain/org/org-tree";
import { buildActor, decodeRole, type Actor, type RoleGrant } from "@/domain/access/policy";
import { db } from "../db";
import { getAuth } from "./auth";
import { REQUESTED_PATH_HEADER, signInAddressFor } from "@/requested-path";

/** Parent → children map of every org unit; small (tens of rows) and needed to expand coach scope. */
async function orgUnitChildren(): Promise<Map<string, string[]>> {
  return childrenByParent(await db.orgUnit.findMany({ select: { id: true, parentId: true } }));
}

/** The person's own fields an actor is built from. */
interface PersonRecord {
  id: string;
  email: string;
  name: string;
  deactivatedAt?: Date | null;
}

/** Loads the actor for a user id, or null when the person is unknown or deactivated. */
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, deactivatedAt: true },
  });
  return user ? actorOfPerson(user) : null;
}

/** The actor for a person already read (with their deactivation), or null when deactivated. */
async function actorOfPerson(person: PersonRecord): Promise<Actor | null> {
  if (person.deactivatedAt) return null;
  const roles = await db.roleAssignment.findMany({
    where: { userId: person.id },
    select: { role: true, teamId: true, orgUnitId: true },
  });
  const grants: RoleGrant[] = roles.flatMap((grant) => {
    const role = decodeRole(grant.role);
    return role ? [{ role, teamId: grant.teamId, orgUnitId: grant.orgUnitId }] : [];
  });
  const needsTree = grants.some((grant) => grant.role === "coach");
  const { id, email, name } = person;
  return buildActor({ id, email, name }, grants, needsTree ? await orgUnitChildren() : new Map());
}

/** The signed-in person for this request (memoised per request), or null. */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  // Read the request first: during static prerendering this bails out before auth is created.
  const requestHeaders = await headers();
  // Anonymous requests carry no session cookie; skip the session lookup entirely.
  if (!requestHeaders.get("cookie")?.includes("session_token")) return null;
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  // The session's user row, read with the session, carries the deactivation too (auth.ts adds
  // it to the user's fields), so only the roles are left to read.
  return actorOfPerson(session.user);
});

/** For pages and server actions: the signed-in person, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(signInAddressFor((await headers()).get(REQUESTED_PATH_HEADER)));
  return actor;
}
