import { describe, expect, it } from "vitest";
import { heatmapExportQuerySchema, planExportQuerySchema, updatePlanItemSchema } from "@/contracts/plans/schemas";

describe("export query parameters", () => {
  it("needs a known format and accepts an optional cycle", () => {
    expect(planExportQuerySchema.parse({ format: "pdf" })).toEqual({ format: "pdf", cycle: null });
    expect(planExportQuerySchema.parse({ format: "csv", cycle: "2026-q3" })).toEqual({ format: "csv", cycle: { year: 2026, quarter: 3 } });
    expect(planExportQuerySchema.safeParse({ format: "xlsx" }).success).toBe(false);
    expect(planExportQuerySchema.safeParse({}).success).toBe(false);
  });

  it("explains a malformed cycle", () => {
    const result = heatmapExportQuerySchema.safeParse({ cycle: "last quarter" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/like 2026 Q3/);
    expect(heatmapExportQuerySchema.parse({})).toEqual({ cycle: null });
  });
});

describe("plan item form input", () => {
  it("reads fields a form leaves out or empties as none", () => {
    expect(updatePlanItemSchema.parse({ itemId: "item-1", expectedVersion: "3", status: "in_progress" })).toEqual({
      itemId: "item-1",
      expectedVersion: 3,
      ownerId: null,
      dueOn: null,
      status: "in_progress",
      droppedReason: null,
      notes: null,
    });
    expect(updatePlanItemSchema.parse({ itemId: "item-1", expectedVersion: "1", status: "todo", ownerId: " ", notes: "  keep  " })).toMatchObject({
      ownerId: null,
      notes: "keep",
    });
  });

  it("gives field-level messages for a bad date, an unknown status and overlong notes", () => {
    const result = updatePlanItemSchema.safeParse({
      itemId: "item-1",
      expectedVersion: "1",
      status: "blocked",
      dueOn: "2026-02-30",
      notes: "x".repeat(2001),
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(fields).toEqual({
      status: "Choose a status",
      dueOn: "Enter a real date like 2026-12-31",
      notes: "Keep notes to 2000 characters or fewer",
    });
  });
});
