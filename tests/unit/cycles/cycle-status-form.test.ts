/**
 * The cycle row's action, rendered to markup as the server sends it: closing and reopening both
 * ask first and say what happens; a cycle that cannot be opened says why.
 */
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { CycleSummary } from "@/contracts/cycles/types";

vi.mock("@/server/cycles/actions", () => ({
  closeCycleAction: vi.fn(),
  openCycleAction: vi.fn(),
  returnCycleToPlannedAction: vi.fn(),
}));
const { CycleStatusForm } = await import("@/features/cycles/cycle-status-form");

function cycle(overrides: Partial<CycleSummary>): CycleSummary {
  return {
    id: "cycle-1",
    name: "2025 Q4",
    status: "closed",
    opensOn: "2025-10-01T00:00:00.000Z",
    closesOn: "2025-12-15T00:00:00.000Z",
    questionnaireId: "2026-1",
    questionnaireInstalled: true,
    submitted: 23,
    inProgress: 0,
    reopened: 0,
    reopenedTeams: [],
    notStarted: 1,
    assessments: 24,
    daysBeforeOpensOn: 0,
    ...overrides,
  };
}

const render = (props: Parameters<typeof CycleStatusForm>[0]) =>
  renderToStaticMarkup(h(CycleStatusForm, props));

/** Text of the markup without tags, entities decoded as far as the assertions need. */
const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'");

describe("a cycle row's status action", () => {
  it("asks before reopening a closed cycle, naming it, its due date and what reopening does", () => {
    const html = render({ cycle: cycle({}), anotherIsOpen: false, newerStarted: "2026 Q4" });
    // The trigger only opens the dialog; its confirm button is the one that submits.
    expect(html).toMatch(
      /<button[^>]*type="button"[^>]*>Reopen<span class="sr-only"> 2025 Q4<\/span><\/button>/,
    );
    expect(html).toMatch(/<dialog[^>]*>/);
    expect(text(html)).toContain("Reopen 2025 Q4?");
    expect(text(html)).toContain(
      "2025 Q4 (due 15 December 2025) becomes the current cycle for everyone: the home page and every team's page show it, and every team's 2025 Q4 answers can be changed again until you close it.",
    );
    expect(text(html)).toContain(
      "It is older than 2026 Q4, which stays closed, so for everyone the current quarter goes back to 2025 Q4.",
    );
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Reopen 2025 Q4<\/button>/);
  });

  it("leaves out the older-quarter warning for the latest cycle", () => {
    const html = render({ cycle: cycle({ name: "2026 Q4" }), anotherIsOpen: false, newerStarted: null });
    expect(text(html)).toContain("Reopen 2026 Q4?");
    expect(text(html)).not.toContain("older than");
  });

  it("says in the close dialog that a closed cycle can be reopened", () => {
    const html = render({ cycle: cycle({ name: "2026 Q4", status: "open" }), anotherIsOpen: false });
    expect(text(html)).toContain("Close 2026 Q4?");
    expect(text(html)).toContain(
      "Once it is closed, no answer in 2026 Q4 can change unless the cycle is reopened for corrections.",
    );
    expect(text(html)).not.toContain("Once closed, no answer");
  });

  it("keeps a Reopen that can only fail disabled, with the reason, and no dialog", () => {
    const html = render({ cycle: cycle({}), anotherIsOpen: true });
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*disabled=""[^>]*>Reopen<span/);
    expect(text(html)).toContain("Close the open cycle first: one cycle is open at a time.");
    expect(html).not.toContain("<dialog");
  });

  it("asks before opening a planned cycle, saying what opening does", () => {
    const planned = cycle({
      name: "2027 Q1",
      status: "planned",
      opensOn: "2027-01-01T00:00:00.000Z",
      closesOn: "2027-03-15T00:00:00.000Z",
      assessments: 0,
    });
    const html = render({ cycle: planned, anotherIsOpen: false });
    // The trigger only opens the dialog; its confirm button is the one that submits.
    expect(html).toMatch(
      /<button[^>]*type="button"[^>]*>Open<span class="sr-only"> 2027 Q1<\/span><\/button>/,
    );
    expect(html).toMatch(/<dialog[^>]*>/);
    expect(text(html)).toContain("Open 2027 Q1?");
    expect(text(html)).toContain(
      "Teams can start answering 2027 Q1 (due 15 March 2027), each from its last submitted answers, until you close it. It becomes the current cycle for everyone: the home page and every team's page show it, and no other cycle can be opened until it is closed.",
    );
    expect(text(html)).not.toContain("before its planned date");
    expect(text(html)).not.toContain("reminder");
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Open 2027 Q1<\/button>/);
    // Only a closed cycle goes back to planned.
    expect(text(html)).not.toContain("Return to planned");
  });

  it("says when opening comes before the cycle's planned date, and that reminders follow with email", () => {
    const planned = cycle({
      name: "2027 Q1",
      status: "planned",
      opensOn: "2027-01-01T00:00:00.000Z",
      closesOn: "2027-03-15T00:00:00.000Z",
      assessments: 0,
      daysBeforeOpensOn: 3,
    });
    const html = render({ cycle: planned, anotherIsOpen: false, sendsEmail: true });
    expect(text(html)).toContain(
      "Open 2027 Q1?2027 Q1 opens 3 days before its planned date, 1 January 2027. Teams can start answering",
    );
    expect(text(html)).toContain(
      "Before its due date the leads of teams that have not submitted get reminder emails.",
    );
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Open 2027 Q1 early<\/button>/);
  });

  it("keeps an Open that can only fail disabled, with the reason, and no dialog", () => {
    const planned = cycle({ name: "2027 Q1", status: "planned", assessments: 0 });
    const html = render({ cycle: planned, anotherIsOpen: true });
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*disabled=""[^>]*>Open<span/);
    expect(text(html)).toContain("Close the open cycle first: one cycle is open at a time.");
    expect(html).not.toContain("<dialog");
  });

  it("offers a closed cycle without any assessment a return to planned, asking first", () => {
    const unused = cycle({ name: "2027 Q1", submitted: 0, notStarted: 24, assessments: 0 });
    const html = render({ cycle: unused, anotherIsOpen: true });
    expect(html).toMatch(
      /<button[^>]*type="button"[^>]*>Return to planned<span class="sr-only"> 2027 Q1<\/span><\/button>/,
    );
    expect(text(html)).toContain("Return 2027 Q1 to planned?");
    expect(text(html)).toContain(
      "No team has an assessment in 2027 Q1, so it can go back to planned, as if it had never been opened",
    );
    expect(html).toMatch(/<input type="hidden" name="intent" value="plan"\/>/);
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*>Return 2027 Q1 to planned<\/button>/);
  });

  it("offers no return to planned for a cycle with any assessment, nor for the open one", () => {
    expect(text(render({ cycle: cycle({ assessments: 1 }), anotherIsOpen: false }))).not.toContain(
      "Return to planned",
    );
    const open = cycle({ status: "open", assessments: 0 });
    expect(text(render({ cycle: open, anotherIsOpen: false }))).not.toContain("Return to planned");
  });

  it("keeps the row's status region in the page before any message, so the message is announced", () => {
    for (const status of ["open", "closed", "planned"] as const) {
      const html = render({ cycle: cycle({ status }), anotherIsOpen: false });
      expect(html).toMatch(/<p role="status"[^>]*><\/p>/);
    }
  });
});
