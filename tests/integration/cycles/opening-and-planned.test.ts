/**
 * Opening a planned cycle says how early it is against today in the organisation's calendar (here
 * New York, five hours behind UTC in December), and a cycle opened and closed again before any
 * team started it can go back to planned: only then, by those who manage cycles, audited.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.ORG_TIME_ZONE = "America/New_York";
});

import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { startAssessment } from "@/server/assessments/mutations";
import { closeCycle, openCycle, returnCycleToPlanned } from "@/server/cycles/mutations";
import { getCyclesPage } from "@/server/cycles/queries";
import {
  createOrganisation,
  createTeam,
  type TestOrganisation,
  type TestTeam,
} from "../assessments/fixtures";

async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

let org: TestOrganisation;
let team: TestTeam;
let planned: { id: string; name: string };

beforeAll(async () => {
  org = await createOrganisation();
  team = await createTeam(org.orgUnitId);
  planned = await db.cycle.create({
    data: {
      name: "2027 Q1",
      year: 2027,
      quarter: 1,
      opensOn: new Date("2027-01-01T00:00:00Z"),
      closesOn: new Date("2027-03-15T00:00:00Z"),
      questionnaireId: org.questionnaire.id,
      status: "planned",
    },
    select: { id: true, name: true },
  });
});

const summaryOf = async (cycleId: string, now?: Date) =>
  (await getCyclesPage(org.head, now)).cycles.find((cycle) => cycle.id === cycleId)!;

describe("how early opening a planned cycle would be", () => {
  it("counts the days to its Opens on date from today in the organisation's time zone", async () => {
    // 22:00 on 28 December in New York, already the 29th in UTC: four days early, not three.
    expect((await summaryOf(planned.id, new Date("2026-12-29T03:00:00Z"))).daysBeforeOpensOn).toBe(4);
    // 20:00 on 31 December in New York (1 January in UTC): still a day early there.
    expect((await summaryOf(planned.id, new Date("2027-01-01T01:00:00Z"))).daysBeforeOpensOn).toBe(1);
    expect((await summaryOf(planned.id, new Date("2027-01-01T05:00:00Z"))).daysBeforeOpensOn).toBe(0);
    expect((await summaryOf(planned.id, new Date("2027-02-01T12:00:00Z"))).daysBeforeOpensOn).toBe(0);
  });
});

describe("returning a closed cycle to planned", () => {
  it("returns a cycle opened and closed again with no assessment in it, and audits it", async () => {
    await closeCycle(org.head, { cycleId: org.openCycle.id });
    await openCycle(org.head, { cycleId: planned.id });
    await closeCycle(org.head, { cycleId: planned.id });
    expect(await summaryOf(planned.id)).toMatchObject({ status: "closed", assessments: 0 });

    // Only those who manage cycles: the check is in the data layer, not only on the page.
    expect((await refusal(returnCycleToPlanned(team.lead, { cycleId: planned.id }))).code).toBe("forbidden");
    expect(await returnCycleToPlanned(org.head, { cycleId: planned.id })).toEqual({ name: "2027 Q1" });
    expect(await summaryOf(planned.id)).toMatchObject({ status: "planned", assessments: 0 });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "cycle", entityId: planned.id, action: "cycle.returned_to_planned" },
    });
    expect(audit.actorId).toBe(org.head.id);
    expect(JSON.parse(audit.before ?? "{}")).toEqual({ status: "closed" });
    expect(JSON.parse(audit.after ?? "{}")).toEqual({ status: "planned" });

    // Planned again, it is refused with a clear message, and it can be opened as before.
    expect((await refusal(returnCycleToPlanned(org.admin, { cycleId: planned.id }))).message).toBe(
      "2027 Q1 is already planned.",
    );
    expect(await openCycle(org.admin, { cycleId: planned.id })).toEqual({ name: "2027 Q1", reopened: false });
  });

  it("refuses the open cycle, a cycle with any assessment in it, and a missing one", async () => {
    // 2027 Q1 is open (previous test).
    const open = await refusal(returnCycleToPlanned(org.head, { cycleId: planned.id }));
    expect(open.code).toBe("conflict");
    expect(open.message).toBe(
      "2027 Q1 is open. Only a closed cycle with no assessment in it can go back to planned.",
    );

    // A draft is enough: its answers are a record, and reopening is the way back to them.
    await startAssessment(team.lead, { teamSlug: team.slug });
    await closeCycle(org.head, { cycleId: planned.id });
    expect(await summaryOf(planned.id)).toMatchObject({ status: "closed", assessments: 1 });
    const used = await refusal(returnCycleToPlanned(org.head, { cycleId: planned.id }));
    expect(used.code).toBe("conflict");
    expect(used.message).toBe(
      "2027 Q1 cannot go back to planned: it has 1 assessment. Only a closed cycle with no assessment in it can; reopen it instead.",
    );
    expect((await db.cycle.findUniqueOrThrow({ where: { id: planned.id } })).status).toBe("closed");

    // An archived team's assessment counts too.
    await db.team.update({ where: { id: team.id }, data: { archivedAt: new Date() } });
    expect((await summaryOf(planned.id)).assessments).toBe(1);
    expect((await refusal(returnCycleToPlanned(org.head, { cycleId: planned.id }))).code).toBe("conflict");

    expect((await refusal(returnCycleToPlanned(org.head, { cycleId: "missing" }))).code).toBe("not_found");
    expect(
      await db.auditEvent.count({ where: { entityId: planned.id, action: "cycle.returned_to_planned" } }),
    ).toBe(1);
  });
});
