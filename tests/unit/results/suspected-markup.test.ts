import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { teamHeadline, toHeadlineView } from "@/domain/results/headline";
import { DontKnowCeilingNote } from "@/features/results/dont-know-ceiling-note";
import { worstPhrase } from "@/features/results/team-headline";

const names: Record<string, string> = {
  "no-major-incident-management": "No major incident management",
  "excessive-bau": "Excessive BAU",
};
const nameOf = (id: string) => names[id] ?? id;

describe("what a result says about 'don't know'", () => {
  it("marks the headline's pitfall suspected when every sign of it is a 'don't know'", () => {
    const suspected = toHeadlineView(
      teamHeadline([
        {
          pitfallId: "no-major-incident-management",
          status: "scored",
          score: 79.9,
          band: "high",
          dontKnowOnly: true,
        },
        { pitfallId: "excessive-bau", status: "scored", score: 5, band: "none" },
      ]),
      nameOf,
    );
    expect(worstPhrase(suspected)).toBe("worst: No major incident management 79.9, suspected");
    const confirmed = toHeadlineView(
      teamHeadline([{ pitfallId: "excessive-bau", status: "scored", score: 75, band: "high" }]),
      nameOf,
    );
    expect(worstPhrase(confirmed)).toBe("worst: Excessive BAU 75.0");
  });

  it("says where the ceiling stopped a score: the top of Medium or of High", () => {
    const medium = renderToStaticMarkup(h(DontKnowCeilingNote, { average: 88, score: 59.9 }));
    expect(medium).toContain("Their average, 88.0, would be Critical");
    expect(medium).toContain("the score stops at 59.9, the top of Medium");
    const high = renderToStaticMarkup(h(DontKnowCeilingNote, { average: 80, score: 79.9 }));
    expect(high).toContain("the score stops at 79.9, the top of High");
  });
});
