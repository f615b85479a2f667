import { randomUUID } from "node:crypto";
import { roleScopeKey, type Actor, type Role } from "@/domain/access/policy";
import { loadActor } from "@/server/auth/session";
import { db } from "@/server/db";

export interface Grant {
  role: Role;
  teamId?: string;
  orgUnitId?: string;
}

/** A person straight in the database (no password), with the given roles. */
export async function createUser(
  email: string,
  grants: Grant[] = [],
  name = email.split("@")[0]!,
): Promise<string> {
  const id = randomUUID();
  await db.user.create({ data: { id, email, name, emailVerified: true } });
  for (const grant of grants) {
    await db.roleAssignment.create({
      data: {
        userId: id,
        role: grant.role,
        teamId: grant.teamId ?? null,
        orgUnitId: grant.orgUnitId ?? null,
        scopeKey: roleScopeKey(grant),
      },
    });
  }
  return id;
}

/** Loads the actor the way a signed-in request does. */
export async function actorFor(userId: string): Promise<Actor> {
  const actor = await loadActor(userId);
  if (!actor) throw new Error(`No active person ${userId}`);
  return actor;
}

export async function createUnit(name: string, parentId: string | null = null): Promise<string> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 8)}`;
  return (await db.orgUnit.create({ data: { name, slug, parentId } })).id;
}

export async function createTeamIn(orgUnitId: string, name: string): Promise<string> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 8)}`;
  return (await db.team.create({ data: { name, slug, orgUnitId } })).id;
}

export async function createSession(userId: string): Promise<void> {
  await db.session.create({
    data: { id: randomUUID(), userId, token: randomUUID(), expiresAt: new Date(Date.now() + 86_400_000) },
  });
}

export function auditCount(): Promise<number> {
  return db.auditEvent.count();
}
