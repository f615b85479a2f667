import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatQuantity, unitWord, valueIssueMessage } from "@/domain/scoring/answer-validation";
import { describeNumberRange } from "@/features/assessments/answer-draft";

describe("numbers with their units", () => {
  it("agree in number: 1 person, 100 people, 1 hour, 0 hours", () => {
    expect(formatQuantity(1, "people")).toBe("1 person");
    expect(formatQuantity(100, "people")).toBe("100 people");
    expect(formatQuantity(1, "hours")).toBe("1 hour");
    expect(formatQuantity(0, "hours")).toBe("0 hours");
    expect(formatQuantity(1, "days")).toBe("1 day");
    expect(formatQuantity(2.5, "days")).toBe("2.5 days");
    expect(formatQuantity(12, "percent")).toBe("12%");
    expect(formatQuantity(3, "per-week")).toBe("3 per week");
    expect(formatQuantity(7, "count")).toBe("7");
  });

  it("write the questionnaire's hint and message without '1 people'", () => {
    const teamSize = { type: "number" as const, unit: "people" as const, min: 1, max: 100, integer: true };
    expect(describeNumberRange(teamSize)).toBe("whole number from 1 person to 100 people");
    expect(valueIssueMessage(teamSize, 500)).toBe(
      "Enter a whole number between 1 and 100 people (you entered 500).",
    );
  });

  it("use the singular for exactly one and the plural otherwise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (value) => {
        expect(unitWord(value, "people")).toBe(value === 1 ? "person" : "people");
        expect(formatQuantity(value, "people")).toBe(`${value} ${value === 1 ? "person" : "people"}`);
      }),
    );
  });
});
