import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoIfEmpty } from "../../../prisma/seed/demo";
import { db } from "@/server/db";

const NOW = new Date("2026-11-28T12:00:00.000Z");

beforeAll(async () => {
  const outcome = await seedDemoIfEmpty(db, NOW);
  expect(outcome.seeded).toBe(true);
}, 240_000);

describe("the demo organisation", () => {
  it("opens the quarter of today and closes the four before it", async () => {
    const cycles = await db.cycle.findMany({ orderBy: [{ year: "asc" }, { quarter: "asc" }] });
    expect(cycles.map((cycle) => [cycle.name, cycle.status])).toEqual([
      ["2025 Q4", "closed"],
      ["2026 Q1", "closed"],
      ["2026 Q2", "closed"],
      ["2026 Q3", "closed"],
      ["2026 Q4", "open"],
    ]);
  });

  it("has every team in place before its first cycle, so each counts in every cycle", async () => {
    const first = await db.cycle.findFirst({ orderBy: [{ year: "asc" }, { quarter: "asc" }] });
    expect(await db.team.count({ where: { createdAt: { gt: first!.opensOn } } })).toBe(0);
    expect(await db.team.count()).toBe(24);
  });

  it("dates nothing after now: submissions, plan work and audit events", async () => {
    const future = { gt: NOW };
    expect(await db.assessment.count({ where: { submittedAt: future } })).toBe(0);
    expect(await db.auditEvent.count({ where: { at: future } })).toBe(0);
    expect(await db.planItem.count({ where: { OR: [{ createdAt: future }, { completedAt: future }] } })).toBe(
      0,
    );
    const open = await db.cycle.findFirstOrThrow({ where: { status: "open" } });
    expect(
      await db.assessment.count({ where: { cycleId: open.id, submittedAt: { lt: open.opensOn } } }),
    ).toBe(0);
  });

  it("has plans in several teams, some done in earlier cycles, none in Checkout", async () => {
    const items = await db.planItem.findMany({
      select: { teamId: true, status: true, team: { select: { slug: true } } },
    });
    expect(new Set(items.map((item) => item.teamId)).size).toBeGreaterThanOrEqual(5);
    expect(items.some((item) => item.status === "done")).toBe(true);
    expect(items.some((item) => item.status === "in_progress")).toBe(true);
    expect(items.map((item) => item.team.slug)).not.toContain("checkout");
  });

  it("tracks pitfalls that went down in some teams and not in others", async () => {
    const items = await db.planItem.findMany({
      select: { teamId: true, pitfallId: true, scoreWhenAdded: true, sourceAssessmentId: true },
    });
    const directions = new Set<string>();
    for (const item of items) {
      const latest = await db.pitfallResult.findFirst({
        where: { pitfallId: item.pitfallId, assessment: { teamId: item.teamId, status: "submitted" } },
        orderBy: { assessment: { submittedAt: "desc" } },
        select: { score: true },
      });
      if (latest?.score == null || item.scoreWhenAdded === null) continue;
      directions.add(latest.score < item.scoreWhenAdded ? "down" : "not down");
    }
    expect(directions).toEqual(new Set(["down", "not down"]));
  });
});

describe("several respondents in the demo's open quarter", () => {
  it("has teams whose own answers split them, marked on their stored results, and none in Checkout", async () => {
    const open = await db.cycle.findFirstOrThrow({ where: { status: "open" } });
    const responses = await db.response.findMany({
      where: { assessment: { cycleId: open.id } },
      select: { assessment: { select: { id: true, status: true, team: { select: { slug: true } } } } },
    });
    const teams = new Set(responses.map((response) => response.assessment.team.slug));
    expect(teams.size).toBe(4);
    expect(teams.has("checkout")).toBe(false);
    expect(responses.every((response) => response.assessment.status === "submitted")).toBe(true);
    const splits = await db.pitfallResult.groupBy({
      by: ["assessmentId"],
      where: { assessmentId: { in: responses.map((response) => response.assessment.id) } },
      _sum: { splitQuestions: true },
    });
    expect(splits).toHaveLength(4);
    for (const split of splits) expect(split._sum.splitQuestions).toBe(2);
    expect(
      await db.pitfallResult.count({
        where: { splitQuestions: { gt: 0 }, assessment: { cycleId: { not: open.id } } },
      }),
    ).toBe(0);
  });

  it("has two teams with an anonymous pulse of four people, scored as evidence", async () => {
    const open = await db.cycle.findFirstOrThrow({ where: { status: "open" } });
    const participation = await db.pulseParticipation.groupBy({
      by: ["teamId"],
      where: { cycleId: open.id },
      _count: { _all: true },
    });
    expect(participation.map((row) => row._count._all)).toEqual([4, 4]);
    for (const { teamId } of participation) {
      const tallies = await db.pulseTally.findMany({ where: { teamId, cycleId: open.id } });
      const answered = new Map<string, number>();
      for (const tally of tallies)
        answered.set(tally.questionId, (answered.get(tally.questionId) ?? 0) + tally.count);
      // The rota's questions were answered by all four; nobody answered as a specialist.
      expect([...answered.values()].filter((count) => count === 4)).toHaveLength(4);
      expect([...answered.values()].filter((count) => count === 0)).toHaveLength(2);
      const result = await db.pitfallResult.findFirstOrThrow({
        where: { pitfallId: "limited-on-call-schedule", assessment: { teamId, cycleId: open.id } },
      });
      expect(result.detail).toContain("pulse-on-call-disruption");
    }
  });
});
