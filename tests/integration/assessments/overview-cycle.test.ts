import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { closeCycle } from "@/server/cycles/mutations";
import { orgTimeZone } from "@/server/org-calendar";
import { getOrganisationOverview } from "@/server/overview/queries";
import { createOrganisation, type TestOrganisation } from "./fixtures";

describe("the home page's cycle", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("is the open cycle with its due date, not yet closed", async () => {
    const overview = await getOrganisationOverview(org.head);
    expect(overview.timeZone).toBe(orgTimeZone());
    expect(overview.currentCycle).toMatchObject({
      name: org.openCycle.name,
      status: "open",
      closesOn: new Date("2026-12-15T00:00:00Z"),
      closedAt: null,
    });
  });

  it("knows no closing moment for a cycle closed without the audit event that records it", async () => {
    await db.cycle.update({ where: { id: org.openCycle.id }, data: { status: "closed" } });
    const overview = await getOrganisationOverview(org.head);
    expect(overview.currentCycle).toMatchObject({
      name: org.openCycle.name,
      status: "closed",
      closedAt: null,
    });
    await db.cycle.update({ where: { id: org.openCycle.id }, data: { status: "open" } });
  });

  it("carries the moment an administrator closed the cycle, ahead of its due date", async () => {
    const before = Date.now();
    await closeCycle(org.admin, { cycleId: org.openCycle.id });
    const after = Date.now();
    const overview = await getOrganisationOverview(org.head);
    expect(overview.currentCycle).toMatchObject({ name: org.openCycle.name, status: "closed" });
    const closedAt = overview.currentCycle!.closedAt!;
    expect(closedAt).toBeInstanceOf(Date);
    // Timestamps keep milliseconds on SQLite and microseconds on PostgreSQL: allow the rounding.
    expect(closedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(closedAt.getTime()).toBeLessThanOrEqual(after + 1);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "cycle", entityId: org.openCycle.id, action: "cycle.closed" },
    });
    expect(closedAt).toEqual(event.at);
  });
});
