/**
 * `npm run db:rescore` as operators run it: what it prints and its exit code. The re-scoring itself
 * is tested on both databases in tests/integration/assessments/rescore.test.ts.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { latestQuestionnaire } from "@/domain/content";
import { SCORING_METHOD_VERSION } from "@/domain/scoring";
import { db } from "@/server/db";
import { completeAnswers, firstQuestionOfType, storedColumns } from "../assessments/fixtures";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "../../..");
const OLD_METHOD = SCORING_METHOD_VERSION - 1;

async function rescoreCli() {
  try {
    const { stdout, stderr } = await run(
      path.join(repoRoot, "node_modules/.bin/tsx"),
      ["scripts/rescore.ts"],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe("npm run db:rescore", () => {
  const questionnaire = latestQuestionnaire();
  const refused = firstQuestionOfType(questionnaire, "agreement");
  let refusedAssessmentId: string;

  async function staleAssessment(
    teamName: string,
    year: number,
    quarter: number,
    status: string,
  ): Promise<string> {
    const unit = await db.orgUnit.upsert({
      where: { slug: "payments" },
      create: { name: "Payments", slug: "payments" },
      update: {},
    });
    const team = await db.team.create({
      data: { name: teamName, slug: teamName.toLowerCase(), orgUnitId: unit.id },
    });
    const cycle = await db.cycle.create({
      data: {
        name: `${year} Q${quarter}`,
        year,
        quarter,
        opensOn: new Date(Date.UTC(year, (quarter - 1) * 3, 1)),
        closesOn: new Date(Date.UTC(year, (quarter - 1) * 3 + 2, 15)),
        questionnaireId: questionnaire.id,
        status,
      },
    });
    const assessment = await db.assessment.create({
      data: {
        teamId: team.id,
        cycleId: cycle.id,
        status: "submitted",
        submittedAt: new Date(Date.UTC(year, (quarter - 1) * 3 + 2, 1)),
        overallScore: 40,
        overallBand: "medium",
        scoringMethodVersion: OLD_METHOD,
      },
    });
    await db.answer.createMany({
      data: Object.entries(completeAnswers(questionnaire, 0.5)).map(([questionId, answer]) => ({
        assessmentId: assessment.id,
        questionId,
        ...storedColumns(answer),
      })),
    });
    return assessment.id;
  }

  beforeAll(async () => {
    refusedAssessmentId = await staleAssessment("Zebra", 2026, 2, "closed");
    await db.answer.update({
      where: { assessmentId_questionId: { assessmentId: refusedAssessmentId, questionId: refused.id } },
      data: { value: "9" },
    });
    await staleAssessment("Checkout", 2026, 3, "open");
  });

  // Each run starts a process that loads the content and the database client: seconds on 2 cores.
  it(
    "re-scores the cycles it can, names the one it cannot with the reason and exits 1",
    { timeout: 90_000 },
    async () => {
      const result = await rescoreCli();
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        `2026 Q3: 1 assessment re-scored (method ${OLD_METHOD} → ${SCORING_METHOD_VERSION})`,
      );
      expect(result.stdout).toMatch(
        /2026 Q2: not re-scored, nothing in it was changed\. Zebra: the answer to "[^"]+" is refused/,
      );
      expect(result.stderr).toContain("1 cycle could not be re-scored and was left unchanged");
    },
  );

  it(
    "exits 0 once the cycle can be re-scored, and a further run has nothing to do",
    { timeout: 90_000 },
    async () => {
      await db.answer.update({
        where: { assessmentId_questionId: { assessmentId: refusedAssessmentId, questionId: refused.id } },
        data: { value: "3" },
      });
      const second = await rescoreCli();
      expect(second).toMatchObject({ code: 0, stderr: "" });
      expect(second.stdout.trim()).toBe(
        `2026 Q2: 1 assessment re-scored (method ${OLD_METHOD} → ${SCORING_METHOD_VERSION})`,
      );

      const third = await rescoreCli();
      expect(third.code).toBe(0);
      expect(third.stdout.trim()).toBe(
        `Nothing to re-score: every stored result uses scoring method ${SCORING_METHOD_VERSION}.`,
      );
    },
  );
});
