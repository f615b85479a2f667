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

  it("opens a planned cycle without a dialog", () => {
    const html = render({ cycle: cycle({ name: "2027 Q1", status: "planned" }), anotherIsOpen: false });
    expect(html).toMatch(
      /<button[^>]*type="submit"[^>]*>Open<span class="sr-only"> 2027 Q1<\/span><\/button>/,
    );
    expect(html).not.toContain("<dialog");
  });

  it("keeps the row's status region in the page before any message, so the message is announced", () => {
    for (const status of ["open", "closed", "planned"] as const) {
      const html = render({ cycle: cycle({ status }), anotherIsOpen: false });
      expect(html).toMatch(/<p role="status"[^>]*><\/p>/);
    }
  });
});
