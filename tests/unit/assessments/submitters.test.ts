import { describe, expect, it } from "vitest";
import { submitterWords } from "@/domain/assessments/submitters";

describe("who submits the team's assessment, in words", () => {
  it("names the lead, or the leads joined with 'or'", () => {
    expect(submitterWords(["Sam Lee"])).toBe("Sam Lee");
    expect(submitterWords(["Sam Lee", "Kim Ito"])).toBe("Sam Lee or Kim Ito");
    expect(submitterWords(["Ana Ruiz", "Sam Lee", "Kim Ito"])).toBe("Ana Ruiz, Sam Lee or Kim Ito");
  });

  it("says 'the team lead' while the team has none", () => {
    expect(submitterWords([])).toBe("the team lead");
  });
});
