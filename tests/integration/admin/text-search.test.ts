/**
 * The admin searches match the typed text literally, ignoring case: `_` and `%` (LIKE's wildcards)
 * and `\\` are ordinary characters, on SQLite and PostgreSQL alike.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { auditFilterSchema, peopleFilterSchema } from "@/contracts/admin/schemas";
import { listAuditEvents } from "@/server/admin/audit-queries";
import { listPeople } from "@/server/admin/people-queries";
import { db } from "@/server/db";
import { actorFor, createUser } from "./fixtures";

let admin: Actor;

beforeAll(async () => {
  const adminId = await createUser("admin@example.com", [{ role: "admin" }], "Morgan Admin");
  admin = await actorFor(adminId);
  const underscoreId = await createUser("sam_lee@example.com", [], "Sam Lee");
  const percentId = await createUser("chris@example.com", [], "Chris 100% Kim");
  await createUser("robin@example.com", [], "Robin \\ Park");
  await createUser("alex@example.com", [], "Alex Ng");
  const at = new Date("2026-03-02T10:00:00.000Z");
  await db.auditEvent.createMany({
    data: [
      { at, actorId: adminId, action: "person.password_set", entityType: "user", entityId: adminId },
      { at, actorId: adminId, action: "person.passwordXset", entityType: "user", entityId: adminId },
      { at, actorId: underscoreId, action: "auth.signed_in", entityType: "user", entityId: underscoreId },
      { at, actorId: percentId, action: "auth.signed_in", entityType: "user", entityId: percentId },
    ],
  });
});

async function peopleMatching(q: string): Promise<string[]> {
  const page = await listPeople(admin, peopleFilterSchema.parse({ q }));
  return page.people.map((person) => person.email).sort();
}

async function auditActions(values: Record<string, string>): Promise<string[]> {
  const page = await listAuditEvents(admin, auditFilterSchema.parse(values));
  return page.events.map((event) => `${event.action} ${event.actor?.email ?? ""}`).sort();
}

describe("searching people", () => {
  it("matches _ and % only where the name or email has them", async () => {
    expect(await peopleMatching("_")).toEqual(["sam_lee@example.com"]);
    expect(await peopleMatching("%")).toEqual(["chris@example.com"]);
    expect(await peopleMatching("100%")).toEqual(["chris@example.com"]);
    expect(await peopleMatching("\\")).toEqual(["robin@example.com"]);
  });

  it("does not treat _ as any one character", async () => {
    expect(await peopleMatching("a_min")).toEqual([]);
    expect(await peopleMatching("sam_")).toEqual(["sam_lee@example.com"]);
  });

  it("still ignores case and matches part of a name or email", async () => {
    expect(await peopleMatching("ADMIN")).toEqual(["admin@example.com"]);
    expect(await peopleMatching("lee")).toEqual(["sam_lee@example.com"]);
    expect(await peopleMatching("@EXAMPLE.com")).toHaveLength(5);
  });
});

describe("filtering the audit log", () => {
  it("matches the actor's email literally", async () => {
    expect(await auditActions({ actor: "_" })).toEqual(["auth.signed_in sam_lee@example.com"]);
    expect(await auditActions({ actor: "%" })).toEqual([]);
    expect(await auditActions({ actor: "SAM_" })).toEqual(["auth.signed_in sam_lee@example.com"]);
  });

  it("matches the action prefix literally", async () => {
    expect(await auditActions({ action: "person.password_" })).toEqual([
      "person.password_set admin@example.com",
    ]);
    expect(await auditActions({ action: "%" })).toEqual([]);
    expect(await auditActions({ action: "_" })).toEqual([]);
    expect(await auditActions({ action: "auth." })).toHaveLength(2);
  });
});
