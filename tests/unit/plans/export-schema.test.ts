import { describe, expect, it } from "vitest";
import {
  EXPORT_SCHEMA_VERSION,
  orgUnitPlanExportSchema,
  teamPlanExportSchema,
} from "@/domain/plans/export-schema";
import {
  samplePlanItem,
  sampleSectionWithoutResult,
  sampleTeamExport,
  sampleTeamSection,
} from "./sample-export";

describe("JSON export schema", () => {
  it("accepts a team export and round-trips it through JSON", () => {
    const document = sampleTeamExport();
    expect(teamPlanExportSchema.parse(JSON.parse(JSON.stringify(document)))).toEqual(document);
  });

  it("accepts a team with no assessment and an empty plan, with or without a last result", () => {
    expect(
      teamPlanExportSchema.safeParse({ ...sampleTeamExport([]), ...sampleSectionWithoutResult() }).success,
    ).toBe(true);
    expect(
      teamPlanExportSchema.safeParse({ ...sampleTeamExport([]), ...sampleSectionWithoutResult([], null) })
        .success,
    ).toBe(true);
  });

  it("is version 2: the headline replaced the average's overallScore and overallBand", () => {
    expect(EXPORT_SCHEMA_VERSION).toBe(2);
    const document = sampleTeamExport();
    expect(teamPlanExportSchema.parse(document).assessment?.headline.band).toBe("medium");
    const fields = JSON.stringify(teamPlanExportSchema.toJSONSchema());
    expect(fields).not.toContain("overallBand");
    expect(fields).not.toContain("overallScore");
    // A version 1 document, read by the new schema, is refused rather than misread.
    const { headline: _headline, ...assessment } = document.assessment!;
    const versionOne = {
      ...document,
      schemaVersion: 1,
      assessment: { ...assessment, overallScore: 26.8, overallBand: "medium" },
    };
    expect(teamPlanExportSchema.safeParse(versionOne).success).toBe(false);
  });

  it("accepts an org unit export made of team sections", () => {
    const document = {
      schemaVersion: EXPORT_SCHEMA_VERSION,
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
    const document = sampleTeamExport([
      { ...samplePlanItem(), ...change } as ReturnType<typeof samplePlanItem>,
    ]);
    expect(teamPlanExportSchema.safeParse(document).success).toBe(false);
  });

  it("rejects scores outside 0-100, unknown bands and another schema version", () => {
    const document = sampleTeamExport();
    const pitfall = document.assessment!.pitfalls[0]!;
    expect(
      teamPlanExportSchema.safeParse({
        ...document,
        assessment: { ...document.assessment!, pitfalls: [{ ...pitfall, score: 101 }] },
      }).success,
    ).toBe(false);
    expect(
      teamPlanExportSchema.safeParse({
        ...document,
        assessment: {
          ...document.assessment!,
          headline: { ...document.assessment!.headline, band: "severe" },
        },
      }).success,
    ).toBe(false);
    expect(teamPlanExportSchema.safeParse({ ...document, schemaVersion: 1 }).success).toBe(false);
    expect(teamPlanExportSchema.safeParse({ ...document, schemaVersion: 3 }).success).toBe(false);
  });

  it("has no field for people other than the owner's name and email", () => {
    const fields = JSON.stringify(teamPlanExportSchema.toJSONSchema());
    expect(fields).toContain("ownerEmail");
    expect(fields).toContain("ownerName");
    for (const forbidden of ["createdBy", "submittedBy", "members", "respondents", "leadName", "author"]) {
      expect(fields).not.toContain(forbidden);
    }
  });
});
