import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HighRiskFindingsList, highRiskFindingsTitle } from "@/features/results/high-risk-findings";

const finding = {
  explanation: "The Head of Operations answers for serious incidents in this team’s services.",
  floor: "High",
};

describe("high-risk findings as the result pages show them", () => {
  it("names each finding with the band it holds the pitfall at", () => {
    const html = renderToStaticMarkup(
      createElement(HighRiskFindingsList, { findings: [finding], averageScore: null, score: 60 }),
    );
    expect(html).toContain(finding.explanation);
    expect(html).toContain("This holds the pitfall at High or above.");
    expect(html).not.toContain("average");
  });

  it("shows the answers' average beside the score a finding lifted it to", () => {
    const html = renderToStaticMarkup(
      createElement(HighRiskFindingsList, { findings: [finding], averageScore: 20.6, score: 60 }),
    );
    expect(html).toContain("The answers alone average 20.6; the finding sets the score at 60.0.");
  });

  it("titles one finding and several", () => {
    expect(highRiskFindingsTitle(1)).toBe("High-risk finding");
    expect(highRiskFindingsTitle(2)).toBe("High-risk findings");
  });
});
