import { beforeAll, describe, expect, it } from "vitest";
import { createCycleSchema } from "@/contracts/cycles/schemas";
import { ExpectedError } from "@/contracts/action-result";
import { db } from "@/server/db";
import { parseInput } from "@/server/errors";
import { startAssessment } from "@/server/assessments/mutations";
import { closeCycle, createCycle, openCycle } from "@/server/cycles/mutations";
import { getCyclesPage } from "@/server/cycles/queries";
import { createOrganisation, createTeam, type TestOrganisation, type TestTeam } from "./fixtures";

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<ExpectedError> {
  let error: unknown;
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}

const cycleForm = (overrides: Record<string, string> = {}) => ({
  year: "2027",
  quarter: "1",
  opensOn: "2027-01-01",
  closesOn: "2027-03-15",
  questionnaireId: "v1",
  ...overrides,
});

describe("managing cycles", () => {
  let org: TestOrganisation;
  let team: TestTeam;
  beforeAll(async () => {
    org = await createOrganisation();
    team = await createTeam(org.orgUnitId);
  });

  it("lists cycles with completion counts for admins and the head of engineering only", async () => {
    await startAssessment(team.lead, { teamSlug: team.slug });
    const page = await getCyclesPage(org.head);
    const open = page.cycles.find((cycle) => cycle.name === org.openCycle.name)!;
    expect(open).toMatchObject({
      status: "open",
      inProgress: 1,
      submitted: 0,
      notStarted: 0,
      questionnaireInstalled: true,
    });
    expect(page.next).toMatchObject({
      year: 2027,
      quarter: 1,
      opensOn: "2027-01-01",
      closesOn: "2027-03-15",
    });
    expect(page.focus?.cycleName).toBe(org.openCycle.name);
    expect(page.focus?.teams).toEqual([expect.objectContaining({ teamName: team.name, status: "draft" })]);
    expect((await refusal(getCyclesPage(team.lead))).code).toBe("forbidden");
  });

  it("validates the form: dates, quarter, year", async () => {
    const dates = await refusal(() => parseInput(createCycleSchema, cycleForm({ closesOn: "2026-12-01" })));
    expect(dates.fieldErrors.closesOn).toEqual(["The due date must be after the opening date."]);
    const quarter = await refusal(() => parseInput(createCycleSchema, cycleForm({ quarter: "5" })));
    expect(quarter.fieldErrors.quarter).toBeDefined();
    const date = await refusal(() => parseInput(createCycleSchema, cycleForm({ opensOn: "01/01/2027" })));
    expect(date.fieldErrors.opensOn).toEqual(["Enter a date like 2027-01-01."]);
    const impossible = await refusal(() =>
      parseInput(createCycleSchema, cycleForm({ closesOn: "2027-02-30" })),
    );
    expect(impossible.fieldErrors.closesOn).toEqual(["Enter a date like 2027-01-01."]);
    const year = await refusal(() => parseInput(createCycleSchema, cycleForm({ year: "abc" })));
    expect(year.fieldErrors.year).toBeDefined();
  });

  it("creates a planned cycle, refuses a duplicate and unknown content, and audits", async () => {
    const created = await createCycle(org.admin, parseInput(createCycleSchema, cycleForm()));
    expect(created.name).toBe("2027 Q1");
    const stored = await db.cycle.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ status: "planned", year: 2027, quarter: 1, questionnaireId: "v1" });
    expect(stored.opensOn.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "cycle.created" } })).toBe(1);

    const cyclesBefore = await db.cycle.count();
    const duplicate = await refusal(createCycle(org.admin, parseInput(createCycleSchema, cycleForm())));
    expect(duplicate.message).toBe("2027 Q1 already exists.");
    const unknown = await refusal(
      createCycle(
        org.admin,
        parseInput(createCycleSchema, cycleForm({ quarter: "2", questionnaireId: "v99" })),
      ),
    );
    expect(unknown.fieldErrors.questionnaireId).toBeDefined();
    const forbidden = await refusal(
      createCycle(team.lead, parseInput(createCycleSchema, cycleForm({ quarter: "3" }))),
    );
    expect(forbidden.code).toBe("forbidden");
    expect(await db.cycle.count()).toBe(cyclesBefore);
  });

  it("keeps at most one cycle open, with a clear message", async () => {
    const planned = await db.cycle.findFirstOrThrow({ where: { name: "2027 Q1" } });
    const error = await refusal(openCycle(org.head, { cycleId: planned.id }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(
      `${org.openCycle.name} is open. Only one cycle can be open at a time: close ${org.openCycle.name} before opening 2027 Q1.`,
    );
    expect((await db.cycle.findUniqueOrThrow({ where: { id: planned.id } })).status).toBe("planned");

    await closeCycle(org.head, { cycleId: org.openCycle.id });
    // Opening a planned cycle is a first opening; opening a closed one again says so.
    expect(await openCycle(org.head, { cycleId: planned.id })).toEqual({ name: "2027 Q1", reopened: false });
    const statuses = await db.cycle.findMany({ where: { status: "open" }, select: { name: true } });
    expect(statuses).toEqual([{ name: "2027 Q1" }]);
    expect((await refusal(closeCycle(org.head, { cycleId: org.openCycle.id }))).message).toBe(
      `${org.openCycle.name} is already closed.`,
    );
    expect((await refusal(openCycle(org.head, { cycleId: planned.id }))).message).toBe(
      "2027 Q1 is already open.",
    );
    expect((await refusal(openCycle(team.lead, { cycleId: planned.id }))).code).toBe("forbidden");
    expect((await refusal(openCycle(org.admin, { cycleId: "missing" }))).code).toBe("not_found");

    // The new quarter starts from the team's last submitted assessment, not from the unsubmitted draft.
    const started = await startAssessment(team.lead, { teamSlug: team.slug });
    const assessment = await db.assessment.findUniqueOrThrow({
      where: { id: started.assessmentId },
      include: { cycle: true },
    });
    expect(assessment.cycle.name).toBe("2027 Q1");
    expect(assessment.carriedFromId).toBeNull();

    // Restore the file's open cycle for any later test.
    await closeCycle(org.admin, { cycleId: planned.id });
    expect(await openCycle(org.admin, { cycleId: org.openCycle.id })).toEqual({
      name: org.openCycle.name,
      reopened: true,
    });
    const actions = await db.auditEvent.findMany({
      where: { entityType: "cycle" },
      orderBy: { at: "asc" },
      select: { action: true },
    });
    expect(actions.map((entry) => entry.action)).toEqual([
      "cycle.created",
      "cycle.closed",
      "cycle.opened",
      "cycle.closed",
      "cycle.opened",
    ]);
  });
});
