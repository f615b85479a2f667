import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  JIRA_CSV_COLUMNS,
  JIRA_SUMMARY_MAX_LENGTH,
  jiraCsvHeader,
  jiraCsvLines,
  jiraPriority,
  jiraRowForPlanItem,
  jiraRowsForTeam,
  toJiraCsv,
} from "@/domain/plans/jira-csv";
import { samplePlanItem, sampleTeamSection } from "./sample-export";

const context = {
  team: { slug: "checkout", name: "Checkout", orgUnitName: "Payments" },
  cycleName: "2026 Q3",
  pitfallBand: "high" as const,
};

function parse(csv: string) {
  const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

describe("Jira CSV rows", () => {
  it("has exactly the columns Jira's importer maps, in order", () => {
    expect(JIRA_CSV_COLUMNS).toEqual([
      "Summary",
      "Description",
      "Due date",
      "Labels",
      "Priority",
      "Assignee",
    ]);
    expect(jiraCsvHeader()).toBe("Summary,Description,Due date,Labels,Priority,Assignee\r\n");
    expect(Object.keys(jiraRowForPlanItem(samplePlanItem(), context))).toEqual([...JIRA_CSV_COLUMNS]);
  });

  it("maps an item: action as summary, owner email as assignee, ISO due date, space-separated labels", () => {
    const row = jiraRowForPlanItem(samplePlanItem(), context);
    expect(row.Summary).toBe("Treat unplanned operational rework like planned work");
    expect(row.Assignee).toBe("zoe.muller@example.com");
    expect(row["Due date"]).toBe("2026-12-31");
    expect(row.Labels).toBe("pitfall-radar excessive-bau team-checkout");
    expect(row.Labels).not.toMatch(/[A-Z,]/);
    expect(row.Priority).toBe("High");
    expect(row.Description).toContain("Pitfall: Excessive BAU");
    expect(row.Description).toContain("So that: operational rework shows up on the board");
    expect(row.Description).toContain("Symptoms addressed: Slow delivery of planned work");
    expect(row.Description).toContain("Closed loop: Excessive BAU: 62.0 → 41.0 (down 21.0) since 2026 Q2");
    expect(row.Description).toContain("Status in the plan: In progress");
  });

  it("leaves the assignee and due date empty when the item has none", () => {
    const row = jiraRowForPlanItem(samplePlanItem({ ownerEmail: null, dueOn: null, notes: null }), context);
    expect(row.Assignee).toBe("");
    expect(row["Due date"]).toBe("");
    expect(row.Description).not.toContain("Notes:");
  });

  it("sets the priority from the band of the item's pitfall", () => {
    expect(jiraPriority("critical")).toBe("Highest");
    expect(jiraPriority("high")).toBe("High");
    expect(jiraPriority("medium")).toBe("Medium");
    expect(jiraPriority("low")).toBe("Low");
    expect(jiraPriority("none")).toBe("Lowest");
    expect(jiraPriority(null)).toBe("Medium");
  });

  it("shortens summaries to Jira's limit", () => {
    const row = jiraRowForPlanItem(samplePlanItem({ action: "x".repeat(400) }), context);
    expect(row.Summary.length).toBe(JIRA_SUMMARY_MAX_LENGTH);
    expect(row.Summary.endsWith("…")).toBe(true);
  });

  it("leaves dropped items out and takes each item's priority from the exported scores", () => {
    const section = sampleTeamSection([
      samplePlanItem(),
      samplePlanItem({
        id: "item-2",
        countermeasureId: "other",
        status: "dropped",
        statusLabel: "Dropped",
        droppedReason: "Not now",
      }),
      samplePlanItem({
        id: "item-3",
        countermeasureId: "third",
        pitfallId: "linear-run-costs",
        pitfallName: "Linear run costs",
      }),
    ]);
    const rows = jiraRowsForTeam(section, "2026 Q3");
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.Priority)).toEqual(["Medium", "Low"]);
  });

  it("takes the priority of a team's latest earlier result while it has none in the exported cycle", () => {
    const section = {
      ...sampleTeamSection([
        samplePlanItem({
          closedLoop: { ...samplePlanItem().closedLoop, latestScore: 96.1, latestCycle: "2026 Q3" },
        }),
        samplePlanItem({
          id: "item-2",
          countermeasureId: "never-scored",
          closedLoop: { ...samplePlanItem().closedLoop, latestScore: null, latestCycle: null },
        }),
      ]),
      assessment: null,
    };
    expect(jiraRowsForTeam(section, "2026 Q4").map((row) => row.Priority)).toEqual(["Highest", "Medium"]);
  });
});

describe("Jira CSV text", () => {
  it("quotes commas, quotes, line breaks and keeps non-ASCII text, so it parses back unchanged", () => {
    const tricky = samplePlanItem({
      action: 'Pre-approve "low-risk", repeatable changes',
      ownerEmail: "zoë.müller@example.com",
    });
    const rows = [
      jiraRowForPlanItem(tricky, {
        ...context,
        team: { slug: "kasse", name: "Kassé, Zahlung", orgUnitName: "Zahlungen — Ü" },
      }),
    ];
    const csv = toJiraCsv(rows);
    expect(csv).toContain('"Pre-approve ""low-risk"", repeatable changes"');
    const parsed = parse(csv);
    expect(parsed.meta.fields).toEqual([...JIRA_CSV_COLUMNS]);
    expect(parsed.data).toEqual(rows);
    const description = parsed.data[0]!.Description ?? "";
    expect(description).toContain("Second line: Zoë Müller, Łukasz, 東京 | pipes");
    expect(description).toContain("Kassé, Zahlung team (Zahlungen — Ü)");
    expect(description.split("\n").length).toBeGreaterThan(5);
  });

  it("writes rows in chunks that join into the same document", () => {
    const first = jiraRowForPlanItem(samplePlanItem(), context);
    const second = jiraRowForPlanItem(samplePlanItem({ action: "Second, with a comma" }), context);
    const chunked = jiraCsvHeader() + jiraCsvLines([first]) + jiraCsvLines([]) + jiraCsvLines([second]);
    expect(chunked).toBe(toJiraCsv([first, second]));
    expect(parse(chunked).data).toEqual([first, second]);
  });

  it("is only a header when there are no items", () => {
    expect(toJiraCsv([])).toBe(jiraCsvHeader());
  });
});

describe("a plan item whose pitfall rests on 'don't know' answers alone", () => {
  it("says to find out first after the pitfall, and marks the suspected symptoms it addresses", () => {
    const section = sampleTeamSection();
    const bau = section.assessment!.pitfalls.find((pitfall) => pitfall.pitfallId === "excessive-bau")!;
    bau.dontKnowOnly = true;
    bau.triggeredSymptoms[0]!.suspected = true;
    const [row] = jiraRowsForTeam(section, "2026 Q3");
    expect(row!.Description).toContain(
      "Pitfall: Excessive BAU\nFind out first. Every point of Excessive BAU comes from “don't know” answers: start by finding out how things stand.\nSo that:",
    );
    expect(row!.Description).toContain(
      "Symptoms addressed: Slow delivery of planned work (suspected: every answer behind it is “don't know”)",
    );
  });

  it("says nothing of the kind when its pitfall's risk is known", () => {
    const [row] = jiraRowsForTeam(sampleTeamSection(), "2026 Q3");
    expect(row!.Description).not.toContain("Find out first");
    expect(row!.Description).not.toContain("suspected");
  });
});
