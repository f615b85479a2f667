import { describe, expect, it } from "vitest";
import {
  applyStatusChange,
  asPlanItemStatus,
  completedWithin,
  formatDueDate,
  isOverdue,
  parseDueDate,
  planPlacements,
} from "@/domain/plans/plan-item-rules";

const now = new Date("2026-11-27T12:00:00Z");
const todo = { status: "todo" as const, droppedReason: null, completedAt: null };

describe("status changes", () => {
  it("needs a reason to drop an item", () => {
    expect(applyStatusChange(todo, { status: "dropped", droppedReason: null }, now)).toEqual({
      ok: false,
      problem: "dropped-reason-required",
    });
    expect(applyStatusChange(todo, { status: "dropped", droppedReason: "   " }, now)).toEqual({
      ok: false,
      problem: "dropped-reason-required",
    });
    expect(applyStatusChange(todo, { status: "dropped", droppedReason: "no" }, now)).toEqual({
      ok: false,
      problem: "dropped-reason-too-short",
    });
    expect(applyStatusChange(todo, { status: "dropped", droppedReason: "x".repeat(501) }, now)).toEqual({
      ok: false,
      problem: "dropped-reason-too-long",
    });
  });

  it("keeps the trimmed reason while dropped and forgets it when the item is picked up again", () => {
    const dropped = applyStatusChange(todo, { status: "dropped", droppedReason: "  Platform team does it  " }, now);
    expect(dropped).toEqual({ ok: true, progress: { status: "dropped", droppedReason: "Platform team does it", completedAt: null } });
    const reopened = applyStatusChange(
      { status: "dropped", droppedReason: "Platform team does it", completedAt: null },
      { status: "in_progress", droppedReason: "Platform team does it" },
      now,
    );
    expect(reopened).toEqual({ ok: true, progress: { status: "in_progress", droppedReason: null, completedAt: null } });
  });

  it("stamps the completion time once and clears it when the item is reopened", () => {
    const done = applyStatusChange(todo, { status: "done", droppedReason: null }, now);
    expect(done).toEqual({ ok: true, progress: { status: "done", droppedReason: null, completedAt: now } });
    const earlier = new Date("2026-10-05T08:00:00Z");
    const resaved = applyStatusChange({ status: "done", droppedReason: null, completedAt: earlier }, { status: "done", droppedReason: null }, now);
    expect(resaved.ok && resaved.progress.completedAt).toEqual(earlier);
    const reopened = applyStatusChange({ status: "done", droppedReason: null, completedAt: earlier }, { status: "todo", droppedReason: null }, now);
    expect(reopened.ok && reopened.progress.completedAt).toBeNull();
  });

  it("reads unknown stored statuses as to do", () => {
    expect(asPlanItemStatus("in_progress")).toBe("in_progress");
    expect(asPlanItemStatus("archived")).toBe("todo");
  });
});

describe("due dates", () => {
  it("counts an open item as overdue from the day after its due date", () => {
    expect(isOverdue({ status: "todo", dueOn: new Date("2026-11-26T00:00:00Z") }, now)).toBe(true);
    expect(isOverdue({ status: "in_progress", dueOn: new Date("2026-11-27T00:00:00Z") }, now)).toBe(false);
    expect(isOverdue({ status: "todo", dueOn: null }, now)).toBe(false);
  });

  it("never counts done or dropped items as overdue", () => {
    expect(isOverdue({ status: "done", dueOn: new Date("2026-01-01T00:00:00Z") }, now)).toBe(false);
    expect(isOverdue({ status: "dropped", dueOn: new Date("2026-01-01T00:00:00Z") }, now)).toBe(false);
  });

  it("parses only real calendar days", () => {
    expect(parseDueDate("2026-12-31")).toEqual(new Date("2026-12-31T00:00:00Z"));
    expect(parseDueDate("2028-02-29")).toEqual(new Date("2028-02-29T00:00:00Z"));
    expect(parseDueDate("2026-02-30")).toBeNull();
    expect(parseDueDate("2026-13-01")).toBeNull();
    expect(parseDueDate("31/12/2026")).toBeNull();
    expect(formatDueDate(new Date("2026-12-31T00:00:00Z"))).toBe("2026-12-31");
    expect(formatDueDate(null)).toBe("");
  });
});

describe("completion within a cycle", () => {
  const cycle = { opensOn: new Date("2026-10-01T00:00:00Z"), closesOn: new Date("2026-12-15T00:00:00Z") };
  it("includes the opening day and the whole closing day", () => {
    expect(completedWithin(new Date("2026-10-01T00:00:00Z"), cycle)).toBe(true);
    expect(completedWithin(new Date("2026-12-15T23:59:59Z"), cycle)).toBe(true);
    expect(completedWithin(new Date("2026-12-16T00:00:00Z"), cycle)).toBe(false);
    expect(completedWithin(new Date("2026-09-30T23:59:59Z"), cycle)).toBe(false);
    expect(completedWithin(null, cycle)).toBe(false);
  });
});

describe("a remediation step's place in the plan", () => {
  const placementOf = planPlacements([
    { id: "item-1", countermeasureId: "rotate-on-call", status: "dropped" },
    { id: "item-2", countermeasureId: "cost-dashboard", status: "in_progress" },
    { id: "item-3", countermeasureId: "runbooks", status: "something-else" },
  ]);

  it("gives the item made from the countermeasure with its status, dropped included", () => {
    expect(placementOf("rotate-on-call")).toEqual({ planItemId: "item-1", planItemStatus: "dropped" });
    expect(placementOf("cost-dashboard")).toEqual({ planItemId: "item-2", planItemStatus: "in_progress" });
  });

  it("reads an unexpected stored status as to do, and a step with no item as not in the plan", () => {
    expect(placementOf("runbooks")).toEqual({ planItemId: "item-3", planItemStatus: "todo" });
    expect(placementOf("game-days")).toEqual({ planItemId: null, planItemStatus: null });
  });
});
