/**
 * The organisation heatmap and the team dashboard's percentiles reuse rows read on an earlier
 * request while the dashboard data's fingerprint is unchanged. These tests read a view (which fills
 * the cache), change the data through the application's own write paths, and read again: the
 * second read must show the change, for every actor scope that had the rows cached.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { latestQuestionnaire } from "@/domain/content";
import { SCORING_METHOD_VERSION } from "@/domain/scoring/types";
import { archiveTeam, moveTeam, renameTeam } from "@/server/admin/org-mutations";
import {
  reopenAssessment,
  saveAnswer,
  startAssessment,
  submitAssessment,
} from "@/server/assessments/mutations";
import { db } from "@/server/db";
import type { OrgHeatmapView } from "@/contracts/dashboards/views";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { dashboardDataFingerprint } from "@/server/dashboards/dashboard-data-cache";
import { getPitfallExplanation, getTeamDashboard } from "@/server/dashboards/team-dashboard";
import { completeAnswers, createPerson, storedColumns } from "../assessments/fixtures";
import { createDashboardOrganisation, draft, submit, type DashboardOrganisation } from "./fixtures";

let org: DashboardOrganisation;
/** Teams beyond the shared fixture's five, each changed by one test only. */
let extra: Record<"payouts" | "wallet" | "fraud", { id: string; slug: string }>;

beforeAll(async () => {
  org = await createDashboardOrganisation();
  const { teams, cycles, units } = org;
  const team = async (name: string, slug: string, orgUnitId: string) => {
    const created = await db.team.create({ data: { name, slug, orgUnitId } });
    return { id: created.id, slug };
  };
  extra = {
    payouts: await team("Payouts", "payouts", units.payments),
    wallet: await team("Wallet", "wallet", units.customerExperience),
    fraud: await team("Fraud", "fraud", units.payments),
  };

  await submit(teams.checkout.id, cycles.q3, { "linear-run-costs": 50 });
  await submit(teams.billing.id, cycles.q3, { "linear-run-costs": 70 });
  await submit(teams.search.id, cycles.q3, { "linear-run-costs": 20 });
  await submit(teams.accounts.id, cycles.q3, { "linear-run-costs": 10 });
  await submit(teams.returns.id, cycles.q3, { "linear-run-costs": 85 });

  // 2026 Q4 (open): Checkout and Fraud have not started, Search is in draft, the rest submitted.
  await submit(teams.billing.id, cycles.q4, { "linear-run-costs": 82 });
  await draft(teams.search.id, cycles.q4);
  await submit(teams.accounts.id, cycles.q4, { "linear-run-costs": 30 });
  await submit(teams.returns.id, cycles.q4, { "linear-run-costs": 95 });
  await submit(extra.payouts.id, cycles.q4, { "linear-run-costs": 60 });
  await submit(extra.wallet.id, cycles.q4, { "linear-run-costs": 40 });
});

afterEach(() => {
  vi.restoreAllMocks();
});

type Row = OrgHeatmapView["heatmap"]["groups"][number]["rows"][number] & { unit: string };

/** A team's row with the slug of the unit group it is shown under, or undefined when not shown. */
function rowOf(view: OrgHeatmapView, slug: string): Row | undefined {
  for (const group of view.heatmap.groups) {
    const row = group.rows.find((candidate) => candidate.slug === slug);
    if (row) return { ...row, unit: group.slug };
  }
  return undefined;
}

function teamSlugs(view: OrgHeatmapView): string[] {
  return view.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug)).sort();
}

/** The two organisation-dashboard scopes: the whole organisation, and a coach's two units. */
function viewers(): [string, Actor][] {
  return [
    ["head of engineering", org.head],
    ["coach", org.coach],
  ];
}

/** Reads the current cycle's heatmap as each viewer, filling each viewer's cache entry. */
async function readHeatmaps(): Promise<Map<string, OrgHeatmapView>> {
  const views = new Map<string, OrgHeatmapView>();
  for (const [name, actor] of viewers()) views.set(name, await getOrgHeatmap(actor, {}));
  return views;
}

async function assessmentOf(teamId: string, cycleId: string) {
  return db.assessment.findUniqueOrThrow({ where: { teamId_cycleId: { teamId, cycleId } } });
}

describe("organisation heatmap after a write", () => {
  it("shows a team's assessment once it is submitted", async () => {
    const { teams, cycles } = org;
    const searchLead = await createPerson("Search lead", [{ role: "team_lead", teamId: teams.search.id }]);
    const { id: assessmentId } = await assessmentOf(teams.search.id, cycles.q4);
    // Answers are not on the heatmap; writing them directly leaves the dashboard data unchanged.
    await db.answer.createMany({
      data: Object.entries(completeAnswers(latestQuestionnaire(), 0.8)).map(([questionId, answer]) => ({
        assessmentId,
        questionId,
        ...storedColumns(answer),
      })),
    });

    const before = await readHeatmaps();
    const submitted = await submitAssessment(searchLead, { assessmentId, expectedVersion: 1 });
    const after = await readHeatmaps();

    expect(submitted.overallScore).not.toBeNull();
    const stored = await db.pitfallResult.findUniqueOrThrow({
      where: { assessmentId_pitfallId: { assessmentId, pitfallId: "linear-run-costs" } },
    });
    for (const [viewer] of viewers()) {
      const [was, now] = [before.get(viewer)!, after.get(viewer)!];
      expect(rowOf(was, "search"), viewer).toMatchObject({ completion: "draft" });
      expect(rowOf(was, "search")!.cells.overall.score, viewer).toBeNull();
      expect(rowOf(now, "search"), viewer).toMatchObject({ completion: "submitted" });
      expect(rowOf(now, "search")!.cells.overall.score, viewer).toBe(submitted.overallScore);
      expect(rowOf(now, "search")!.cells["linear-run-costs"].score, viewer).toBe(stored.score);
      expect(now.heatmap.totals.completion, viewer).toEqual({
        ...was.heatmap.totals.completion,
        draft: was.heatmap.totals.completion.draft - 1,
        submitted: was.heatmap.totals.completion.submitted + 1,
      });
    }
  });

  it("keeps a reopened assessment's last submitted scores and counts it as reopened", async () => {
    const { id: assessmentId } = await assessmentOf(org.teams.accounts.id, org.cycles.q4);

    const before = await readHeatmaps();
    await reopenAssessment(org.head, { assessmentId, reason: "The team answered for the wrong service." });
    const after = await readHeatmaps();

    for (const [viewer] of viewers()) {
      const [was, now] = [before.get(viewer)!, after.get(viewer)!];
      expect(rowOf(was, "accounts"), viewer).toMatchObject({ completion: "submitted" });
      expect(rowOf(was, "accounts")!.cells["linear-run-costs"].score, viewer).toBe(30);
      expect(rowOf(now, "accounts"), viewer).toMatchObject({ completion: "reopened" });
      expect(rowOf(now, "accounts")!.cells["linear-run-costs"].score, viewer).toBe(30);
      expect(rowOf(now, "accounts")!.cells.overall, viewer).toEqual(rowOf(was, "accounts")!.cells.overall);
      expect(now.heatmap.totals.completion, viewer).toEqual({
        ...was.heatmap.totals.completion,
        reopened: was.heatmap.totals.completion.reopened + 1,
        submitted: was.heatmap.totals.completion.submitted - 1,
      });
    }
  });

  it("shows a renamed team under its new name", async () => {
    const before = await readHeatmaps();
    await renameTeam(org.admin, { teamId: org.teams.billing.id, name: "Billing Platform" });
    const after = await readHeatmaps();

    for (const [viewer] of viewers()) {
      expect(rowOf(before.get(viewer)!, "billing")?.name, viewer).toBe("Billing");
      expect(rowOf(after.get(viewer)!, "billing")?.name, viewer).toBe("Billing Platform");
    }
  });

  it("drops an archived team", async () => {
    const before = await readHeatmaps();
    await archiveTeam(org.admin, { teamId: extra.payouts.id });
    const after = await readHeatmaps();

    for (const [viewer] of viewers()) {
      const [was, now] = [before.get(viewer)!, after.get(viewer)!];
      expect(teamSlugs(was), viewer).toContain("payouts");
      expect(teamSlugs(now), viewer).not.toContain("payouts");
      expect(now.heatmap.totals.teams, viewer).toBe(was.heatmap.totals.teams - 1);
    }
  });

  it("shows a moved team under its new unit, and only to the viewers who may now read it", async () => {
    const before = await readHeatmaps();
    const logisticsBefore = await getOrgHeatmap(org.logisticsCoach, {});
    await moveTeam(org.admin, { teamId: extra.wallet.id, orgUnitId: org.units.logistics });
    const after = await readHeatmaps();
    const logisticsAfter = await getOrgHeatmap(org.logisticsCoach, {});

    expect(rowOf(before.get("head of engineering")!, "wallet")?.unit).toBe("customer-experience");
    expect(rowOf(after.get("head of engineering")!, "wallet")?.unit).toBe("logistics");
    // The coach of Payments and Customer Experience loses the team; the Logistics coach gains it.
    expect(rowOf(before.get("coach")!, "wallet")?.unit).toBe("customer-experience");
    expect(rowOf(after.get("coach")!, "wallet")).toBeUndefined();
    expect(rowOf(logisticsBefore, "wallet")).toBeUndefined();
    expect(rowOf(logisticsAfter, "wallet")).toMatchObject({ unit: "logistics", completion: "submitted" });
  });

  it("shows a started assessment as a draft", async () => {
    const before = await readHeatmaps();
    const started = await startAssessment(org.lead, { teamSlug: org.teams.checkout.slug });
    const after = await readHeatmaps();

    expect(started.created).toBe(true);
    for (const [viewer] of viewers()) {
      const [was, now] = [before.get(viewer)!, after.get(viewer)!];
      expect(rowOf(was, "checkout"), viewer).toMatchObject({ completion: "not-started" });
      expect(rowOf(now, "checkout"), viewer).toMatchObject({ completion: "draft" });
      expect(now.heatmap.totals.completion, viewer).toEqual({
        ...was.heatmap.totals.completion,
        "not-started": was.heatmap.totals.completion["not-started"] - 1,
        draft: was.heatmap.totals.completion.draft + 1,
      });
    }
  });
});

describe("organisation heatmap cache", () => {
  it("never serves one viewer's rows to another", async () => {
    const active = await db.team.findMany({
      where: { archivedAt: null },
      select: { slug: true, orgUnitId: true },
    });
    const slugsIn = (unitIds: string[]) =>
      active
        .filter((team) => unitIds.includes(team.orgUnitId))
        .map((team) => team.slug)
        .sort();
    const { payments, customerExperience, logistics } = org.units;
    const everyTeam = slugsIn([payments, customerExperience, logistics]);
    const coached = slugsIn([payments, customerExperience]);

    // Back to back, with no write in between, so every read after the first finds a filled cache
    // under the same fingerprint; only the key (the actor-scoped query) keeps the scopes apart.
    expect(teamSlugs(await getOrgHeatmap(org.head, {}))).toEqual(everyTeam);
    expect(teamSlugs(await getOrgHeatmap(org.coach, {}))).toEqual(coached);
    expect(teamSlugs(await getOrgHeatmap(org.logisticsCoach, {}))).toEqual(slugsIn([logistics]));
    expect(teamSlugs(await getOrgHeatmap(org.head, {}))).toEqual(everyTeam);
    expect(teamSlugs(await getOrgHeatmap(org.coach, {}))).toEqual(coached);

    // A unit filter the coach may not use falls back to the coach's own scope, never the head's rows.
    expect(teamSlugs(await getOrgHeatmap(org.head, { unit: "logistics" }))).toEqual(slugsIn([logistics]));
    const refused = await getOrgHeatmap(org.coach, { unit: "logistics" });
    expect(refused.unknownUnit).toBe(true);
    expect(teamSlugs(refused)).toEqual(coached);
  });

  it("returns equal views on repeated reads without a write, reading the rows once", async () => {
    for (const [viewer, actor] of viewers()) {
      const resultReads = vi.spyOn(db.pitfallResult, "findMany");
      // A unit filter no other test reads is a cache key of its own, so only the first read loads.
      const first = await getOrgHeatmap(actor, { unit: "payments" });
      // The first read loads the cycle's results, and the last earlier results of teams without one.
      const readsOfFirst = resultReads.mock.calls.length;
      expect(readsOfFirst, viewer).toBeGreaterThan(0);
      const second = await getOrgHeatmap(actor, { unit: "payments" });
      // Filtering and sorting work on the shared cached rows; they must not disturb them.
      const sorted = await getOrgHeatmap(actor, {
        unit: "payments",
        sort: "linear-run-costs",
        band: "critical",
      });
      const third = await getOrgHeatmap(actor, { unit: "payments", cycle: first.query.cycle });
      expect(teamSlugs(first), viewer).toContain("checkout");
      expect(teamSlugs(sorted), viewer).toEqual(["billing"]);
      expect(second, viewer).toEqual(first);
      expect(third, viewer).toEqual(first);
      // The later reads were served from the cache, so the tests above do exercise cached rows.
      expect(resultReads, viewer).toHaveBeenCalledTimes(readsOfFirst);
      resultReads.mockRestore();
    }
  });
});

describe("team dashboard percentiles", () => {
  const linear = (view: Awaited<ReturnType<typeof getTeamDashboard>>) =>
    view.pitfalls.find((pitfall) => pitfall.pitfallId === "linear-run-costs")!.percentile;

  it("compare against a team that submits after the standings were cached", async () => {
    const q4 = { cycle: "2026-q4" };
    const before = await getTeamDashboard(org.head, "returns", q4);
    const explained = await getPitfallExplanation(org.head, "returns", "linear-run-costs", q4);
    // Returns (95) outscores Billing (82) at least, so it starts above the 0th percentile.
    const was = linear(before)!;
    expect(was).toBeGreaterThan(0);
    expect(explained.percentile).toBe(was);

    // Fraud submits in the same cycle with a higher score than any other team.
    const fraudAssessment = await submit(extra.fraud.id, org.cycles.q4, { "linear-run-costs": 99 });
    const after = await getTeamDashboard(org.head, "returns", q4);

    expect(after.comparedTeams).toBe(before.comparedTeams + 1);
    // Same teams below Returns, one more team to compare with: the share drops by (n - 1) / n.
    const others = before.comparedTeams - 1;
    expect(linear(after)!).toBeCloseTo((was * others) / (others + 1), 0);
    expect(linear(after)!).toBeLessThan(was);
    expect((await getPitfallExplanation(org.head, "returns", "linear-run-costs", q4)).percentile).toBe(
      linear(after),
    );

    // Reopening Fraud's assessment keeps its last submitted results in the comparison.
    await reopenAssessment(org.head, { assessmentId: fraudAssessment, reason: "Submitted by mistake." });
    const reopened = await getTeamDashboard(org.head, "returns", q4);
    expect(reopened.comparedTeams).toBe(after.comparedTeams);
    expect(linear(reopened)).toBe(linear(after));
  });

  it("returns equal views on repeated reads without a write", async () => {
    const first = await getTeamDashboard(org.coach, "billing", {});
    const second = await getTeamDashboard(org.coach, "billing", {});
    expect(second).toEqual(first);
    expect(first.comparedTeams).toBeGreaterThan(1);
    expect(linear(first)).not.toBeNull();
  });
});

describe("the dashboard data's fingerprint", () => {
  it("holds while nothing changes and moves with a write to each table behind the dashboards", async () => {
    const cycleIds = [org.cycles.q4, org.cycles.q3];
    const taken = () => dashboardDataFingerprint(cycleIds);
    const first = await taken();
    // A part per cycle and status of its assessments (here a draft and a reopened one in 2026 Q4,
    // submitted ones in both cycles), and one per table.
    expect(first.split("|").map((part) => part.split(":")[0])).toEqual([
      "cycle",
      "draft",
      "org_unit",
      "reopened",
      "submitted",
      "submitted",
      "team",
    ]);
    expect(await taken()).toBe(first);

    const seen = new Set([first]);
    const moved = async (write: () => Promise<unknown>, what: string) => {
      // Update times have millisecond resolution: keep two writes out of the same millisecond.
      await new Promise((resolve) => setTimeout(resolve, 5));
      await write();
      const now = await taken();
      expect(seen.has(now), what).toBe(false);
      seen.add(now);
    };
    const assessment = await db.assessment.findFirstOrThrow({
      where: { cycleId: org.cycles.q4, status: "submitted" },
    });
    await moved(
      () => db.assessment.update({ where: { id: assessment.id }, data: { version: { increment: 1 } } }),
      "a submitted assessment's version",
    );
    await moved(
      () => db.team.update({ where: { id: org.teams.search.id }, data: { name: "Search" } }),
      "a team",
    );
    await moved(
      () => db.orgUnit.update({ where: { id: org.units.payments }, data: { name: "Payments" } }),
      "an org unit",
    );
    await moved(
      () => db.cycle.update({ where: { id: org.cycles.q3 }, data: { status: "closed" } }),
      "a cycle",
    );
    // An assessment of another cycle is not behind these dashboards.
    const elsewhere = await submit(org.teams.checkout.id, org.cycles.q2, { "linear-run-costs": 40 });
    const before = await taken();
    await db.assessment.update({ where: { id: elsewhere }, data: { version: { increment: 1 } } });
    expect(await taken()).toBe(before);
  });

  it("holds while a draft's answers are saved, and moves when it is started, submitted, reopened, re-scored or resubmitted", async () => {
    const cycleIds = [org.cycles.q4];
    const taken = () => dashboardDataFingerprint(cycleIds);
    const team = await db.team.create({
      data: { name: "Ledger", slug: "ledger", orgUnitId: org.units.payments },
    });
    const ledgerLead = await createPerson("Ledger lead", [{ role: "team_lead", teamId: team.id }]);

    const beforeStart = await taken();
    const { assessmentId } = await startAssessment(ledgerLead, { teamSlug: team.slug });
    const started = await taken();
    expect(started, "a started assessment").not.toBe(beforeStart);

    // The heatmap's rows are read once here, and must not be read again for the saves below.
    const heatmapBefore = await getOrgHeatmap(org.head, {});
    const resultReads = vi.spyOn(db.pitfallResult, "findMany");
    const answers = Object.entries(completeAnswers(latestQuestionnaire(), 0.8));
    let version = 1;
    for (const [questionId, answer] of answers) {
      const saved = await saveAnswer(ledgerLead, {
        assessmentId,
        questionId,
        answer,
        note: null,
        expectedVersion: version,
      });
      version = saved.version;
    }
    expect(version).toBe(1 + answers.length);
    expect(await taken(), "answers saved to a draft").toBe(started);
    expect(await getOrgHeatmap(org.head, {})).toEqual(heatmapBefore);
    expect(resultReads).not.toHaveBeenCalled();
    resultReads.mockRestore();

    await submitAssessment(ledgerLead, { assessmentId, expectedVersion: version });
    const submitted = await taken();
    expect(submitted, "the draft submitted").not.toBe(started);
    expect(rowOf(await getOrgHeatmap(org.head, {}), "ledger")).toMatchObject({ completion: "submitted" });

    await reopenAssessment(org.head, { assessmentId, reason: "The team answered for the wrong service." });
    const reopened = await taken();
    expect(reopened, "the assessment reopened").not.toBe(submitted);
    const ledgerReopened = rowOf(await getOrgHeatmap(org.head, {}), "ledger");
    expect(ledgerReopened).toMatchObject({ completion: "reopened" });
    expect(ledgerReopened!.cells.overall.score).not.toBeNull();

    // Saving to the reopened assessment changes nothing the dashboards show either.
    const current = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    const [questionId, answer] = answers[0]!;
    await saveAnswer(ledgerLead, {
      assessmentId,
      questionId,
      answer,
      note: "Checked again.",
      expectedVersion: current.version,
    });
    expect(await taken(), "an answer saved to a reopened assessment").toBe(reopened);

    // A re-score rewrites a reopened assessment's results, with the current method version (here
    // written as the re-score writes it, from an older version to the current one).
    await db.assessment.update({
      where: { id: assessmentId },
      data: { scoringMethodVersion: SCORING_METHOD_VERSION - 1 },
    });
    const olderMethod = await taken();
    await db.assessment.update({
      where: { id: assessmentId },
      data: { version: { increment: 1 }, scoringMethodVersion: SCORING_METHOD_VERSION },
    });
    const rescored = await taken();
    expect(rescored, "a reopened assessment re-scored").not.toBe(olderMethod);

    const latest = await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    await submitAssessment(ledgerLead, { assessmentId, expectedVersion: latest.version });
    expect(await taken(), "the reopened assessment submitted again").not.toBe(rescored);
    expect(rowOf(await getOrgHeatmap(org.head, {}), "ledger")).toMatchObject({ completion: "submitted" });
  });
});
