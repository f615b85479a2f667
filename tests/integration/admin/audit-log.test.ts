import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { auditFilterSchema } from "@/contracts/admin/schemas";
import { listAuditEvents } from "@/server/admin/audit-queries";
import { db } from "@/server/db";
import { actorFor, createTeamIn, createUnit, createUser } from "./fixtures";

let admin: Actor;
let adminId: string;
let leadId: string;
let teamId: string;

const filter = (values: Record<string, string>) => auditFilterSchema.parse(values);

beforeAll(async () => {
  adminId = await createUser("admin@example.com", [{ role: "admin" }], "Morgan Admin");
  admin = await actorFor(adminId);
  leadId = await createUser("lead@example.com", [], "Jordan Lead");
  teamId = await createTeamIn(await createUnit("Payments"), "Checkout");
  const day = (date: string, minute: number) =>
    new Date(`${date}T10:${String(minute).padStart(2, "0")}:00.000Z`);
  const rows = [
    // 60 sign-ins by the lead on 2026-03-01, so there is more than one page.
    ...Array.from({ length: 60 }, (_, index) => ({
      at: day("2026-03-01", index % 60),
      actorId: leadId,
      action: "auth.signed_in",
      entityType: "user",
      entityId: leadId,
    })),
    {
      at: day("2026-03-02", 0),
      actorId: adminId,
      action: "role.granted",
      entityType: "user",
      entityId: leadId,
      teamId,
      after: '{"role":"team_lead"}',
    },
    {
      at: day("2026-03-03", 0),
      actorId: adminId,
      action: "role.revoked",
      entityType: "user",
      entityId: leadId,
      teamId,
      before: '{"role":"team_lead"}',
    },
    {
      at: day("2026-03-04", 0),
      actorId: adminId,
      action: "team.renamed",
      entityType: "team",
      entityId: teamId,
      teamId,
    },
    {
      at: day("2026-03-05", 0),
      actorId: null,
      action: "auth.sign_in_failed",
      entityType: "account",
      entityId: "someone@example.com",
    },
  ];
  for (const row of rows) await db.auditEvent.create({ data: row });
});

describe("the audit log", () => {
  it("lists events newest first, 50 a page, with readable names", async () => {
    const first = await listAuditEvents(admin, filter({}));
    expect(first.total).toBe(64);
    expect(first.pageCount).toBe(2);
    expect(first.events).toHaveLength(50);
    expect(first.events.map((event) => event.action).slice(0, 4)).toEqual([
      "auth.sign_in_failed",
      "team.renamed",
      "role.revoked",
      "role.granted",
    ]);
    expect(first.events[0]!.actor).toBeNull();
    expect(first.events[1]).toMatchObject({ entityName: "Checkout", team: { id: teamId, name: "Checkout" } });
    expect(first.events[2]).toMatchObject({
      entityName: "Jordan Lead",
      actor: { name: "Morgan Admin" },
      before: '{"role":"team_lead"}',
    });

    const second = await listAuditEvents(admin, filter({ page: "2" }));
    expect(second.page).toBe(2);
    expect(second.events).toHaveLength(14);
    const times = [...first.events, ...second.events].map((event) => event.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A page past the end shows the last page.
    expect((await listAuditEvents(admin, filter({ page: "99" }))).page).toBe(2);
  });

  it.each([
    [{ actor: "ADMIN@" }, ["team.renamed", "role.revoked", "role.granted"]],
    [{ action: "role." }, ["role.revoked", "role.granted"]],
    [{ entity: "team" }, ["team.renamed"]],
    [{ team: "TEAM" }, ["team.renamed", "role.revoked", "role.granted"]],
    [{ from: "2026-03-03", to: "2026-03-04" }, ["team.renamed", "role.revoked"]],
    [{ action: "auth.", from: "2026-03-05" }, ["auth.sign_in_failed"]],
  ])("filters by %j", async (values, actions) => {
    const resolved = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, value === "TEAM" ? teamId : value]),
    );
    const result = await listAuditEvents(admin, filter(resolved));
    expect(result.events.map((event) => event.action)).toEqual(actions);
  });

  it("reads the filter's days in the organisation's time zone", async () => {
    const days = filter({ from: "2026-03-03", to: "2026-03-04" });
    expect((await listAuditEvents(admin, days, "UTC")).timeZone).toBe("UTC");
    // Each event is at 10:00 UTC: on Kiritimati (UTC+14) that is midnight of the next day, so the
    // 2nd's event falls on the 3rd there and the 4th's on the 5th.
    const kiritimati = await listAuditEvents(admin, days, "Pacific/Kiritimati");
    expect(kiritimati.timeZone).toBe("Pacific/Kiritimati");
    expect(kiritimati.events.map((event) => event.action)).toEqual(["role.revoked", "role.granted"]);
  });

  it("ignores malformed filters instead of failing", async () => {
    const parsed = filter({ from: "yesterday", to: "2026-13-45", page: "-3" });
    expect(parsed).toMatchObject({ from: undefined, to: undefined, page: 1 });
    expect((await listAuditEvents(admin, parsed)).total).toBe(64);
  });

  it("offers the entity types that occur as a filter", async () => {
    expect((await listAuditEvents(admin, filter({}))).entityTypes).toEqual(["account", "team", "user"]);
  });
});
