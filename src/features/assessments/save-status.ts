/**
 * The words of the questionnaire's save status, from the sync queue's snapshot. The queue's own
 * status only knows about writes; a change it refused to send (a number out of range, "Not
 * applicable" without its reason) leaves nothing in flight, so that status alone would read
 * "Saved" or stay on its introduction. Here such a change always reads "Not saved: …", naming the
 * question and what is missing, until it is fixed or cleared. "Not applicable" whose reason is
 * still to be written is not a mistake: it reads, neutrally, "Add a reason to save". Neither is
 * "Not applicable" that the team's own context rules out (the context may be what is wrong), but
 * it is no plain "Saved" either: the status says, neutrally, that it cannot stay so.
 */
import type { QuestionView } from "@/contracts/assessments/types";
import type { QuestionSyncState, SaveStatus } from "./answer-sync-queue";

export interface SaveStatusView {
  tone: "neutral" | "busy" | "ok" | "problem";
  text: string;
  canRetry: boolean;
  /** The question to go to, for "Not saved" about one question. */
  questionId: string | null;
}

export function saveStatusView(
  status: SaveStatus,
  syncStates: Readonly<Record<string, QuestionSyncState>>,
  questions: readonly Pick<QuestionView, "id" | "prompt">[],
  /**
   * Questions answered (or being answered) "not applicable" although the team's saved context says
   * they apply: saved or not, the team cannot submit them so, and the status says it rather than
   * a plain "Saved".
   */
  needsCorrection: readonly string[] = [],
  /**
   * Saved answers that cannot all be true (a team's own rota larger than the team), by question:
   * the sentence the question shows, which names both answers.
   */
  impossible: Readonly<Record<string, string>> = {},
): SaveStatusView {
  if (status.kind === "error") {
    return {
      tone: "problem",
      text: status.canRetry ? `Not saved: ${status.message}` : `Not saved. ${status.message}`,
      canRetry: status.canRetry,
      questionId: null,
    };
  }
  if (status.kind === "saving") return { tone: "busy", text: "Saving…", canRetry: false, questionId: null };
  const unsaved = questions.filter((question) => {
    const kind = syncStates[question.id]?.kind;
    return kind === "invalid" || kind === "conflict";
  });
  if (unsaved.length > 0) {
    const first = unsaved[0]!;
    const state = syncStates[first.id]!;
    const why =
      state.kind === "invalid" ? state.message : "someone else changed this answer; choose which to keep.";
    const more =
      unsaved.length > 1
        ? ` (and ${unsaved.length - 1} more ${unsaved.length === 2 ? "question" : "questions"})`
        : "";
    return {
      tone: "problem",
      text: `Not saved: “${first.prompt}”${more}: ${why}`,
      canRetry: false,
      questionId: first.id,
    };
  }
  const contradicted = questions.filter((question) => needsCorrection.includes(question.id));
  if (contradicted.length > 0) {
    const first = contradicted[0]!;
    const more =
      contradicted.length > 1
        ? ` (and ${contradicted.length - 1} more ${contradicted.length === 2 ? "question" : "questions"})`
        : "";
    return {
      tone: "neutral",
      // "Saved." only once it is: chosen and still waiting for its reason, it is not yet.
      text: `${status.kind === "saved" && syncStates[first.id]?.kind !== "awaiting-reason" ? "Saved. " : ""}“${first.prompt}”${more} cannot be “Not applicable”: your team context says it applies to your team. Answer it, or choose “Don't know”.`,
      canRetry: false,
      questionId: first.id,
    };
  }
  const impossibleQuestion = questions.find((question) => impossible[question.id] !== undefined);
  if (impossibleQuestion) {
    // The full explanation stands beside both answers; repeated in the status bar it filled a third
    // of a phone's screen twice over. The bar says what is wrong and where.
    return {
      tone: "neutral",
      text: `${status.kind === "saved" ? "Saved. " : ""}Two answers cannot both be true: the message beside “${impossibleQuestion.prompt}” says which, and how to correct one.`,
      canRetry: false,
      questionId: impossibleQuestion.id,
    };
  }
  const awaitingReason = questions.find((question) => syncStates[question.id]?.kind === "awaiting-reason");
  if (awaitingReason) {
    return {
      tone: "neutral",
      text: `Add a reason to save “Not applicable” for “${awaitingReason.prompt}”.`,
      canRetry: false,
      questionId: awaitingReason.id,
    };
  }
  if (status.kind === "saved") return { tone: "ok", text: "Saved", canRetry: false, questionId: null };
  return {
    tone: "neutral",
    text: "Answers save automatically as you go.",
    canRetry: false,
    questionId: null,
  };
}
