/**
 * `npm start` may run several server processes on one database (WEB_CONCURRENCY): on SQLite they
 * share the file. What one process guarantees must hold across them. Here real second processes
 * (tests/support/answer-saver-process.ts) save answers through the autosave path while this one
 * does too: no save is lost, optimistic locking lets exactly one of two saves expecting the same
 * version through, and the dashboards this process keeps in memory show another process's writes.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/domain/access/policy";
import { saveAnswer, startAssessment } from "@/server/assessments/mutations";
import { db } from "@/server/db";
import { ConflictError } from "@/server/errors";
import { getOrgHeatmap } from "@/server/dashboards/heatmap";
import {
  completeAnswers,
  createOrganisation,
  createTeam,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "../assessments/fixtures";

const repoRoot = path.resolve(__dirname, "../../..");
const saverScript = path.join(repoRoot, "tests/support/answer-saver-process.ts");

let org: TestOrganisation;

beforeAll(async () => {
  org = await createOrganisation();
});

function serialised(actor: Actor) {
  return {
    ...actor,
    leadTeamIds: [...actor.leadTeamIds],
    memberTeamIds: [...actor.memberTeamIds],
    coachOrgUnitIds: [...actor.coachOrgUnitIds],
  };
}

interface OtherProcess<T> {
  /** Lets the process start saving; resolves with its JSON line. */
  go(): Promise<T>;
}

/** Starts the saver in a process of its own on this test's database; resolves once it is ready. */
async function otherProcess<T>(
  instructions: Record<string, unknown> & { actor: Actor },
): Promise<OtherProcess<T>> {
  const argument = JSON.stringify({ ...instructions, actor: serialised(instructions.actor) });
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./tests/support/server-only-hooks.mjs", saverScript, argument],
    { cwd: repoRoot, env: { ...process.env, NODE_ENV: "test" }, stdio: ["pipe", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<T>((resolve, reject) => {
    child.on("exit", (code) => {
      if (code === 0) resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as T);
      // The child's own stack trace would only confuse the report: its first lines say what failed.
      else
        reject(new Error(`The other process failed: ${stderr.trim().split("\n").slice(0, 12).join(" | ")}`));
    });
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.startsWith("ready\n")) resolve();
    });
    exited.catch(reject);
  });
  return {
    go() {
      child.stdin.end("go\n");
      return exited;
    },
  };
}

/** Runs the saver in a process of its own and waits for its answer. */
async function inOtherProcess<T>(instructions: Record<string, unknown> & { actor: Actor }): Promise<T> {
  return (await otherProcess<T>(instructions)).go();
}

async function draftOf(team: TestTeam) {
  const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
  const questionId = org.questionnaire.sections[0]!.questions.find(
    (question) => question.answer.type === "agreement",
  )!.id;
  return { assessmentId, questionId };
}

async function versionOf(assessmentId: string): Promise<number> {
  return (await db.assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { version: true } }))
    .version;
}

describe("several server processes on one database", { timeout: 180_000 }, () => {
  it("loses no save when two processes and this one save answers to the same assessment at once", async () => {
    const team = await createTeam(org.orgUnitId, "Concurrent");
    const { assessmentId, questionId } = await draftOf(team);
    const before = await versionOf(assessmentId);
    const saves = 40;
    const chain = { actor: team.lead, assessmentId, questionId, mode: "chain", saves };

    const others = await Promise.all([
      otherProcess<{ saved: number }>(chain),
      otherProcess<{ saved: number }>(chain),
    ]);
    const here = async () => {
      let saved = 0;
      let version = before;
      while (saved < saves) {
        try {
          const answer = { kind: "value" as const, value: 2 };
          version = (
            await saveAnswer(team.lead, {
              assessmentId,
              questionId,
              answer,
              note: null,
              expectedVersion: version,
            })
          ).version;
          saved++;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          version = await versionOf(assessmentId);
        }
      }
      return saved;
    };
    const [first, second, savedHere] = await Promise.all([others[0].go(), others[1].go(), here()]);

    expect(first.saved + second.saved + savedHere).toBe(3 * saves);
    // Every save claimed exactly one version: none overwrote another unseen.
    expect(await versionOf(assessmentId)).toBe(before + 3 * saves);
    expect(
      await db.auditEvent.count({ where: { entityId: assessmentId, action: "assessment.answer_saved" } }),
    ).toBe(3 * saves);
  });

  it("lets exactly one of two processes' saves expecting the same version through", async () => {
    const team = await createTeam(org.orgUnitId, "Racing");
    const { assessmentId, questionId } = await draftOf(team);
    const expectedVersion = await versionOf(assessmentId);
    const once = { actor: team.lead, assessmentId, questionId, mode: "once", expectedVersion };

    const outcomes = await Promise.all([
      inOtherProcess<{ outcome: string }>(once),
      inOtherProcess<{ outcome: string }>(once),
    ]);

    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["conflict", "saved"]);
    expect(await versionOf(assessmentId)).toBe(expectedVersion + 1);
  });

  it("shows an assessment submitted by another process on the organisation heatmap this process keeps in memory", async () => {
    const team = await createTeam(org.orgUnitId, "Seen");
    const { assessmentId, questionId } = await draftOf(team);
    await db.answer.createMany({
      data: Object.entries(completeAnswers(org.questionnaire, 0.8)).map(([id, answer]) => ({
        assessmentId,
        questionId: id,
        ...storedColumns(answer),
      })),
    });
    const rowOf = async () =>
      (await getOrgHeatmap(org.head, {})).heatmap.groups
        .flatMap((group) => group.rows)
        .find((row) => row.slug === team.slug);
    const draftRow = await rowOf();
    // Read twice: the second read is served from this process's memory.
    expect(await rowOf()).toEqual(draftRow);

    const submitted = await inOtherProcess<{ outcome: string }>({
      actor: team.lead,
      assessmentId,
      questionId,
      mode: "submit",
      expectedVersion: await versionOf(assessmentId),
    });

    expect(submitted.outcome).toBe("submitted");
    const submittedRow = await rowOf();
    expect(submittedRow).not.toEqual(draftRow);
    const stored = await db.pitfallResult.count({ where: { assessmentId } });
    expect(stored).toBeGreaterThan(0);
  });
});
