import { describe, expect, it } from "vitest";
import { orgUnitPlanExportSchema, teamPlanExportSchema } from "@/domain/plans/export-schema";
import { samplePlanItem, sampleTeamExport, sampleTeamSection } from "./sample-export";

describe("JSON export schema", () => {
  it("accepts a team export and round-trips it through JSON", () => {
    const document = sampleTeamExport();
    expect(teamPlanExportSchema.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
  });

  it("accepts a team with no assessment and an empty plan", () => {
    expect(teamPlanExportSchema.safeParse({ ...sampleTeamExport([]), assessment: null, recommendations: [] }).success).toBe(true);
  });

  it("accepts an org unit export made of team sections", () => {
    const document = {
      schemaVersion: 1,
      kind: "orgUnit",
      generatedAt: "2026-11-27T10:00:00.000Z",
      cycle: { name: "2026 Q3", year: 2026, quarter: 3, opensOn: "2026-07-01", closesOn: "2026-09-15" },
      orgUnit: { slug: "payments", name: "Payments" },
      teams: [sampleTeamSection()],
    };
    expect(orgUnitPlanExportSchema.safeParse(document).success).toBe(true);
    expect(teamPlanExportSchema.safeParse(document).success).toBe(false);
  });

  it.each([
    ["an unknown status", { status: "blocked" }],
    ["an owner that is not an email", { ownerEmail: "Zoë Müller" }],
    ["a due date with a time", { dueOn: "2026-12-31T00:00:00Z" }],
    ["a missing closed loop", { closedLoop: undefined }],
  ])("rejects a plan item with %s", (_label, change) => {
    const document = sampleTeamExport([{ ...samplePlanItem(), ...change } as ReturnType<typeof samplePlanItem>]);
    expect(teamPlanExportSchema.safeParse(document).success).toBe(false);
  });

  it("rejects scores outside 0-100, unknown bands and another schema version", () => {
    const document = sampleTeamExport();
    const pitfall = document.assessment!.pitfalls[0]!;
    expect(
      teamPlanExportSchema.safeParse({ ...document, assessment: { ...document.assessment!, pitfalls: [{ ...pitfall, score: 101 }] } }).success,
    ).toBe(false);
    expect(
      teamPlanExportSchema.safeParse({ ...document, assessment: { ...document.assessment!, overallBand: "severe" } }).success,
    ).toBe(false);
    expect(teamPlanExportSchema.safeParse({ ...document, schemaVersion: 2 }).success).toBe(false);
  });

  it("has no field for people other than the owner's email", () => {
    const fields = JSON.stringify(teamPlanExportSchema.toJSONSchema());
    expect(fields).toContain("ownerEmail");
    for (const forbidden of ["ownerName", "createdBy", "submittedBy", "members", "respondents"]) {
      expect(fields).not.toContain(forbidden);
    }
  });
});
