/**
 * A pitfall whose every point comes from "don't know" answers, in every export and in the API: the
 * result page says its symptoms are suspected and opens "What to do first" with "Find out first";
 * the JSON export and the API carry it as `dontKnowOnly` and `suspected`, and the Markdown, PDF and
 * Jira CSV say it in the result page's words.
 */
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "@/domain/content/schema";
import { teamPlanExportSchema } from "@/domain/plans/export-schema";
import { readStoredResults } from "@/domain/plans/stored-rankings";
import { getApiTeamResult } from "@/server/api/results";
import { confirmCarriedOverAnswers, startAssessment, submitAssessment } from "@/server/assessments/mutations";
import { db } from "@/server/db";
import { readExportBytes, readExportText } from "@/server/exports/export-file";
import { buildTeamPlanExport, loadTeamPlanExport } from "@/server/exports/team-export";
import { addPlanItem } from "@/server/plans/mutations";
import { healthyAnswers, healthyContext } from "../../calibration/profiles";
import {
  createOrganisation,
  createSubmittedAssessment,
  createTeam,
  type TestOrganisation,
  type TestTeam,
} from "../assessments/fixtures";
import { extractPdfText } from "./pdf-text";

const INCIDENTS = "no-major-incident-management";
const FIND_OUT_FIRST =
  "Find out first. Every point of No major incident management comes from “don't know” answers: start by finding out how things stand.";
const dontKnow: Answer = { kind: "dontKnow" };
const Q4 = { year: 2026, quarter: 4 };

let org: TestOrganisation;
/** Every answer about major incidents is "don't know". */
let unsure: TestTeam;
/** One answer about major incidents is known: its symptom is seen. */
let known: TestTeam;

async function submitted(name: string, answers: Record<string, Answer>): Promise<TestTeam> {
  const team = await createTeam(org.orgUnitId, name);
  await createSubmittedAssessment(team.id, org.previousCycle.id, { ...healthyContext, ...answers });
  const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
  const confirmed = await confirmCarriedOverAnswers(team.lead, {
    assessmentId,
    questionIds: Object.keys({ ...healthyContext, ...answers }),
    expectedVersion: 1,
  });
  await submitAssessment(team.lead, { assessmentId, expectedVersion: confirmed.version });
  // A plan item on the pitfall, from the first step that removes risk from it.
  const results = await db.pitfallResult.findMany({ where: { assessmentId } });
  const step = readStoredResults(results).recommendations.find((recommendation) =>
    recommendation.pitfalls.some((pitfall) => pitfall.pitfallId === INCIDENTS && pitfall.riskRemoved > 0),
  )!;
  await addPlanItem(team.lead, { teamSlug: team.slug, countermeasureId: step.countermeasureId });
  return team;
}

beforeAll(async () => {
  org = await createOrganisation();
  unsure = await submitted("Notifications", {
    ...healthyAnswers,
    "nmim-incident-managers-informed": dontKnow,
    "nmim-leadership-updated-share": dontKnow,
    "nmim-crisis-communications-plan": dontKnow,
  });
  known = await submitted("Payouts", {
    ...healthyAnswers,
    "nmim-incident-managers-informed": { kind: "value", value: "not-involved" },
    "nmim-leadership-updated-share": dontKnow,
    "nmim-crisis-communications-plan": dontKnow,
  });
});

async function text(team: TestTeam, format: "md" | "csv") {
  return readExportText(
    (await buildTeamPlanExport(team.lead, { teamSlug: team.slug, format, cycle: Q4 })).body,
  );
}

describe("a pitfall resting on 'don't know' answers alone", () => {
  it("is marked in the JSON export: dontKnowOnly on the pitfall, suspected on each of its symptoms", async () => {
    const file = await buildTeamPlanExport(unsure.lead, { teamSlug: unsure.slug, format: "json", cycle: Q4 });
    const document = teamPlanExportSchema.parse(JSON.parse(await readExportText(file.body)));
    const pitfalls = document.assessment!.pitfalls;
    const incidents = pitfalls.find((pitfall) => pitfall.pitfallId === INCIDENTS)!;
    expect(incidents.dontKnowOnly).toBe(true);
    expect(incidents.triggeredSymptoms.length).toBeGreaterThan(0);
    expect(incidents.triggeredSymptoms.every((symptom) => symptom.suspected)).toBe(true);
    // The headline names it, and says it is suspected, as the result page's headline does.
    expect(document.assessment!.headline.worstPitfalls[0]?.id).toBe(INCIDENTS);
    expect(document.assessment!.headline.worstSuspected).toBe(true);
    for (const pitfall of pitfalls.filter((entry) => entry.pitfallId !== INCIDENTS)) {
      expect(pitfall.dontKnowOnly).toBe(false);
      expect(pitfall.triggeredSymptoms.some((symptom) => symptom.suspected)).toBe(false);
    }

    const other = await loadTeamPlanExport(known.lead, known.slug, Q4);
    const seen = other.assessment!.pitfalls.find((pitfall) => pitfall.pitfallId === INCIDENTS)!;
    expect(seen.dontKnowOnly).toBe(false);
    expect(other.assessment!.headline.worstSuspected).toBe(false);
    expect(
      seen.triggeredSymptoms.find((symptom) => symptom.symptomId === "major-incident-ignorance"),
    ).toMatchObject({ suspected: false });
  });

  it("is marked in the API's result: dontKnowOnly on the pitfall, suspected on each of its symptoms", async () => {
    const result = await getApiTeamResult(unsure.member, unsure.slug, "2026-q4");
    const incidents = result.pitfalls.find((pitfall) => pitfall.pitfall.id === INCIDENTS)!;
    expect(incidents.dontKnowOnly).toBe(true);
    expect(incidents.triggeredSymptoms.length).toBeGreaterThan(0);
    expect(incidents.triggeredSymptoms.every((symptom) => symptom.suspected)).toBe(true);
    expect(result.pitfalls.filter((pitfall) => pitfall.dontKnowOnly)).toHaveLength(1);

    const other = await getApiTeamResult(known.member, known.slug, "2026-q4");
    const seen = other.pitfalls.find((pitfall) => pitfall.pitfall.id === INCIDENTS)!;
    expect(seen.dontKnowOnly).toBe(false);
    expect(seen.triggeredSymptoms.find((symptom) => symptom.id === "major-incident-ignorance")).toMatchObject(
      {
        suspected: false,
      },
    );
  });

  it("says to find out first and lists its symptoms as suspected in the Markdown export", async () => {
    const markdown = await text(unsure, "md");
    expect(markdown).toMatch(/\| No major incident management \| [\d.]+ \| \w+ \(find out first\) \|/);
    expect(markdown).toContain(`**Find out first.** ${FIND_OUT_FIRST.slice("Find out first. ".length)}`);
    expect(markdown).toContain(
      "**Symptoms suspected.** Every answer behind these is “don't know”: find out whether they are there.",
    );
    expect(markdown).toMatch(/^- .+ \(suspected\)$/m);
    expect(markdown).toMatch(/worst: No major incident management \S+, suspected/);

    const other = await text(known, "md");
    expect(other).not.toMatch(/\d, suspected/);
    expect(other).not.toContain("Find out first");
    expect(other).not.toContain("find out first");
  });

  it("says to find out first and marks its symptoms suspected in the PDF export", async () => {
    const pdf = await buildTeamPlanExport(unsure.lead, { teamSlug: unsure.slug, format: "pdf", cycle: Q4 });
    const { text: pdfText } = await extractPdfText(await readExportBytes(pdf.body));
    expect(pdfText).toContain(FIND_OUT_FIRST);
    expect(pdfText).toContain(
      "No major incident management; suspected: every answer behind it is “don't know”",
    );

    const other = await buildTeamPlanExport(known.lead, { teamSlug: known.slug, format: "pdf", cycle: Q4 });
    expect((await extractPdfText(await readExportBytes(other.body))).text).not.toContain("Find out first");
  });

  it("says to find out first in its plan items' Jira CSV description", async () => {
    const parse = (csv: string) =>
      Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data.filter((row) =>
        row.Labels!.split(" ").includes(INCIDENTS),
      );
    const [row] = parse(await text(unsure, "csv"));
    expect(row!.Description).toContain(`Pitfall: No major incident management\n${FIND_OUT_FIRST}\nSo that:`);

    const [other] = parse(await text(known, "csv"));
    expect(other!.Description).not.toContain("Find out first");
  });
});
