import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { childrenByParent } from "@/domain/org/org-tree";
import { buildActor, decodeRole, type Actor, type RoleGrant } from "@/domain/access/policy";
import { db } from "../db";
import { getAuth } from "./auth";
import { signInOptions } from "./single-sign-on";
import { newPasswordAddressFor, REQUESTED_PATH_HEADER, signInAddressFor } from "@/requested-path";

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

/**
 * Whether the person must replace a password an admin set before anything else. Only while this
 * installation accepts passwords: with single sign-on only, no password signs anyone in, and the
 * person could not change theirs here.
 */
function mustReplacePassword(person: { mustChangePassword?: boolean | null }): boolean {
  return Boolean(person.mustChangePassword) && signInOptions().passwordAllowed;
}

/** The session of this request and its person, as read with the session (memoised per request). */
interface SignedInPerson {
  person: PersonRecord & { mustChangePassword?: boolean | null };
  sessionId: string;
  sessionStartedAt: Date;
}

const currentSignedInPerson = cache(async (): Promise<SignedInPerson | null> => {
  // Read the request first: during static prerendering this bails out before auth is created.
  const requestHeaders = await headers();
  // Anonymous requests carry no session cookie; skip the session lookup entirely.
  if (!requestHeaders.get("cookie")?.includes("session_token")) return null;
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return {
    person: session.user,
    sessionId: session.session.id,
    sessionStartedAt: new Date(session.session.createdAt),
  };
});

/**
 * The signed-in person for this request (memoised per request), or null. Also null for a person
 * who must first replace the password an admin gave them: until they have, the app treats them as
 * not signed in, everywhere but the page where they choose their own (requireActor sends them there).
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const signedIn = await currentSignedInPerson();
  if (!signedIn || mustReplacePassword(signedIn.person)) return null;
  // The session's user row, read with the session, carries the deactivation too (auth.ts adds
  // it to the user's fields), so only the roles are left to read.
  return actorOfPerson(signedIn.person);
});

/** Whether this request's person signed in with a password an admin set, not yet replaced. */
export async function mustChangePasswordNow(): Promise<boolean> {
  const signedIn = await currentSignedInPerson();
  return signedIn !== null && mustReplacePassword(signedIn.person);
}

/**
 * For pages and server actions: the signed-in person, or a redirect to the sign-in page (or, for a
 * person who must first replace an admin-set password, to the page where they do).
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (actor) return actor;
  const requested = (await headers()).get(REQUESTED_PATH_HEADER);
  if (await mustChangePasswordNow()) redirect(newPasswordAddressFor(requested));
  redirect(signInAddressFor(requested));
}

/**
 * For the page (and action) where a person replaces the password an admin gave them: the signed-in
 * person whether or not they must, or a redirect to the sign-in page.
 */
export async function requireActorChangingPassword(): Promise<Actor> {
  const signedIn = await currentSignedInPerson();
  const actor = signedIn ? await actorOfPerson(signedIn.person) : null;
  if (!actor) redirect(signInAddressFor((await headers()).get(REQUESTED_PATH_HEADER)));
  return actor;
}

/** This request's session: its id and when it began (its sign-in), or null when signed out. */
export async function currentSession(): Promise<{ id: string; startedAt: Date } | null> {
  const signedIn = await currentSignedInPerson();
  return signedIn ? { id: signedIn.sessionId, startedAt: signedIn.sessionStartedAt } : null;
}
