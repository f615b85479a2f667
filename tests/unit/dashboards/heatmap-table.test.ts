/**
 * The heatmap table's open/closed start: large views render the unit rows only, so a thousand
 * team rows never reach the HTML until someone opens a unit. Rendered to static HTML, as the
 * server renders it before the browser takes over.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { encodeGroup, type EncodedCell, type EncodedGroup } from "@/features/dashboards/heatmap-encoding";
import { HeatmapTable } from "@/features/dashboards/heatmap-unit-group";
import {
  buildHeatmap,
  COMPLETION_STATUSES,
  HEATMAP_COLUMNS,
  parseHeatmapQuery,
  type HeatmapUnitGroup,
} from "@/domain/dashboards/heatmap";

vi.mock("next/navigation", async () => ({
  ...(await import("../../support/app-router")).appRouterForMarkup,
  useSearchParams: () => null,
}));

function group(id: string, name: string, teams: number): EncodedGroup {
  return {
    id,
    name,
    teamCount: teams,
    submitted: teams,
    reopened: 0,
    averages: Array.from({ length: 8 }, () => [42.5, 2, null, teams] as const),
    rows: Array.from({ length: teams }, (_, index) => [
      `${id}-team-${index}`,
      `${name} team ${index}`,
      2,
      Array.from({ length: 8 }, () => [42.5, 2, 3] as const),
    ]),
  };
}

const GROUPS = [group("unit-a", "Payments", 3), group("unit-b", "Search", 2)];

function render(initiallyExpanded: boolean): string {
  return renderToStaticMarkup(
    createElement(HeatmapTable, {
      groups: GROUPS,
      cycleSearch: "",
      since: "2026 Q3",
      initiallyExpanded,
      caption: "Risk scores",
      head: createElement("tr", null, createElement("th", null, "Team")),
    }),
  );
}

function count(html: string, fragment: string): number {
  return html.split(fragment).length - 1;
}

describe("HeatmapTable", () => {
  it("renders every team row when the units start open", () => {
    const html = render(true);
    expect(count(html, "data-team-row")).toBe(5);
    expect(count(html, 'aria-expanded="true"')).toBe(2);
    expect(html).toContain('href="/team/unit-a-team-0/dashboard"');
    // Every unit open: "Open all units" has nothing left to do, yet keeps focus (not `disabled`).
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Open all units<\/button>/);
    expect(html).not.toMatch(/<button[^>]* disabled=""[^>]*>Open all units<\/button>/);
  });

  it("renders only the unit rows, with their averages, when the units start closed", () => {
    const html = render(false);
    expect(count(html, "data-team-row")).toBe(0);
    expect(count(html, 'aria-expanded="false"')).toBe(2);
    expect(html).toContain("Payments");
    expect(html).toContain("unit average of 3 teams");
    expect(html).not.toContain("/team/unit-a-team-0/dashboard");
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Close all units<\/button>/);
    expect(html).not.toMatch(/<button[^>]* disabled=""[^>]*>Close all units<\/button>/);
    expect(html).not.toMatch(/<button[^>]*aria-disabled="[^>]*>Open all units<\/button>/);
  });

  it("shows the Overall column as the headline: worst band with the High or Critical count, words in the label", () => {
    const [first] = GROUPS;
    const withHeadline: EncodedGroup = {
      ...first!,
      averages: [...first!.averages.slice(0, 7), [30.1, 4, 1, 3, 2] as const],
      rows: first!.rows!.map(([slug, name, completion, cells]) => [
        slug,
        name,
        completion,
        [...cells.slice(0, 7), [25, 4, 1, 2, 89.7, 2] as const],
      ]),
    };
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [withHeadline],
        pitfallNames: ["Linear run costs", "Responsible but unaccountable", "Excessive BAU"],
        cycleSearch: "",
        since: "2026 Q3",
        initiallyExpanded: true,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    // The team row says what it counts, in the unit row's style: "Critical · 2 pitfalls".
    expect(html).toMatch(
      /<a [^>]*>Critical <span class="[^"]*"><span class="[^"]*">· <\/span>2 pitfalls ↑<\/span><\/a>/,
    );
    expect(html).not.toContain("Critical (2)");
    expect(html).toContain(
      'aria-label="Critical: 2 pitfalls High or Critical, worst Excessive BAU 89.7, average 25.0, riskier than in 2026 Q3"',
    );
    // The unit row counts teams, not pitfalls, and says so: "Critical · 2 teams", not "Critical (2)".
    expect(html).toMatch(
      />Critical <span class="[^"]*"><span class="[^"]*">· <\/span>2 teams ↑<\/span><\/span>/,
    );
    expect(html).toContain("2 of 3 teams High or Critical, average 30.1, riskier than in 2026 Q3");
    // The headline comes first, beside the team's name and completion, then the seven pitfalls in
    // order, so on a phone it is in sight before any scrolling.
    const teamRow = /<tr data-team-row="">(.*?)<\/tr>/.exec(html)![1]!;
    const cells = [...teamRow.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) => match[1]!);
    expect(cells).toHaveLength(9);
    expect(cells[1]).toContain("2 pitfalls ↑");
    expect(cells[2]).toContain('href="/team/unit-a-team-0/dashboard/linear-run-costs"');
    expect(cells[8]).toContain('href="/team/unit-a-team-0/dashboard/limited-on-call-schedule"');
    const unitRow = /<tr class="[^"]*">(.*?)<\/tr>/.exec(html)![1]!;
    const unitHeadline = [...unitRow.matchAll(/<td[^>]*>(.*?)<\/td>/g)][1]![1]!;
    expect(unitHeadline).toContain("2 teams ↑</span>");
    expect(unitHeadline).not.toContain("pitfalls");
  });
});

describe("a team's Overall cell when nothing was found at its worst band", () => {
  it("is encoded with no pitfall index, or with the named pitfall's band after the split count", () => {
    const heatmap = buildHeatmap(
      {
        units: [{ id: "u", name: "Payments", slug: "payments" }],
        teams: [
          { id: "t1", name: "Fence", slug: "fence", orgUnitId: "u" },
          { id: "t2", name: "Third", slug: "third", orgUnitId: "u" },
        ],
        current: ["t1", "t2"].map((teamId) => ({
          id: `a-${teamId}`,
          teamId,
          cycleId: "c",
          status: "submitted",
          overallScore: 20,
          overallBand: "low",
        })),
        previous: [],
        results: [
          {
            assessmentId: "a-t1",
            pitfallId: "linear-run-costs",
            status: "scored",
            score: 25,
            band: "low",
            evidenceFound: false,
          },
          {
            assessmentId: "a-t2",
            pitfallId: "linear-run-costs",
            status: "scored",
            score: 50,
            band: "medium",
            evidenceFound: false,
          },
          {
            assessmentId: "a-t2",
            pitfallId: "excessive-bau",
            status: "scored",
            score: 22,
            band: "low",
            evidenceFound: true,
          },
        ],
        previousCycleName: null,
      },
      parseHeatmapQuery({}),
    );
    const rows = encodeGroup(heatmap.groups[0]!).rows!;
    const overallOf = (slug: string) => rows.find((row) => row[0] === slug)![3].at(-1);
    // Low, no pitfall High or Critical, the top score 25 in the worst score's place, index -1.
    expect(overallOf("fence")).toEqual([25, 1, null, 0, 25, -1]);
    // Medium at 50 with nothing found; Excessive BAU (index 2) named at Low (band index 1).
    expect(overallOf("third")).toEqual([36, 2, null, 0, 22, 2, 0, 1]);
  });

  function overallLabel(overall: EncodedCell): string {
    const [first] = GROUPS;
    const withOverall: EncodedGroup = {
      ...first!,
      rows: first!.rows!.map(([slug, name, completion, cells]) => [
        slug,
        name,
        completion,
        [...cells.slice(0, 7), overall],
      ]),
    };
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [withOverall],
        pitfallNames: ["Linear run costs", "Responsible but unaccountable", "Excessive BAU"],
        cycleSearch: "",
        since: null,
        initiallyExpanded: true,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    return /aria-label="(Low|Medium)[^"]*"/.exec(html)![0]!;
  }

  it("says no pitfall shows symptoms, and names none", () => {
    expect(overallLabel([25, 1, null, 0, 25, -1])).toBe(
      'aria-label="Low: no pitfall shows symptoms, average 25.0"',
    );
  });

  it("names the worst pitfall with symptoms below the worst band as such", () => {
    expect(overallLabel([36, 2, null, 0, 22, 2, 0, 1])).toBe(
      'aria-label="Medium: no pitfall High or Critical, worst with symptoms Excessive BAU 22.0, average 36.0"',
    );
  });
});

describe("a unit row's headline", () => {
  function unitHeadlineCell(overall: readonly [number, number, number | null, number, number]): string {
    const [first] = GROUPS;
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [{ ...first!, averages: [...first!.averages.slice(0, 7), overall] }],
        cycleSearch: "",
        since: null,
        initiallyExpanded: false,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    const unitRow = /<tr class="[^"]*">(.*?)<\/tr>/.exec(html)![1]!;
    return [...unitRow.matchAll(/<td[^>]*>(.*?)<\/td>/g)][1]![1]!;
  }

  it("counts one team in the singular", () => {
    const cell = unitHeadlineCell([61.2, 3, null, 4, 1]);
    expect(cell).toContain(">High <span");
    expect(cell).toContain("</span>1 team</span>");
    expect(cell).toContain("1 of 4 teams High or Critical");
  });

  it("shows the band alone when no team is at High or Critical", () => {
    const cell = unitHeadlineCell([22.5, 2, null, 3, 0]);
    expect(cell).toContain('<span aria-hidden="true">Medium</span>');
    expect(cell).not.toContain("0 teams</span>");
    expect(cell).toContain("0 of 3 teams High or Critical");
  });
});

describe("a team row's headline", () => {
  function teamHeadlineCell(
    overall: readonly [number, number, number | null, number, number, number],
  ): string {
    const [first] = GROUPS;
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [
          {
            ...first!,
            rows: [["checkout", "Checkout", 2, [...first!.rows![0]![3].slice(0, 7), overall]]],
          },
        ],
        pitfallNames: ["Linear run costs"],
        cycleSearch: "",
        since: null,
        initiallyExpanded: true,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    const teamRow = /<tr data-team-row="">(.*?)<\/tr>/.exec(html)![1]!;
    return [...teamRow.matchAll(/<td[^>]*>(.*?)<\/td>/g)][1]![1]!;
  }

  it("counts one pitfall in the singular, and its accessible name says what it counts", () => {
    const cell = teamHeadlineCell([40, 3, null, 1, 61.2, 0]);
    expect(cell).toMatch(/>High <span class="[^"]*"><span class="[^"]*">· <\/span>1 pitfall<\/span><\/a>/);
    expect(cell).toContain('aria-label="High: 1 pitfall High or Critical, worst Linear run costs 61.2');
    expect(cell).not.toContain("(1)");
  });

  it("shows the band alone when no pitfall is at High or Critical", () => {
    const cell = teamHeadlineCell([22.5, 2, null, 0, 30, 0]);
    expect(cell).toMatch(/>Medium<\/a>/);
    expect(cell).not.toContain("(0)");
    expect(cell).toContain('aria-label="Medium: no pitfall High or Critical');
  });
});

describe("a team split on a pitfall's questions", () => {
  it("shows ≠ after the score and says it in words, in a pitfall cell and in Overall", () => {
    const splitGroup: EncodedGroup = {
      id: "unit-c",
      name: "Platform",
      teamCount: 1,
      submitted: 1,
      reopened: 0,
      averages: Array.from({ length: 8 }, () => [42.5, 2, null, 1] as const),
      rows: [
        [
          "platform-team",
          "Platform team",
          2,
          // HEATMAP_COLUMNS order: the seven pitfalls, then Overall.
          [
            [42.5, 2, null, 2],
            ...Array.from({ length: 6 }, () => [42.5, 2, null] as const),
            [16, 4, null, 1, 82, 0, 3],
          ],
        ],
      ],
    };
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [splitGroup],
        cycleSearch: "",
        since: null,
        initiallyExpanded: true,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    expect(html).toContain("42.5 ≠");
    expect(html).toContain("team split on 2 questions");
    expect(html).toContain("team split on 3 questions");
    // Shown once in each of the two cells; the words carry it for screen readers.
    expect(count(html, "≠")).toBe(2);
    expect(count(html, "team split on")).toBe(3); // the pitfall cell's label, Overall's label and tooltip
  });
});

describe("a closed unit's team rows", () => {
  it("are left out of the encoded unit, and only of it", () => {
    const unit = {
      orgUnitId: "unit-a",
      name: "Payments",
      teamCount: 0,
      completion: { submitted: 0, draft: 0, "not-started": 0 },
      averages: Object.fromEntries(
        HEATMAP_COLUMNS.map((column) => [column, { score: null, band: null, trend: null, scoredTeams: 0 }]),
      ),
      headline: { highOrCriticalTeams: 0 },
      rows: [],
    } as unknown as HeatmapUnitGroup;
    expect(encodeGroup(unit, false).rows).toBeNull();
    expect(encodeGroup(unit).rows).toEqual([]);
    expect(encodeGroup(unit, false).name).toBe("Payments");
  });

  it("show a loading row, not an empty unit, while an open unit's rows are on their way", () => {
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [{ ...GROUPS[0]!, rows: null }, GROUPS[1]!],
        cycleSearch: "",
        since: null,
        initiallyExpanded: true,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    expect(html).toContain('role="status">Loading the teams of Payments…</td>');
    expect(html).not.toContain("No team in this unit matches the filters.");
    expect(count(html, "data-team-row")).toBe(2);
  });
});

describe("a reopened team's row", () => {
  it("keeps its last submitted headline, marked ↺ and said to be reopened", () => {
    const reopenedGroup: EncodedGroup = {
      ...group("unit-d", "Billing", 1),
      submitted: 0,
      reopened: 1,
      rows: [
        [
          "billing",
          "Billing",
          COMPLETION_STATUSES.indexOf("reopened"),
          [...Array.from({ length: 7 }, () => [42.5, 2, null] as const), [30.1, 4, null, 3, 82, 0]],
        ],
      ],
    };
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [reopenedGroup],
        cycleSearch: "",
        since: null,
        initiallyExpanded: true,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    const teamRow = /<tr data-team-row="">(.*?)<\/tr>/.exec(html)![1]!;
    const cells = [...teamRow.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) => match[1]!);
    expect(cells[0]).toBe("Reopened");
    expect(cells[1]).toMatch(/>Critical <span[^>]*><span[^>]*>· <\/span>3 pitfalls ↺<\/span>/);
    expect(cells[1]).toContain("reopened: last submitted results, being revised");
    expect(html).toContain("0 of 1 submitted, 1 reopened");
  });
});

describe("a team without a result in the cycle", () => {
  it("shows its last earlier result greyed, labelled with that cycle and without arrows", () => {
    const waiting: EncodedGroup = {
      ...group("unit-e", "Refunds", 1),
      submitted: 0,
      rows: [
        [
          "refunds",
          "Refunds",
          COMPLETION_STATUSES.indexOf("not-started"),
          Array.from({ length: 8 }, () => 0 as const),
          [
            "2026 Q3",
            [
              [96.1, 4, null],
              ...Array.from({ length: 6 }, () => [42.5, 2, null] as const),
              [50, 4, null, 1, 96.1, 0],
            ],
          ],
        ],
      ],
    };
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [waiting],
        pitfallNames: ["Linear run costs"],
        cycleSearch: "",
        since: "2026 Q3",
        initiallyExpanded: true,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    const teamRow = /<tr data-team-row="">(.*?)<\/tr>/.exec(html)![1]!;
    const cells = [...teamRow.matchAll(/<td class="([^"]*)"[^>]*>(.*?)<\/td>/g)].map((match) => ({
      className: match[1]!,
      html: match[2]!,
    }));
    expect(cells[0]!.html).toBe("Not started");
    expect(teamRow).toContain('title="No result yet in this cycle: 2026 Q3 result shown"');
    // Seen: the headline with a short tag of its cycle; heard: the same words, the full cycle first.
    expect(cells[1]!.html).toMatch(
      /<span aria-hidden="true">Critical <span class="[^"]*"><span class="[^"]*">· <\/span>1 pitfall<\/span><span class="/,
    );
    // The year is a part of its own, which phones leave out for room.
    expect(cells[1]!.html).toMatch(/>Q3<span class="[^"]*earlierYear[^"]*"> ’26<\/span><\/span><\/span>/);
    expect(cells[1]!.html).toContain(
      '<span class="sr-only">2026 Q3 result, none yet in this cycle: Critical: 1 pitfall High or Critical, worst Linear run costs 96.1, average 50.0</span>',
    );
    expect(cells[1]!.html).not.toContain("aria-label");
    expect(cells[2]!.html).toContain('aria-label="2026 Q3 result, none yet in this cycle: 96.1 Critical"');
    expect(cells[2]!.html).toContain(">96.1</a>");
    for (const cell of cells.slice(1)) expect(cell.className).toMatch(/earlier/);
  });

  it("travels with its cycle's name only when the team has no result of its own", () => {
    const heatmap = buildHeatmap(
      {
        units: [{ id: "u", name: "Payments", slug: "payments" }],
        teams: [
          { id: "t-now", name: "Now", slug: "now", orgUnitId: "u" },
          { id: "t-then", name: "Then", slug: "then", orgUnitId: "u" },
        ],
        current: [
          {
            id: "a-now",
            teamId: "t-now",
            cycleId: "q4",
            status: "submitted",
            overallScore: 20,
            overallBand: "low",
          },
        ],
        previous: [],
        results: [
          { assessmentId: "a-now", pitfallId: "excessive-bau", status: "scored", score: 20, band: "low" },
          {
            assessmentId: "a-then",
            pitfallId: "excessive-bau",
            status: "scored",
            score: 90,
            band: "critical",
          },
        ],
        previousCycleName: "2026 Q3",
        lastResults: [
          {
            id: "a-then",
            teamId: "t-then",
            cycleId: "q3",
            status: "submitted",
            overallScore: 90,
            overallBand: "critical",
            cycleName: "2026 Q3",
          },
        ],
      },
      parseHeatmapQuery({}),
    );
    const encoded = encodeGroup(heatmap.groups[0]!);
    expect(encoded.rows!.map((row) => [row[0], row[4]?.[0]])).toEqual([
      ["then", "2026 Q3"],
      ["now", undefined],
    ]);
    expect(encoded.rows![0]![3].every((cell) => cell === 0)).toBe(true);
  });
});

describe("a unit's change", () => {
  it("says it is taken over the teams with a result in both cycles, in words and as a tooltip", () => {
    const unit: EncodedGroup = {
      ...group("unit-f", "Customer Experience", 1),
      averages: [
        ...Array.from({ length: 7 }, () => [63.9, 3, -17, 1, 1] as const),
        [70.2, 4, -1, 1, 1, 1] as const,
      ],
    };
    const html = renderToStaticMarkup(
      createElement(HeatmapTable, {
        groups: [unit],
        cycleSearch: "",
        since: "2026 Q3",
        initiallyExpanded: false,
        caption: "Risk scores",
        head: createElement("tr", null, createElement("th", null, "Team")),
      }),
    );
    expect(html).toContain(
      "63.9 High, unit average of 1 team, down 17 since 2026 Q3, among the 1 team with a result in both cycles",
    );
    // The tooltip names the measure the arrow follows: the roll-ups' change follows another one.
    expect(html).toContain(
      'title="Unit average: down 17 since 2026 Q3, among the 1 team with a result in both cycles"',
    );
    expect(html).toContain(
      'title="1 of 1 team High or Critical; less risky than in 2026 Q3, among the 1 team with a result in both cycles"',
    );
    expect(html).toContain(
      "average 70.2, less risky than in 2026 Q3, among the 1 team with a result in both cycles",
    );
  });
});
