/**
 * A second server process, for tests of several processes sharing one database: saves answers
 * through the application's own autosave path (`saveAnswer`) against DATABASE_URL and prints what
 * happened as one line of JSON. It first prints `ready` (its modules loaded, its connection open) and
 * waits for a line on standard input, so a test can start several at the same moment. Run with `node --import tsx --import ./tests/support/server-only-hooks.mjs`.
 *
 * Argument: JSON `{ actor, assessmentId, questionId, mode, saves?, expectedVersion? }`, the actor's
 * sets given as arrays.
 * - mode "chain": `saves` saves one after the other, each expecting the version the previous one
 *   left (re-reading it after a conflict); prints `{ saved, conflicts }`.
 * - mode "once": one save expecting `expectedVersion`; prints `{ outcome: "saved" | "conflict" }`.
 * - mode "submit": submits the assessment expecting `expectedVersion`; prints `{ outcome: "submitted" }`.
 */
import type { Actor } from "@/domain/access/policy";
import { db } from "@/server/db";
import { saveAnswer, submitAssessment } from "@/server/assessments/mutations";
import { ConflictError } from "@/server/errors";

interface Instructions {
  actor: Omit<Actor, "leadTeamIds" | "memberTeamIds" | "coachOrgUnitIds"> & {
    leadTeamIds: string[];
    memberTeamIds: string[];
    coachOrgUnitIds: string[];
  };
  assessmentId: string;
  questionId: string;
  mode: "chain" | "once" | "submit";
  saves?: number;
  expectedVersion?: number;
}

const input = JSON.parse(process.argv[2]!) as Instructions;
const actor: Actor = {
  ...input.actor,
  leadTeamIds: new Set(input.actor.leadTeamIds),
  memberTeamIds: new Set(input.actor.memberTeamIds),
  coachOrgUnitIds: new Set(input.actor.coachOrgUnitIds),
};

function isConflict(error: unknown): boolean {
  return error instanceof ConflictError;
}

async function save(expectedVersion: number, value: number) {
  return saveAnswer(actor, {
    assessmentId: input.assessmentId,
    questionId: input.questionId,
    answer: { kind: "value", value },
    note: null,
    expectedVersion,
  });
}

async function main() {
  await db.assessment.count();
  console.log("ready");
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.pause();
  if (input.mode === "submit") {
    await submitAssessment(actor, {
      assessmentId: input.assessmentId,
      expectedVersion: input.expectedVersion!,
    });
    console.log(JSON.stringify({ outcome: "submitted" }));
    return;
  }
  if (input.mode === "once") {
    try {
      await save(input.expectedVersion!, 3);
      console.log(JSON.stringify({ outcome: "saved" }));
    } catch (error) {
      if (!isConflict(error)) throw error;
      console.log(JSON.stringify({ outcome: "conflict" }));
    }
    return;
  }
  let saved = 0;
  let conflicts = 0;
  const current = async () =>
    (await db.assessment.findUniqueOrThrow({ where: { id: input.assessmentId }, select: { version: true } }))
      .version;
  let version = await current();
  while (saved < input.saves!) {
    try {
      version = (await save(version, (saved % 5) + 1)).version;
      saved++;
    } catch (error) {
      if (!isConflict(error)) throw error;
      conflicts++;
      version = await current();
    }
  }
  console.log(JSON.stringify({ saved, conflicts }));
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    await db.$disconnect();
    process.exit(1);
  });
