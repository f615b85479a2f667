/**
 * What the questionnaire holds for one question while the person edits it, and how that turns into
 * the answer autosave sends. Pure and client-safe: the server validates again with the same rules.
 */
import type { Answer } from "@/domain/content/schema";
import {
  AGREEMENT_LABELS,
  formatQuantity,
  NOT_APPLICABLE_REASON_MAX,
  NOT_APPLICABLE_REASON_MIN,
  valueIssueMessage,
  type AnswerValue,
} from "@/domain/scoring/answer-validation";
import { NOTE_MAX_LENGTH } from "@/contracts/assessments/limits";
import type {
  AnswerKind,
  AnswerTypeView,
  NumberUnit,
  QuestionView,
  ServerAnswer,
} from "@/contracts/assessments/types";

export interface AnswerDraft {
  mode: AnswerKind | null;
  /** The radio value ("1".."5", "yes"/"no", an option value) or the typed number. */
  value: string;
  reason: string;
  note: string;
}

/**
 * "Not applicable" chosen and its reason not (fully) written yet: nothing is wrong, the answer
 * waits for the reason. A reason that is too long is a mistake to fix, not something to wait for.
 */
export function draftAwaitsReason(draft: AnswerDraft): boolean {
  return draft.mode === "notApplicable" && draft.reason.trim().length < NOT_APPLICABLE_REASON_MIN;
}

export const EMPTY_DRAFT: AnswerDraft = { mode: null, value: "", reason: "", note: "" };

export type DraftPayload =
  | { ok: true; answer: Answer | null; note: string | null }
  | { ok: false; message: string; field: "value" | "reason" | "note" };

export const UNIT_LABELS: Record<NumberUnit, string> = {
  percent: "%",
  count: "",
  "per-week": "per week",
  "per-month": "per month",
  "per-shift": "per shift",
  hours: "hours",
  days: "days",
  people: "people",
};

/** "12%", "1 person", "100 people": the unit agrees with the number. */
export function formatWithUnit(value: number, unit: NumberUnit): string {
  return formatQuantity(value, unit);
}

/** "whole number from 0 to 7", "number from 0% to 100%", "whole number from 1 person to 100 people". */
export function describeNumberRange(answer: Extract<AnswerTypeView, { type: "number" }>): string {
  return `${answer.integer ? "whole number" : "number"} from ${formatWithUnit(answer.min, answer.unit)} to ${formatWithUnit(answer.max, answer.unit)}`;
}

function valueToText(answer: AnswerTypeView, value: AnswerValue | null): string {
  if (value === null) return "";
  if (answer.type === "yesNo") return value === true ? "yes" : value === false ? "no" : "";
  return String(value);
}

function textToValue(answer: AnswerTypeView, text: string): AnswerValue | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  switch (answer.type) {
    case "agreement":
      return Number(trimmed);
    case "yesNo":
      return trimmed === "yes";
    case "choice":
      return trimmed;
    case "number": {
      const parsed = Number(trimmed.replace(",", "."));
      return Number.isFinite(parsed) ? parsed : Number.NaN;
    }
  }
}

export function draftFromServer(
  question: QuestionView,
  answer: ServerAnswer | null | undefined,
): AnswerDraft {
  if (!answer) return EMPTY_DRAFT;
  return draftFromAnswer(question, answer, answer.note ?? "");
}

/** The draft of an answer given elsewhere (a suggested team answer), keeping the note being written. */
export function draftFromAnswer(
  question: QuestionView,
  answer: { kind: AnswerKind; value: AnswerValue | null; reason: string | null },
  note: string,
): AnswerDraft {
  return {
    mode: answer.kind,
    value: answer.kind === "value" ? valueToText(question.answer, answer.value) : "",
    reason: answer.reason ?? "",
    note,
  };
}

/** The answer and note a draft stands for, or why it cannot be saved yet. */
export function draftToPayload(question: QuestionView, draft: AnswerDraft): DraftPayload {
  const note = draft.note.trim() ? draft.note.trim() : null;
  if (note && note.length > NOTE_MAX_LENGTH) {
    return { ok: false, field: "note", message: `Keep the note under ${NOTE_MAX_LENGTH} characters.` };
  }
  switch (draft.mode) {
    case null:
      return { ok: true, answer: null, note: null };
    case "dontKnow":
      return { ok: true, answer: { kind: "dontKnow" }, note };
    case "notApplicable": {
      const reason = draft.reason.trim();
      if (reason.length < NOT_APPLICABLE_REASON_MIN) {
        return {
          ok: false,
          field: "reason",
          message: `Say briefly why this question does not apply (at least ${NOT_APPLICABLE_REASON_MIN} characters) to save "Not applicable".`,
        };
      }
      if (reason.length > NOT_APPLICABLE_REASON_MAX) {
        return {
          ok: false,
          field: "reason",
          message: `Keep the reason under ${NOT_APPLICABLE_REASON_MAX} characters.`,
        };
      }
      return { ok: true, answer: { kind: "notApplicable", reason }, note };
    }
    case "value": {
      const value = textToValue(question.answer, draft.value);
      if (value === null) return { ok: true, answer: null, note: null };
      if (question.answer.type === "number") {
        const issue = valueIssueMessage(question.answer, value);
        if (issue) return { ok: false, field: "value", message: issue };
      }
      return { ok: true, answer: { kind: "value", value }, note };
    }
  }
}

function storedShape(answer: Answer | null, note: string | null) {
  if (!answer) return null;
  return {
    kind: answer.kind,
    value: answer.kind === "value" ? answer.value : null,
    reason: answer.kind === "notApplicable" ? answer.reason : null,
    note,
  };
}

/** True when two stored answers say the same (who changed them and the carried-over flag aside). */
export function sameServerAnswer(
  a: ServerAnswer | null | undefined,
  b: ServerAnswer | null | undefined,
): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.kind === b.kind &&
    a.value === b.value &&
    (a.reason ?? null) === (b.reason ?? null) &&
    (a.note ?? null) === (b.note ?? null)
  );
}

/** True when saving this draft would not change what the server holds. */
export function draftMatchesServer(
  question: QuestionView,
  draft: AnswerDraft,
  server: ServerAnswer | null | undefined,
): boolean {
  const payload = draftToPayload(question, draft);
  if (!payload.ok) return false;
  const shape = storedShape(payload.answer, payload.note);
  if (!shape || !server) return !shape && !server;
  return (
    shape.kind === server.kind &&
    shape.value === server.value &&
    shape.reason === (server.reason ?? null) &&
    shape.note === (server.note ?? null)
  );
}

/** "Agree", "Yes", "12 per week", "Don't know", "Not applicable: no shared budget". */
export function describeAnswer(
  question: QuestionView,
  answer: { kind: AnswerKind; value: AnswerValue | null; reason: string | null } | null,
): string {
  if (!answer) return "no answer";
  if (answer.kind === "dontKnow") return "Don't know";
  if (answer.kind === "notApplicable") return `Not applicable: ${answer.reason ?? ""}`.trim();
  const value = answer.value;
  const type = question.answer;
  switch (type.type) {
    case "agreement":
      return AGREEMENT_LABELS[value as number] ?? String(value);
    case "yesNo":
      return value === true ? "Yes" : "No";
    case "choice":
      return type.options.find((option) => option.value === value)?.label ?? String(value);
    case "number":
      return typeof value === "number" ? formatWithUnit(value, type.unit) : String(value);
  }
}

export function describeDraft(question: QuestionView, draft: AnswerDraft): string {
  const payload = draftToPayload(question, draft);
  if (!payload.ok || !payload.answer) return "no answer";
  const answer = payload.answer;
  return describeAnswer(question, {
    kind: answer.kind,
    value: answer.kind === "value" ? answer.value : null,
    reason: answer.kind === "notApplicable" ? answer.reason : null,
  });
}

export interface MergedAnswers {
  server: Record<string, ServerAnswer>;
  drafts: Record<string, AnswerDraft>;
  /** Questions changed both here and elsewhere, with the other side's answer (null: cleared). */
  conflicts: Map<string, ServerAnswer | null>;
}

/**
 * Three-way merge after a refused write: `known` is what this screen last knew from the server,
 * `drafts` what it shows now, `theirs` what the server holds now. Questions nobody changed here take
 * their answer; questions changed on both sides become conflicts for the person to settle.
 */
export function mergeServerAnswers(
  questions: ReadonlyMap<string, QuestionView>,
  known: Readonly<Record<string, ServerAnswer>>,
  drafts: Readonly<Record<string, AnswerDraft>>,
  theirs: Readonly<Record<string, ServerAnswer>>,
): MergedAnswers {
  const server = { ...known };
  const nextDrafts = { ...drafts };
  const conflicts = new Map<string, ServerAnswer | null>();
  for (const questionId of new Set([...Object.keys(theirs), ...Object.keys(known)])) {
    const question = questions.get(questionId);
    if (!question) continue;
    const current = theirs[questionId] ?? null;
    const base = known[questionId] ?? null;
    if (sameServerAnswer(current, base)) {
      // Same answer; take the newer metadata (a confirmation elsewhere clears "carried over").
      if (current) server[questionId] = current;
      continue;
    }
    if (draftMatchesServer(question, drafts[questionId] ?? EMPTY_DRAFT, base)) {
      if (current) server[questionId] = current;
      else delete server[questionId];
      nextDrafts[questionId] = draftFromServer(question, current);
    } else {
      conflicts.set(questionId, current);
    }
  }
  return { server, drafts: nextDrafts, conflicts };
}
