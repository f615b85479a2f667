/**
 * Helpers for the anonymous pulse tests: answers as the form sends them, and the stored state a
 * refused answer must leave exactly as it was.
 */
import { expect } from "vitest";
import { ExpectedError } from "@/contracts/action-result";
import type { PulseAudience } from "@/domain/content/schema";
import type { Actor } from "@/domain/access/policy";
import { db } from "@/server/db";
import { answerPulse } from "@/server/pulse/mutations";

/** One person's choices: question id → option value. */
export type Choices = Record<string, string>;

export function answerAs(
  actor: Actor,
  team: { slug: string },
  cycleId: string,
  choices: Choices,
  audiences: PulseAudience[] = ["on-call"],
) {
  return answerPulse(actor, {
    teamSlug: team.slug,
    cycleId,
    audiences,
    answers: Object.entries(choices).map(([questionId, option]) => ({ questionId, option })),
  });
}

/** Everything answering may change for a team and cycle. */
export async function pulseState(teamId: string, cycleId: string) {
  const [tallies, participants] = await Promise.all([
    db.pulseTally.findMany({
      where: { teamId, cycleId },
      orderBy: [{ questionId: "asc" }, { option: "asc" }],
      select: { questionId: true, option: true, count: true },
    }),
    db.pulseParticipation.count({ where: { teamId, cycleId } }),
  ]);
  return { tallies, participants };
}

export async function refusal(promise: Promise<unknown>): Promise<ExpectedError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ExpectedError);
  return error as ExpectedError;
}
