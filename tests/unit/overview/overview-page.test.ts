/**
 * The home page's figures, rendered to markup: whose figures they are, where they lead, and an open
 * cycle whose due date has passed.
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  ...(await import("../../support/app-router")).appRouterForMarkup,
}));
import type { OrganisationOverview, OverviewLinks } from "@/contracts/overview/views";
import { OverviewPage } from "@/features/overview/overview-page";

const links: OverviewLinks = {
  rollups: "/org/rollups",
  heatmap: "/org?cycle=2026-q4",
  priorities: "/org/priorities?cycle=2026-q4",
  submitted: "/org?cycle=2026-q4&completion=submitted",
  draft: "/org?cycle=2026-q4&completion=draft",
  reopened: "/org?cycle=2026-q4&completion=reopened",
  notStarted: "/org?cycle=2026-q4&completion=not-started",
  critical: "/org?cycle=2026-q4&band=critical",
  earlierCritical: "/org/priorities?cycle=2026-q4#earlier-critical-heading",
  changes: "/org/priorities?cycle=2026-q4#changes-heading",
};

function overview(overrides: Partial<OrganisationOverview> = {}): OrganisationOverview {
  return {
    scope: { kind: "organisation" },
    orgUnitCount: 5,
    teamCount: 24,
    currentCycle: {
      name: "2026 Q4",
      status: "open",
      closesOn: new Date("2026-12-15T00:00:00Z"),
      daysLeft: 16,
      closedAt: null,
      notStarted: 8,
      draft: 8,
      reopened: 0,
      submitted: 8,
    },
    criticalTeams: 3,
    earlierCriticalTeams: [],
    previousCycleName: "2026 Q3",
    links,
    canManageCycles: true,
    timeZone: "UTC",
    ...overrides,
  };
}

const render = (data: OrganisationOverview) => renderToStaticMarkup(h(OverviewPage, { overview: data }));
const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");

describe("the home page's figures", () => {
  it("say they are the whole organisation's, and lead to the biggest changes since the cycle before", () => {
    const html = render(overview());
    expect(text(html)).toContain("The whole organisation");
    expect(text(html)).toContain("Where we are at risk");
    expect(html).toContain('href="/org/priorities?cycle=2026-q4#changes-heading"');
    expect(text(html)).toContain("Biggest changes since 2026 Q3");
    expect(text(html)).not.toContain("Past its due date");
  });

  it("name a coach's units and lead to the same views, with the at-risk card", () => {
    const html = render(
      overview({
        scope: { kind: "your-units", unitNames: ["Customer Experience", "Payments"] },
        orgUnitCount: 2,
        teamCount: 10,
        canManageCycles: false,
      }),
    );
    expect(text(html)).toContain("Your units: Customer Experience and Payments");
    expect(text(html)).toContain("Your org units");
    expect(text(html)).toContain("Your product teams");
    expect(text(html)).toContain("Current cycle, your teams");
    expect(text(html)).toContain("Where your units are at risk");
    expect(html).toContain('href="/org?cycle=2026-q4&amp;completion=not-started"');
  });

  it("stay plain numbers for someone with no organisation view", () => {
    const html = render(overview({ links: null, criticalTeams: null, earlierCriticalTeams: null }));
    expect(text(html)).toContain("The whole organisation");
    expect(html).not.toContain('href="/org');
    expect(text(html)).not.toContain("Where we are at risk");
  });

  it("flag an open cycle whose due date has passed, with the way to the cycles page for those who manage them", () => {
    const pastDue = overview({
      currentCycle: { ...overview().currentCycle!, name: "2025 Q4", daysLeft: -349 },
    });
    const html = render(pastDue);
    expect(text(html)).toContain(
      "Past its due date (349 days ago): 2025 Q4 is still open, so it is the current cycle for every team.",
    );
    expect(html).toContain('href="/cycles"');
    const forCoach = render({ ...pastDue, canManageCycles: false });
    expect(forCoach).not.toContain('href="/cycles"');
    expect(text(forCoach)).toContain("The head of engineering closes it when the quarter is over.");
  });

  it("do not flag a closed cycle, whatever its due date", () => {
    const closed = overview({
      currentCycle: { ...overview().currentCycle!, status: "closed", daysLeft: -20 },
    });
    expect(text(render(closed))).not.toContain("Past its due date");
  });
});
