import Papa from "papaparse";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { readStoredResults } from "@/domain/plans/stored-rankings";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import { db } from "@/server/db";
import { addPlanItem } from "@/server/plans/mutations";
import { GET as heatmapRoute } from "../../../app/api/exports/heatmap.csv/route";
import { GET as teamRoute } from "../../../app/api/exports/teams/[slug]/route";
import { GET as unitRoute } from "../../../app/api/exports/units/[unitSlug]/route";
import {
  createPlanOrganisation,
  createScoredAssessment,
  createTeam,
  type PlanTestOrganisation,
  type PlanTestTeam,
} from "./fixtures";

// The routes find the signed-in person from the request's session cookie; here the test decides.
const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth/session")>()),
  getCurrentActor: async () => signedIn.actor,
}));

const BASE = "http://localhost/api/exports";

function teamRequest(slug: string, query: string) {
  return teamRoute(new Request(`${BASE}/teams/${slug}?${query}`), { params: Promise.resolve({ slug }) });
}

function unitRequest(unitSlug: string, query: string) {
  return unitRoute(new Request(`${BASE}/units/${unitSlug}?${query}`), {
    params: Promise.resolve({ unitSlug }),
  });
}

describe("export downloads over HTTP", () => {
  let org: PlanTestOrganisation;
  let team: PlanTestTeam;

  beforeAll(async () => {
    org = await createPlanOrganisation();
    team = await createTeam(org.unit.id, "Checkout");
    const assessment = await createScoredAssessment(
      team.id,
      org.q3.id,
      0.7,
      new Date("2026-09-10T00:00:00Z"),
    );
    const ranking = readStoredResults(
      await db.pitfallResult.findMany({ where: { assessmentId: assessment.id } }),
    );
    await addPlanItem(org.coach, {
      teamSlug: team.slug,
      countermeasureId: ranking.recommendations[0]!.countermeasureId,
    });
  });

  beforeEach(() => {
    signedIn.actor = org.coach;
  });

  it("sends the file as an uncached attachment named after the team and the cycle", async () => {
    const response = await teamRequest(team.slug, "format=csv&cycle=2026%20Q3");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${team.slug}-2026-q3-plan.csv"`,
    );
    expect(response.headers.get("cache-control")).toBe("no-store");
    const parsed = Papa.parse<Record<string, string>>(await response.text(), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(1);
  });

  it("answers 401 with JSON when nobody is signed in", async () => {
    signedIn.actor = null;
    const response = await teamRequest(team.slug, "format=csv");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in to download exports." });
  });

  it.each([
    ["a missing format", "", /format: Choose a format: md, csv, pdf, json/],
    ["an unknown format", "format=xlsx", /format: Choose a format/],
    ["a malformed cycle", "format=pdf&cycle=next%20year", /cycle: Write the cycle like 2026 Q3/],
    ["an overlong cycle", `format=pdf&cycle=${"9".repeat(500)}`, /cycle:/],
  ])("answers 400 with a clear message for %s", async (_label, query, message) => {
    const response = await teamRequest(team.slug, query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toMatch(message);
    expect(Object.keys(body.fieldErrors).length).toBeGreaterThan(0);
  });

  it("answers 403 to a member who may read the plan but not export it", async () => {
    signedIn.actor = team.member;
    const response = await teamRequest(team.slug, "format=pdf");
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/permission/);
  });

  it("answers 404 for a team the person cannot read, an unknown team and an unknown cycle", async () => {
    signedIn.actor = org.otherCoach;
    expect((await teamRequest(team.slug, "format=json")).status).toBe(404);
    signedIn.actor = org.coach;
    expect((await teamRequest("no-such-team", "format=json")).status).toBe(404);
    const unknownCycle = await teamRequest(team.slug, "format=json&cycle=2031-q1");
    expect(unknownCycle.status).toBe(404);
    expect(((await unknownCycle.json()) as { error: string }).error).toBe("There is no 2031 Q1 cycle.");
  });

  it("serves a unit's plans to its coach and hides them from others", async () => {
    const response = await unitRequest(org.unit.slug, "format=md");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${org.unit.slug}-2026-q3-plans.md"`,
    );
    expect(await response.text()).toContain("## Checkout");
    signedIn.actor = team.lead;
    expect((await unitRequest(org.unit.slug, "format=md")).status).toBe(404);
  });

  it("serves the heatmap CSV named after the cycle, and 403 to people who coach no unit", async () => {
    const response = await heatmapRoute(new Request(`${BASE}/heatmap.csv?cycle=2026%20Q3`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="heatmap-2026-q3.csv"');
    expect(await response.text()).toContain("Checkout");
    signedIn.actor = team.lead;
    expect((await heatmapRoute(new Request(`${BASE}/heatmap.csv`))).status).toBe(403);
    signedIn.actor = org.coach;
    expect((await heatmapRoute(new Request(`${BASE}/heatmap.csv?cycle=Q3`))).status).toBe(400);
  });

  it("carries the view's unit and filters, and names a bad one in a 400", async () => {
    const filtered = await heatmapRoute(
      new Request(`${BASE}/heatmap.csv?cycle=2026-q3&unit=${org.unit.slug}&band=critical&sort=team&dir=asc`),
    );
    expect(filtered.status).toBe(200);
    expect(filtered.headers.get("content-disposition")).toBe(
      `attachment; filename="heatmap-2026-q3-${org.unit.slug}.csv"`,
    );
    const rows = Papa.parse<Record<string, string>>(await filtered.text(), {
      header: true,
      skipEmptyLines: true,
    }).data;
    // Only teams with a Critical pitfall: the band filter of the page, applied by the server.
    const view = await getOrgHeatmap(org.coach, { cycle: "2026-q3", unit: org.unit.slug, band: "critical" });
    expect(rows.map((row) => row["Team slug"])).toEqual(
      view.heatmap.groups.flatMap((group) => group.rows.map((row) => row.slug)),
    );
    for (const row of rows) expect(row["Overall band (worst pitfall)"]).toBe("Critical");

    const bad = await heatmapRoute(new Request(`${BASE}/heatmap.csv?band=severe&completion=done`));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toMatch(/band: Choose a band: any, medium, high, critical/);
    expect(body.error).toMatch(/completion: Choose a completion/);
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["band", "completion"]);

    const otherUnit = await heatmapRoute(new Request(`${BASE}/heatmap.csv?unit=${org.otherUnit.slug}`));
    expect(otherUnit.status).toBe(404);
    expect(((await otherUnit.json()) as { error: string }).error).toBe(
      `There is no org unit "${org.otherUnit.slug}" you may read.`,
    );
  });
});
