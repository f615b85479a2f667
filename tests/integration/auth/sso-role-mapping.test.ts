/**
 * What a first single sign-on does to the database once the auth library has stored the account:
 * a person it created gets the roles the mapping gives (by email domain or ID token group), named
 * in the audit log; a person who already existed and was joined by verified email keeps exactly the
 * roles an admin gave them.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, {
    OIDC_ISSUER: "http://127.0.0.1:9/realms/staff",
    OIDC_CLIENT_ID: "pitfall-radar",
    OIDC_CLIENT_SECRET: "test-secret",
    OIDC_ROLE_MAPPING:
      "domain:checkout.example.test=member:checkout-sso; group:radar-admins=admin; group:coaches=coach:payments-sso; group:gone=member:no-such-team",
  });
});

const { onSsoAccountCreated } = await import("@/server/auth/single-sign-on");
const { db } = await import("@/server/db");

function idToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part(claims)}.signature`;
}

async function ssoPerson(email: string, claims: Record<string, unknown>, extra: { password?: boolean } = {}) {
  const id = randomUUID();
  await db.user.create({ data: { id, name: email.split("@")[0]!, email, emailVerified: true } });
  if (extra.password) {
    await db.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: "x" },
    });
  }
  const account = { userId: id, providerId: "oidc", idToken: idToken({ sub: id, email, ...claims }) };
  await db.account.create({ data: { id: randomUUID(), accountId: `sub-${id}`, ...account } });
  await onSsoAccountCreated(account);
  return id;
}

async function rolesOf(userId: string) {
  const grants = await db.roleAssignment.findMany({
    where: { userId },
    select: { role: true, team: { select: { slug: true } }, orgUnit: { select: { slug: true } } },
    orderBy: { role: "asc" },
  });
  return grants.map(
    (grant) =>
      `${grant.role}${grant.team ? `:${grant.team.slug}` : ""}${grant.orgUnit ? `:${grant.orgUnit.slug}` : ""}`,
  );
}

describe("roles on a first single sign-on", () => {
  it("gives a new person the roles their email domain and groups map to, and records why", async () => {
    const unit = await db.orgUnit.create({ data: { name: "Payments SSO", slug: "payments-sso" } });
    await db.team.create({ data: { name: "Checkout SSO", slug: "checkout-sso", orgUnitId: unit.id } });
    const id = await ssoPerson("ada@checkout.example.test", { groups: ["coaches", "staff"] });
    expect(await rolesOf(id)).toEqual(["coach:payments-sso", "member:checkout-sso"]);
    const events = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { action: "asc" } });
    const described = events.map((event) => {
      const after = JSON.parse(event.after!) as { reason?: string; source?: string };
      return `${event.action}: ${after.reason ?? after.source}`;
    });
    expect(described.sort()).toEqual([
      "person.created: sso",
      "role.granted: single sign-on mapping domain:checkout.example.test",
      "role.granted: single sign-on mapping group:coaches",
    ]);
  });

  it("gives no role when nothing matches, a group is missing, or a rule names a team that does not exist", async () => {
    expect(await rolesOf(await ssoPerson("ben@elsewhere.example.test", {}))).toEqual([]);
    expect(await rolesOf(await ssoPerson("cy@elsewhere.example.test", { groups: "staff" }))).toEqual([]);
    expect(await rolesOf(await ssoPerson("dee@elsewhere.example.test", { groups: ["gone"] }))).toEqual([]);
    expect(await rolesOf(await ssoPerson("eve@elsewhere.example.test", { groups: "radar-admins" }))).toEqual([
      "admin",
    ]);
  });

  it("leaves a person who already had a password sign-in with the roles an admin gave them", async () => {
    const id = await ssoPerson("fay@checkout.example.test", { groups: ["radar-admins"] }, { password: true });
    expect(await rolesOf(id)).toEqual([]);
    expect((await db.auditEvent.findMany({ where: { entityId: id } })).map((event) => event.action)).toEqual([
      "person.sso_linked",
    ]);
  });
});
