import { describe, expect, it } from "vitest";
import { escapeMarkdown, renderOrgUnitMarkdown, renderTeamMarkdown } from "@/domain/plans/markdown-report";
import { EXPORT_SCHEMA_VERSION } from "@/domain/plans/export-schema";
import {
  samplePlanItem,
  sampleSectionWithoutResult,
  sampleTeamExport,
  sampleTeamSection,
} from "./sample-export";

const headings = (markdown: string) => markdown.split("\n").filter((line) => /^#{1,6} /.test(line));

describe("team plan as Markdown", () => {
  const markdown = renderTeamMarkdown(sampleTeamExport(), "UTC");

  it("is titled with the team and the cycle, with sections for scores, symptoms and the plan", () => {
    expect(headings(markdown)).toEqual([
      "# Checkout: remediation plan, 2026 Q3",
      "## Scores",
      "## Triggered symptoms",
      "### Excessive BAU",
      "## Plan",
      "### 1. Treat unplanned operational rework like planned work",
    ]);
    expect(markdown).toContain(
      "Team **Checkout** in Payments · Cycle 2026 Q3 (1 Jul 2026 – 15 Sep 2026) · Exported 27 Nov 2026",
    );
  });

  it("has a scores table with one row per pitfall", () => {
    const lines = markdown.split("\n");
    const header = lines.indexOf("| Pitfall | Score | Band | Confidence | Triggered symptoms |");
    expect(header).toBeGreaterThan(-1);
    expect(lines[header + 1]).toBe("| --- | ---: | --- | ---: | ---: |");
    expect(lines.slice(header + 2, header + 5)).toEqual([
      "| Linear run costs | 12.5 | Low | 100% | 0 |",
      "| Excessive BAU | 41.0 | Medium | 85% | 1 |",
      "| Embedded specialists | — | Not assessed | 0% | 0 |",
    ]);
    // The headline, not the stored average: the worst pitfall's band leads.
    expect(markdown).toContain(
      "Headline: **Medium** — no pitfall High or Critical \\(worst: Excessive BAU 41.0\\) · average 26.8, submitted on 10 Sep 2026.",
    );
    expect(markdown).not.toContain("Overall risk");
  });

  it("lists triggered symptoms and every plan item with owner, due date, status and closed loop", () => {
    expect(markdown).toContain("- Slow delivery of planned work");
    expect(markdown).toContain(
      "| 1 | Treat unplanned operational rework like planned work | Excessive BAU | Zoë Müller | 31 Dec 2026 | In progress |",
    );
    expect(markdown).toContain("- **Owner:** Zoë Müller");
    expect(markdown).toContain("- **Status:** In progress");
    expect(markdown).toContain("- **Due:** 31 Dec 2026");
    expect(markdown).toContain("- **Closed loop:** Excessive BAU: 62.0 → 41.0 \\(down 21.0\\) since 2026 Q2");
  });

  it("names owners by name, never by email: the file is for people", () => {
    expect(markdown).not.toContain("zoe.muller@example.com");
    const unowned = renderTeamMarkdown(
      sampleTeamExport([samplePlanItem({ ownerName: null, ownerEmail: null })]),
      "UTC",
    );
    expect(unowned).toContain("| Excessive BAU | — |");
    expect(unowned).toContain("- **Owner:** not assigned");
  });

  it("writes every score with one decimal and every date one way", () => {
    // Every day is written "31 Dec 2026"; no ISO day is left in the text.
    expect(markdown).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const days = markdown.match(/\b\d{1,2} [A-Z][a-z]+ \d{4}\b/g) ?? [];
    expect(days).toEqual([
      "1 Jul 2026",
      "15 Sep 2026",
      "27 Nov 2026",
      "10 Sep 2026",
      "31 Dec 2026",
      "31 Dec 2026",
    ]);
    for (const day of days) {
      expect(day).toMatch(/^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/);
    }
    const scoreRows = markdown.split("\n").filter((line) => /^\| [A-Z].* \| [\d—]/.test(line));
    expect(scoreRows).toHaveLength(3);
    for (const row of scoreRows) {
      const score = row.split(" | ")[1]!;
      expect(score).toMatch(/^(\d{1,3}\.\d|—)$/);
    }
  });

  it("escapes text typed by people so it cannot break the table or start a heading", () => {
    const item = samplePlanItem({
      action: "Split | the pipeline",
      notes: "# not a heading\n- not a list\n[link](http://x)",
    });
    const document = renderTeamMarkdown(sampleTeamExport([item]), "UTC");
    expect(document).toContain("| 1 | Split \\| the pipeline |");
    expect(document).toContain(
      "- **Notes:** \\# not a heading\n  \\- not a list\n  \\[link\\]\\(http://x\\)",
    );
    expect(headings(document).some((line) => line.includes("not a heading"))).toBe(false);
    expect(escapeMarkdown("a*b_c`d")).toBe("a\\*b\\_c\\`d");
  });

  it("keeps a multi-line note inside its list item and non-ASCII text as it is", () => {
    expect(markdown).toContain(
      '- **Notes:** Agree with "Ops", then split, as agreed\n  Second line: Zoë Müller, Łukasz, 東京 \\| pipes',
    );
  });

  it("writes the export and submission days in the organisation's time zone", () => {
    const document = {
      ...sampleTeamExport(),
      generatedAt: "2026-11-27T23:30:00.000Z",
      assessment: { ...sampleTeamExport().assessment!, submittedAt: "2026-09-09T22:15:00.000Z" },
    };
    const inUtc = renderTeamMarkdown(document, "UTC");
    expect(inUtc).toContain("· Exported 27 Nov 2026");
    expect(inUtc).toContain(", submitted on 9 Sep 2026");
    const inBerlin = renderTeamMarkdown(document, "Europe/Berlin");
    expect(inBerlin).toContain("· Exported 28 Nov 2026");
    expect(inBerlin).toContain(", submitted on 10 Sep 2026");
    // Days that are days (the cycle's) do not move with the zone.
    expect(inBerlin).toContain("Cycle 2026 Q3 (1 Jul 2026 – 15 Sep 2026)");
  });

  it("says so when no symptom was triggered or the plan has no item", () => {
    const quiet = sampleTeamSection([]);
    const document = {
      ...sampleTeamExport([]),
      assessment: {
        ...quiet.assessment!,
        pitfalls: quiet.assessment!.pitfalls.map((pitfall) => ({ ...pitfall, triggeredSymptoms: [] })),
      },
    };
    const empty = renderTeamMarkdown(document, "UTC");
    expect(empty).toContain("No symptoms were triggered.");
    expect(empty).toContain("The plan has no items yet.");
  });

  it("never reads a team without a result in the cycle as one without symptoms, and gives its last result", () => {
    const document = { ...sampleTeamExport([]), ...sampleSectionWithoutResult() };
    const text = renderTeamMarkdown(document, "UTC");
    expect(text).toContain("No result this cycle: no submitted assessment for 2026 Q3.");
    expect(text).toContain(
      "Last result, from 2026 Q2, submitted on 12 Jun 2026: **Critical** — 2 pitfalls High or Critical \\(worst: Change management treacle 96.1\\) · average 40.2. It is not counted as 2026 Q3's result.",
    );
    expect(text).not.toContain("No symptoms were triggered");
    expect(headings(text)).not.toContain("## Triggered symptoms");
    expect(text).not.toContain("| Pitfall | Score |");
  });

  it("says when a team without a result in the cycle has no earlier one either", () => {
    const document = { ...sampleTeamExport([]), ...sampleSectionWithoutResult([], null) };
    const text = renderTeamMarkdown(document, "UTC");
    expect(text).toContain(
      "No result this cycle: no submitted assessment for 2026 Q3, and no earlier result either.",
    );
    expect(text).not.toContain("No symptoms were triggered");
  });
});

describe("org unit plans as Markdown", () => {
  it("gives every team its own level-2 section", () => {
    const markdown = renderOrgUnitMarkdown(
      {
        schemaVersion: EXPORT_SCHEMA_VERSION,
        kind: "orgUnit",
        generatedAt: "2026-11-27T10:00:00.000Z",
        cycle: { name: "2026 Q3", year: 2026, quarter: 3, opensOn: "2026-07-01", closesOn: "2026-09-15" },
        orgUnit: { slug: "payments", name: "Payments" },
        teams: [
          sampleTeamSection(),
          {
            ...sampleTeamSection([]),
            team: { slug: "refunds", name: "Refunds", orgUnit: { slug: "payments", name: "Payments" } },
          },
        ],
      },
      "UTC",
    );
    const all = headings(markdown);
    expect(all[0]).toBe("# Payments: remediation plans, 2026 Q3");
    expect(all.filter((line) => line.startsWith("## "))).toEqual(["## Checkout", "## Refunds"]);
    expect(all).toContain("### Scores");
    expect(all).toContain("### Plan");
    expect(markdown).toContain("· 2 teams ·");
  });
});

describe("a pitfall resting on 'don't know' answers alone, in Markdown", () => {
  it("marks its band, says to find out first, and lists its symptoms as suspected", () => {
    const document = sampleTeamExport();
    const bau = document.assessment!.pitfalls.find((pitfall) => pitfall.pitfallId === "excessive-bau")!;
    bau.dontKnowOnly = true;
    bau.triggeredSymptoms[0]!.suspected = true;
    const markdown = renderTeamMarkdown(document, "UTC");
    expect(markdown).toContain("| Excessive BAU | 41.0 | Medium (find out first) |");
    expect(markdown).toContain(
      "**Find out first.** Every point of Excessive BAU comes from “don't know” answers: start by finding out how things stand.",
    );
    expect(markdown).toContain(
      "**Symptoms suspected.** Every answer behind these is “don't know”: find out whether they are there.\n\n- Slow delivery of planned work (suspected)",
    );
  });

  it("lists seen symptoms as before", () => {
    const markdown = renderTeamMarkdown(sampleTeamExport(), "UTC");
    expect(markdown).toContain("- Slow delivery of planned work\n");
    expect(markdown).not.toContain("suspected");
    expect(markdown).not.toContain("find out first");
  });
});
