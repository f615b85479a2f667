import { describe, expect, it } from "vitest";
import {
  buildHeatmap,
  heatmapSearch,
  matchesFilters,
  parseHeatmapQuery,
  sortRows,
  sortToggle,
  worstBand,
  type HeatmapInput,
  type HeatmapQuery,
  type HeatmapTeamRow,
} from "@/domain/dashboards/heatmap";
import type { AssessmentRow, PitfallResultRow } from "@/domain/dashboards/stored-rows";
import { PITFALL_IDS } from "@/domain/content/schema";
import { bandForScore } from "@/domain/scoring/bands";
import { teamHeadline } from "@/domain/results/headline";

const defaults: HeatmapQuery = parseHeatmapQuery({});

function assessment(
  id: string,
  teamId: string,
  cycleId: string,
  status: string,
  overallScore: number | null = null,
): AssessmentRow {
  return {
    id,
    teamId,
    cycleId,
    status,
    overallScore,
    overallBand: overallScore === null ? null : bandForScore(overallScore),
  };
}

/** Results for every pitfall: `first` for the first pitfall, `others` for the rest. */
function results(assessmentId: string, first: number, others = 5): PitfallResultRow[] {
  return PITFALL_IDS.map((pitfallId, index) => {
    const score = index === 0 ? first : others;
    return { assessmentId, pitfallId, status: "scored", score, band: bandForScore(score) };
  });
}

const input: HeatmapInput = {
  units: [
    { id: "u-pay", name: "Payments", slug: "payments" },
    { id: "u-cx", name: "Customer Experience", slug: "customer-experience" },
    { id: "u-empty", name: "Empty", slug: "empty" },
  ],
  teams: [
    { id: "t-checkout", name: "Checkout", slug: "checkout", orgUnitId: "u-pay" },
    { id: "t-billing", name: "Billing", slug: "billing", orgUnitId: "u-pay" },
    { id: "t-refunds", name: "Refunds", slug: "refunds", orgUnitId: "u-pay" },
    { id: "t-search", name: "Search", slug: "search", orgUnitId: "u-cx" },
  ],
  current: [
    assessment("a-billing", "t-billing", "q4", "submitted", 70),
    assessment("a-refunds", "t-refunds", "q4", "draft"),
    assessment("a-search", "t-search", "q4", "submitted", 20),
  ],
  previous: [
    assessment("p-billing", "t-billing", "q3", "submitted", 50),
    assessment("p-checkout", "t-checkout", "q3", "submitted", 30),
    assessment("p-search", "t-search", "q3", "submitted", 25),
  ],
  results: [
    ...results("a-billing", 82),
    ...results("a-search", 20),
    ...results("p-billing", 70),
    ...results("p-checkout", 40),
    ...results("p-search", 20),
  ],
  previousCycleName: "2026 Q3",
};

describe("heatmap query from the URL", () => {
  it("defaults to every team, riskier teams first by their overall headline", () => {
    expect(defaults).toEqual({
      cycle: undefined,
      unit: undefined,
      band: "any",
      completion: "any",
      agreement: "any",
      sort: "overall",
      dir: "desc",
    });
  });

  it("reads filters and sort, taking the first of repeated parameters", () => {
    expect(
      parseHeatmapQuery({
        cycle: "2026-q3",
        unit: "payments",
        band: "high",
        completion: "submitted",
        agreement: "split",
        sort: "excessive-bau",
        dir: ["asc", "desc"],
      }),
    ).toEqual({
      cycle: "2026-q3",
      unit: "payments",
      band: "high",
      completion: "submitted",
      agreement: "split",
      sort: "excessive-bau",
      dir: "asc",
    });
  });

  it("falls back to defaults for malformed values instead of failing", () => {
    expect(
      parseHeatmapQuery({
        unit: "<script>",
        band: "purple",
        completion: "maybe",
        agreement: "unanimous",
        sort: "DROP TABLE",
        dir: "sideways",
        cycle: "",
      }),
    ).toEqual(defaults);
  });

  it("starts score columns riskiest first", () => {
    expect(parseHeatmapQuery({ sort: "overall" }).dir).toBe("desc");
  });

  it("writes short URLs that parse back to the same state", () => {
    expect(heatmapSearch(defaults)).toBe("");
    const state: HeatmapQuery = {
      cycle: "2026-q4",
      unit: "payments",
      band: "critical",
      completion: "draft",
      agreement: "split",
      sort: "overall",
      dir: "asc",
    };
    const search = heatmapSearch(state);
    expect(parseHeatmapQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual(state);
  });

  it("flips the direction of the current sort column and starts a new column at its default", () => {
    expect(sortToggle(defaults, "overall")).toMatchObject({ sort: "overall", dir: "asc" });
    expect(sortToggle(defaults, "team")).toMatchObject({ sort: "team", dir: "asc" });
    expect(sortToggle({ ...defaults, sort: "team", dir: "asc" }, "team")).toMatchObject({
      sort: "team",
      dir: "desc",
    });
    expect(sortToggle(defaults, "linear-run-costs")).toMatchObject({ sort: "linear-run-costs", dir: "desc" });
    expect(sortToggle({ ...defaults, sort: "linear-run-costs", dir: "desc" }, "linear-run-costs").dir).toBe(
      "asc",
    );
  });
});

describe("building the heatmap", () => {
  const heatmap = buildHeatmap(input, defaults);
  const payments = heatmap.groups.find((group) => group.slug === "payments")!;

  it("groups teams by org unit and leaves out units without teams", () => {
    // Riskier first by default: Payments has a Critical team, Customer Experience a Low one.
    expect(heatmap.groups.map((group) => group.slug)).toEqual(["payments", "customer-experience"]);
    expect(payments.rows.map((row) => row.name)).toEqual(["Billing", "Checkout", "Refunds"]);
    const byName = buildHeatmap(input, { ...defaults, sort: "team", dir: "asc" });
    expect(byName.groups.map((group) => group.slug)).toEqual(["customer-experience", "payments"]);
  });

  it("gives each team its completion status for the cycle", () => {
    expect(Object.fromEntries(payments.rows.map((row) => [row.slug, row.completion]))).toEqual({
      billing: "submitted",
      checkout: "not-started",
      refunds: "draft",
    });
    expect(payments.completion).toEqual({ "not-started": 1, draft: 1, reopened: 0, submitted: 1 });
    expect(heatmap.totals).toEqual({
      teams: 4,
      shownTeams: 4,
      withLastResult: 0,
      completion: { "not-started": 1, draft: 1, reopened: 0, submitted: 2 },
    });
  });

  it("shows scores with bands and trend arrows against the previous cycle", () => {
    const billing = payments.rows.find((row) => row.slug === "billing")!;
    expect(billing.cells["linear-run-costs"]).toEqual({
      score: 82,
      band: "critical",
      status: "scored",
      trend: { direction: "up", change: 12, since: "2026 Q3", text: "up 12 since 2026 Q3" },
      split: 0,
    });
    // The Overall cell is the headline: the worst pitfall's band (Critical, from 82), with the
    // average of the seven (16.0) as its secondary score, whatever the stored overall column says.
    expect(billing.cells.overall).toMatchObject({ score: 16, band: "critical", status: "scored" });
    expect(billing.headline).toMatchObject({
      worstBand: "critical",
      worstPitfalls: [PITFALL_IDS[0]],
      worstScore: 82,
      highOrCriticalCount: 1,
      averageScore: 16,
    });
    // Its change follows the headline order: High (70) before, Critical now.
    expect(billing.cells.overall.trend).toEqual({
      direction: "up",
      change: 1,
      since: "2026 Q3",
      text: "riskier than in 2026 Q3",
    });
    const search = heatmap.groups.find((group) => group.slug === "customer-experience")!.rows[0]!;
    expect(search.cells.overall.trend?.text).toBe("unchanged since 2026 Q3");
  });

  it("leaves cells of teams without a submitted assessment empty", () => {
    const checkout = payments.rows.find((row) => row.slug === "checkout")!;
    expect(checkout.cells["linear-run-costs"]).toEqual({
      score: null,
      band: null,
      status: "no-result",
      trend: null,
      split: 0,
    });
  });

  it("averages a unit's submitted teams per column, with the unit's own trend", () => {
    expect(payments.averages["linear-run-costs"]).toMatchObject({
      score: 82,
      band: "critical",
      scoredTeams: 1,
    });
    // Billing alone has a result in both cycles (70 then 82): Checkout, which submitted only in the
    // previous cycle (40), is left out of the change, which would otherwise read "up 27".
    expect(payments.averages["linear-run-costs"].trend?.text).toBe(
      "up 12 since 2026 Q3, among the 1 team with a result in both cycles",
    );
    expect(payments.averages["linear-run-costs"].comparedTeams).toBe(1);
  });

  it("compares a unit only over teams with a result in both cycles, so it agrees with its teams", () => {
    // Customer Experience: Search alone, 81.1 then 63.9; Accounts submitted only in the previous
    // cycle, at 20. Over every team the unit would read "up 31"; Search itself went down.
    const unitInput: HeatmapInput = {
      units: [{ id: "u-cx", name: "Customer Experience", slug: "customer-experience" }],
      teams: [
        { id: "t-search", name: "Search", slug: "search", orgUnitId: "u-cx" },
        { id: "t-accounts", name: "Accounts", slug: "accounts", orgUnitId: "u-cx" },
      ],
      current: [assessment("n-search", "t-search", "q4", "submitted")],
      previous: [
        assessment("o-search", "t-search", "q3", "submitted"),
        assessment("o-accounts", "t-accounts", "q3", "submitted"),
      ],
      results: [
        ...results("n-search", 63.9, 85),
        ...results("o-search", 81.1, 85),
        ...results("o-accounts", 20, 5),
      ],
      previousCycleName: "2026 Q3",
    };
    const unit = buildHeatmap(unitInput, defaults).groups[0]!;
    const search = unit.rows.find((row) => row.teamId === "t-search")!;
    expect(search.cells["linear-run-costs"].trend?.direction).toBe("down");
    expect(unit.averages["linear-run-costs"]).toMatchObject({
      score: 63.9,
      comparedTeams: 1,
      trend: { direction: "down", change: -17 },
    });
    // The headline follows Search's own, which got less risky; Accounts (Low, previous cycle only)
    // would have pulled the unit's earlier average down and made it look riskier now.
    expect(unit.averages.overall).toMatchObject({ comparedTeams: 1, trend: { direction: "down" } });
    expect(search.cells.overall.trend?.direction).toBe("down");
    expect(unit.averages.overall.trend?.text).toBe(
      "less risky than in 2026 Q3, among the 1 team with a result in both cycles",
    );
  });

  it("shows no unit change when no team has a result in both cycles", () => {
    const refunds = buildHeatmap(input, defaults).groups.find((group) => group.slug === "payments")!;
    expect(refunds.averages["excessive-bau"].comparedTeams).toBe(1);
    const alone = buildHeatmap({ ...input, previous: [input.previous[1]!] }, defaults).groups.find(
      (group) => group.slug === "payments",
    )!;
    expect(alone.averages["linear-run-costs"]).toMatchObject({ trend: null, comparedTeams: 0 });
    expect(alone.averages.overall).toMatchObject({ trend: null, comparedTeams: 0 });
  });

  it("treats stored statuses other than scored as unscored cells", () => {
    const partial = buildHeatmap(
      {
        ...input,
        results: input.results.map((row) =>
          row.assessmentId === "a-search" && row.pitfallId === "excessive-bau"
            ? { ...row, status: "not-assessed", score: null, band: null }
            : row,
        ),
      },
      defaults,
    );
    const cx = partial.groups.find((group) => group.slug === "customer-experience")!;
    const search = cx.rows[0]!;
    expect(search.cells["excessive-bau"]).toMatchObject({ status: "not-assessed", score: null });
    expect(cx.averages["excessive-bau"]).toMatchObject({ score: null, scoredTeams: 0 });
    expect(search.headline).toMatchObject({ scoredCount: 6, unscoredCount: 1 });
  });

  it("filters by band without changing the unit averages", () => {
    const high = buildHeatmap(input, { ...defaults, band: "high" });
    expect(high.groups.flatMap((group) => group.rows.map((row) => row.slug))).toEqual(["billing"]);
    const highPayments = high.groups.find((group) => group.slug === "payments")!;
    expect(highPayments.averages["linear-run-costs"].score).toBe(82);
    expect(highPayments.averages.overall).toMatchObject({ score: 16, band: "critical", scoredTeams: 1 });
    expect(high.totals.shownTeams).toBe(1);
  });

  it("marks the cells whose team was split and filters on teams split on any question", () => {
    const withSplits: HeatmapInput = {
      ...input,
      results: input.results.map((row) =>
        row.assessmentId === "a-search" && row.pitfallId === PITFALL_IDS[2]
          ? { ...row, splitQuestions: 2 }
          : row.assessmentId === "p-billing"
            ? { ...row, splitQuestions: 1 }
            : row,
      ),
    };
    const all = buildHeatmap(withSplits, defaults);
    const search = all.groups.flatMap((group) => group.rows).find((row) => row.slug === "search")!;
    expect(search.cells[PITFALL_IDS[2]].split).toBe(2);
    expect(search.cells[PITFALL_IDS[0]].split).toBe(0);
    expect(search.cells.overall.split).toBe(2);

    // Only this cycle's splits count: Billing was split last quarter, not now.
    const split = buildHeatmap(withSplits, { ...defaults, agreement: "split" });
    expect(split.groups.flatMap((group) => group.rows.map((row) => row.slug))).toEqual(["search"]);
    expect(split.totals.shownTeams).toBe(1);
    expect(buildHeatmap(input, { ...defaults, agreement: "split" }).totals.shownTeams).toBe(0);
  });

  it("filters by completion status", () => {
    const notStarted = buildHeatmap(input, { ...defaults, completion: "not-started" });
    expect(notStarted.groups.flatMap((group) => group.rows.map((row) => row.slug))).toEqual(["checkout"]);
  });

  it("orders units by their average for a pitfall column and by their headline for Overall", () => {
    const byPitfall = buildHeatmap(input, { ...defaults, sort: PITFALL_IDS[0], dir: "desc" });
    expect(byPitfall.groups.map((group) => group.slug)).toEqual(["payments", "customer-experience"]);
    const byOverall = buildHeatmap(input, { ...defaults, sort: "overall", dir: "desc" });
    expect(byOverall.groups.map((group) => group.slug)).toEqual(["payments", "customer-experience"]);
    const ascending = buildHeatmap(input, { ...defaults, sort: "overall", dir: "asc" });
    expect(ascending.groups.map((group) => group.slug)).toEqual(["customer-experience", "payments"]);
  });

  it("gives each unit a headline: its worst team band and how many teams are High or Critical", () => {
    expect(payments.headline).toEqual({
      worstBand: "critical",
      highOrCriticalTeams: 1,
      worstScore: 82,
      averageScore: 16,
      scoredTeams: 1,
    });
    expect(payments.averages.overall.trend?.text).toBe(
      "riskier than in 2026 Q3, among the 1 team with a result in both cycles",
    );
  });
});

describe("the Overall column follows the headline, not the average", () => {
  // One Critical pitfall among quiet ones (average 20.8, Low) against seven Medium pitfalls
  // (average 55.0, Medium): the average alone would put the second team first.
  const criticalLowAverage = PITFALL_IDS.map((pitfallId, index) => {
    const score = index === 0 ? 89.7 : 9.3;
    return { assessmentId: "a-critical", pitfallId, status: "scored", score, band: bandForScore(score) };
  });
  const mediumHighAverage = PITFALL_IDS.map((pitfallId) => ({
    assessmentId: "a-medium",
    pitfallId,
    status: "scored",
    score: 55,
    band: "medium",
  }));
  const twoUnits: HeatmapInput = {
    units: [
      { id: "u-a", name: "A unit", slug: "a-unit" },
      { id: "u-b", name: "B unit", slug: "b-unit" },
    ],
    teams: [
      { id: "t-medium", name: "Aardvark", slug: "aardvark", orgUnitId: "u-a" },
      { id: "t-critical", name: "Zebra", slug: "zebra", orgUnitId: "u-a" },
      { id: "t-none", name: "Middle", slug: "middle", orgUnitId: "u-a" },
      { id: "t-b", name: "Other", slug: "other", orgUnitId: "u-b" },
    ],
    current: [
      // Stored overall columns hold the average alone; the heatmap must not lead with them.
      assessment("a-medium", "t-medium", "q4", "submitted", 55),
      assessment("a-critical", "t-critical", "q4", "submitted", 20.8),
      assessment("a-b", "t-b", "q4", "submitted", 55),
    ],
    previous: [],
    results: [
      ...criticalLowAverage,
      ...mediumHighAverage,
      ...mediumHighAverage.map((row) => ({ ...row, assessmentId: "a-b" })),
    ],
    previousCycleName: null,
  };

  it("shows the worst band with the average as a secondary figure", () => {
    const zebra = buildHeatmap(twoUnits, defaults).groups[0]!.rows[0]!;
    expect(zebra.name).toBe("Zebra");
    expect(zebra.cells.overall).toMatchObject({ band: "critical", score: 20.8 });
    expect(bandForScore(zebra.cells.overall.score!)).toBe("low");
  });

  it("puts a team with a Critical pitfall and a low average above one with a higher average and no High pitfall", () => {
    const rows = (query: HeatmapQuery) =>
      buildHeatmap(twoUnits, query).groups.flatMap((group) => group.rows.map((row) => row.name));
    expect(rows(defaults)).toEqual(["Zebra", "Aardvark", "Middle", "Other"]);
    // Least risky first (units too); the team without a result stays last in its unit either way.
    expect(rows({ ...defaults, dir: "asc" })).toEqual(["Other", "Aardvark", "Zebra", "Middle"]);
    // Units: A has a Critical team; B's only team is Medium with the same average as A's Medium one.
    expect(buildHeatmap(twoUnits, defaults).groups.map((group) => group.slug)).toEqual(["a-unit", "b-unit"]);
  });
});

describe("sorting and filtering rows", () => {
  function row(
    name: string,
    score: number | null,
    completion: HeatmapTeamRow["completion"] = "submitted",
  ): HeatmapTeamRow {
    const cell = {
      score,
      band: score === null ? null : bandForScore(score),
      status: score === null ? ("no-result" as const) : ("scored" as const),
      trend: null,
    };
    const cells = Object.fromEntries(
      [...PITFALL_IDS, "overall"].map((column) => [column, cell]),
    ) as HeatmapTeamRow["cells"];
    const headline =
      score === null
        ? null
        : teamHeadline(
            PITFALL_IDS.map((pitfallId) => ({
              pitfallId,
              status: "scored",
              score,
              band: bandForScore(score),
            })),
          );
    return {
      teamId: name,
      name,
      slug: name.toLowerCase(),
      orgUnitId: "u",
      completion,
      cells,
      headline,
      lastResult: null,
    };
  }
  const rows = [row("Zeta", 40), row("alpha", null, "draft"), row("Beta", 90), row("Gamma", 40)];

  it("sorts by name case-insensitively in both directions", () => {
    expect(sortRows(rows, "team", "asc").map((r) => r.name)).toEqual(["alpha", "Beta", "Gamma", "Zeta"]);
    expect(sortRows(rows, "team", "desc").map((r) => r.name)).toEqual(["Zeta", "Gamma", "Beta", "alpha"]);
  });

  it("sorts by a score with missing scores last either way and ties by name", () => {
    expect(sortRows(rows, "excessive-bau", "desc").map((r) => r.name)).toEqual([
      "Beta",
      "Gamma",
      "Zeta",
      "alpha",
    ]);
    expect(sortRows(rows, "excessive-bau", "asc").map((r) => r.name)).toEqual([
      "Gamma",
      "Zeta",
      "Beta",
      "alpha",
    ]);
  });

  it("sorts by the headline for Overall, missing results last either way and ties by name", () => {
    expect(sortRows(rows, "overall", "desc").map((r) => r.name)).toEqual(["Beta", "Gamma", "Zeta", "alpha"]);
    expect(sortRows(rows, "overall", "asc").map((r) => r.name)).toEqual(["Gamma", "Zeta", "Beta", "alpha"]);
  });

  it("sorts by completion status", () => {
    expect(sortRows(rows, "completion", "asc")[0]!.name).toBe("alpha");
  });

  it("matches a band filter on the worst band of any column", () => {
    expect(worstBand(row("x", 65))).toBe("high");
    expect(worstBand(row("x", null))).toBeNull();
    expect(matchesFilters(row("x", 65), { band: "high", completion: "any" })).toBe(true);
    expect(matchesFilters(row("x", 65), { band: "critical", completion: "any" })).toBe(false);
    expect(matchesFilters(row("x", 35), { band: "medium", completion: "any" })).toBe(true);
    expect(matchesFilters(row("x", null, "draft"), { band: "medium", completion: "any" })).toBe(false);
    expect(matchesFilters(row("x", null, "draft"), { band: "any", completion: "draft" })).toBe(true);
  });
});

describe("a reopened assessment", () => {
  // Billing was Critical when it submitted, then reopened its assessment to revise it.
  const reopenedInput: HeatmapInput = {
    ...input,
    current: input.current.map((row) => (row.id === "a-billing" ? { ...row, status: "reopened" } : row)),
  };
  const reopened = buildHeatmap(reopenedInput, defaults);
  const submitted = buildHeatmap(input, defaults);
  const billingOf = (heatmap: typeof reopened) =>
    heatmap.groups.flatMap((group) => group.rows).find((row) => row.slug === "billing")!;

  it("keeps its last submitted results, headline and trend, with completion reopened", () => {
    const billing = billingOf(reopened);
    expect(billing.completion).toBe("reopened");
    expect(billing.cells).toEqual(billingOf(submitted).cells);
    expect(billing.headline).toEqual(billingOf(submitted).headline);
    expect(billing.cells.overall).toMatchObject({ band: "critical", status: "scored" });
    expect(billing.cells.overall.trend).not.toBeNull();
  });

  it("counts apart from submitted and drafts, and in the unit's headline", () => {
    const payments = reopened.groups.find((group) => group.slug === "payments")!;
    expect(payments.completion).toEqual({ "not-started": 1, draft: 1, reopened: 1, submitted: 0 });
    expect(reopened.totals.completion).toEqual({ "not-started": 1, draft: 1, reopened: 1, submitted: 1 });
    expect(payments.headline).toEqual(submitted.groups.find((group) => group.slug === "payments")!.headline);
  });

  it("is found by the Critical filter and by its own completion filter, and not as a draft", () => {
    const names = (query: HeatmapQuery) =>
      buildHeatmap(reopenedInput, query).groups.flatMap((group) => group.rows.map((row) => row.name));
    expect(names({ ...defaults, band: "critical" })).toEqual(["Billing"]);
    expect(names({ ...defaults, completion: "reopened" })).toEqual(["Billing"]);
    expect(names({ ...defaults, completion: "draft" })).toEqual(["Refunds"]);
    expect(parseHeatmapQuery({ completion: "reopened" }).completion).toBe("reopened");
  });

  it("sorts between drafts and submitted assessments by completion", () => {
    const order = buildHeatmap(reopenedInput, { ...defaults, sort: "completion", dir: "asc" }).groups.find(
      (group) => group.slug === "payments",
    )!.rows;
    expect(order.map((row) => row.completion)).toEqual(["not-started", "draft", "reopened"]);
  });

  it("counts as the previous cycle's result for the trend", () => {
    const withReopenedBefore = buildHeatmap(
      {
        ...input,
        previous: input.previous.map((row) =>
          row.id === "p-billing" ? { ...row, status: "reopened" } : row,
        ),
      },
      defaults,
    );
    expect(billingOf(withReopenedBefore).cells["linear-run-costs"].trend).toEqual(
      billingOf(submitted).cells["linear-run-costs"].trend,
    );
  });
});

describe("a team without a result in the cycle", () => {
  // Checkout has no Q4 assessment; its last result, from 2026 Q3, was Critical.
  const withLast: HeatmapInput = {
    ...input,
    results: [...input.results, ...results("o-checkout", 95, 90)],
    lastResults: [{ ...assessment("o-checkout", "t-checkout", "q3", "submitted", 91), cycleName: "2026 Q3" }],
  };

  it("carries its last earlier result apart from its own empty cells", () => {
    const heatmap = buildHeatmap(withLast, defaults);
    const checkout = heatmap.groups[0]!.rows.find((row) => row.teamId === "t-checkout")!;
    expect(checkout.completion).toBe("not-started");
    expect(checkout.headline).toBeNull();
    expect(checkout.cells.overall.status).toBe("no-result");
    expect(checkout.lastResult).toMatchObject({
      cycleName: "2026 Q3",
      headline: { worstBand: "critical", criticalCount: 7 },
    });
    expect(checkout.lastResult!.cells["linear-run-costs"]).toMatchObject({ score: 95, trend: null });
    expect(heatmap.totals.withLastResult).toBe(1);
    expect(heatmap.groups[0]!.rows.filter((row) => row.lastResult !== null)).toHaveLength(1);
  });

  it("leaves it out of the unit's averages, headline, completion and filters", () => {
    const without = buildHeatmap(input, defaults).groups[0]!;
    const withIt = buildHeatmap(withLast, defaults).groups[0]!;
    expect(withIt.averages).toEqual(without.averages);
    expect(withIt.headline).toEqual(without.headline);
    expect(withIt.completion).toEqual(without.completion);
    const critical = buildHeatmap(withLast, { ...defaults, band: "critical" });
    expect(critical.groups.flatMap((group) => group.rows.map((row) => row.teamId))).toEqual(["t-billing"]);
  });

  it("sorts by its last result, so a Critical team last quarter is not sunk to the bottom", () => {
    const payments = buildHeatmap(withLast, defaults).groups.find((group) => group.slug === "payments")!;
    expect(payments.rows.map((row) => row.name)).toEqual(["Checkout", "Billing", "Refunds"]);
    const byPitfall = buildHeatmap(withLast, { ...defaults, sort: "linear-run-costs", dir: "desc" });
    expect(byPitfall.groups.find((group) => group.slug === "payments")!.rows.map((row) => row.name)).toEqual([
      "Checkout",
      "Billing",
      "Refunds",
    ]);
  });

  it("comes after a team with the same result in this cycle", () => {
    const tied = buildHeatmap(
      {
        ...withLast,
        results: [
          ...input.results.filter((row) => row.assessmentId !== "a-billing"),
          ...results("a-billing", 95, 90),
          ...results("o-checkout", 95, 90),
        ],
      },
      defaults,
    );
    expect(tied.groups.find((group) => group.slug === "payments")!.rows.map((row) => row.name)).toEqual([
      "Billing",
      "Checkout",
      "Refunds",
    ]);
  });
});
