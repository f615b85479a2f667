import { describe, expect, it } from "vitest";
import { parseCycleRef } from "@/domain/cycles/cycle-ref";
import {
  attachmentDisposition,
  heatmapExportFilename,
  planExportFilename,
} from "@/domain/plans/export-formats";

describe("export file names", () => {
  it("names files after the team or unit and the cycle, in plain ASCII", () => {
    expect(planExportFilename({ kind: "team", slug: "checkout" }, "2026 Q3", "csv")).toBe(
      "checkout-2026-q3-plan.csv",
    );
    expect(planExportFilename({ kind: "orgUnit", slug: "payments" }, "2026 Q3", "pdf")).toBe(
      "payments-2026-q3-plans.pdf",
    );
    expect(planExportFilename({ kind: "team", slug: "zoë-team" }, "2026 Q4", "md")).toBe(
      "zoe-team-2026-q4-plan.md",
    );
    expect(heatmapExportFilename("2026 Q3")).toBe("heatmap-2026-q3.csv");
    expect(attachmentDisposition("checkout-2026-q3-plan.csv")).toBe(
      'attachment; filename="checkout-2026-q3-plan.csv"',
    );
    expect(attachmentDisposition('a"b\r\n.csv')).toBe('attachment; filename="a-b--.csv"');
  });

  it("reads cycles as people and links write them", () => {
    expect(parseCycleRef("2026 Q3")).toEqual({ year: 2026, quarter: 3 });
    expect(parseCycleRef("2026-q3")).toEqual({ year: 2026, quarter: 3 });
    expect(parseCycleRef("2026q4")).toEqual({ year: 2026, quarter: 4 });
    expect(parseCycleRef("2026 Q5")).toBeNull();
    expect(parseCycleRef("Q3 2026")).toBeNull();
  });
});
