/**
 * Rules of a remediation plan item: its statuses, what a status change implies, and when an item
 * counts as overdue. Pure, so the mutations, the pages and the exports agree on them.
 */
import { isoDay } from "../format";
import { storedValueCodec } from "../stored-values";

export const PLAN_ITEM_STATUSES = ["todo", "in_progress", "done", "dropped"] as const;
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number];

export const PLAN_ITEM_STATUS_LABELS: Record<PlanItemStatus, string> = {
  todo: "To do",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

export const MIN_DROPPED_REASON_LENGTH = 3;
export const MAX_DROPPED_REASON_LENGTH = 500;
export const MAX_NOTES_LENGTH = 2000;

export const decodePlanItemStatus = storedValueCodec(PLAN_ITEM_STATUSES);

/** Stored statuses are plain strings; anything unexpected reads as "to do" rather than failing a page. */
export function asPlanItemStatus(value: string): PlanItemStatus {
  return decodePlanItemStatus(value) ?? "todo";
}

/** A remediation step's place in the team's plan: the item made from it and its status, or nulls. */
export interface PlanPlacement {
  planItemId: string | null;
  planItemStatus: PlanItemStatus | null;
}

/**
 * Where each countermeasure stands in a team's plan, from the team's plan items: every page that
 * lists steps (the result, the team dashboard, the plan's ranking) reads it here, so a dropped
 * item says "Dropped from the plan" everywhere, never "In the plan" on one page alone.
 */
export function planPlacements(
  items: readonly { id: string; countermeasureId: string; status: string }[],
): (countermeasureId: string) => PlanPlacement {
  const byCountermeasure = new Map(items.map((item) => [item.countermeasureId, item]));
  return (countermeasureId) => {
    const item = byCountermeasure.get(countermeasureId);
    return item
      ? { planItemId: item.id, planItemStatus: asPlanItemStatus(item.status) }
      : { planItemId: null, planItemStatus: null };
  };
}

/** Done and dropped items are finished: they are never overdue and leave the open count. */
export function isClosedStatus(status: PlanItemStatus): boolean {
  return status === "done" || status === "dropped";
}

export interface PlanItemProgress {
  status: PlanItemStatus;
  droppedReason: string | null;
  completedAt: Date | null;
}

export type StatusChangeProblem =
  "dropped-reason-required" | "dropped-reason-too-short" | "dropped-reason-too-long";

export const STATUS_CHANGE_MESSAGES: Record<StatusChangeProblem, string> = {
  "dropped-reason-required": "Say why the item is dropped",
  "dropped-reason-too-short": `Say in at least ${MIN_DROPPED_REASON_LENGTH} characters why the item is dropped`,
  "dropped-reason-too-long": `Keep the reason to ${MAX_DROPPED_REASON_LENGTH} characters or fewer`,
};

/**
 * What an item looks like after moving to `status`. A dropped item must say why (the reason is the
 * confirmation that dropping was meant); leaving "dropped" forgets the reason. `completedAt` is set
 * when an item becomes done and kept while it stays done, so re-saving a done item does not move
 * it into a later cycle; it is cleared when the item is reopened.
 */
export function applyStatusChange(
  current: PlanItemProgress,
  next: { status: PlanItemStatus; droppedReason: string | null },
  now: Date,
): { ok: true; progress: PlanItemProgress } | { ok: false; problem: StatusChangeProblem } {
  const reason = next.droppedReason?.trim() ?? "";
  if (next.status === "dropped") {
    if (reason.length === 0) return { ok: false, problem: "dropped-reason-required" };
    if (reason.length < MIN_DROPPED_REASON_LENGTH) return { ok: false, problem: "dropped-reason-too-short" };
    if (reason.length > MAX_DROPPED_REASON_LENGTH) return { ok: false, problem: "dropped-reason-too-long" };
  }
  const completedAt =
    next.status === "done"
      ? current.status === "done" && current.completedAt
        ? current.completedAt
        : now
      : null;
  return {
    ok: true,
    progress: {
      status: next.status,
      droppedReason: next.status === "dropped" ? reason : null,
      completedAt,
    },
  };
}

/** Start of the UTC day of `date`: due dates are whole days, compared without the time of day. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Overdue: a due date before today and not yet done or dropped. An item due today is not overdue. */
export function isOverdue(item: { status: PlanItemStatus; dueOn: Date | null }, today: Date): boolean {
  if (!item.dueOn || isClosedStatus(item.status)) return false;
  return item.dueOn.getTime() < startOfUtcDay(today).getTime();
}

/**
 * A due date set to a day already gone (before `today`, the organisation's day). Keeping the date
 * an item already has is not setting one, so an overdue item can still be edited as it is.
 */
export function isNewPastDueDate(dueOn: Date | null, today: Date, current: Date | null = null): boolean {
  if (!dueOn || dueOn.getTime() === current?.getTime()) return false;
  return dueOn.getTime() < startOfUtcDay(today).getTime();
}

export const PAST_DUE_DATE_MESSAGE = "That day has passed: choose today or a later day";

/**
 * Whether an item was completed inside a cycle. A cycle runs from the day it opens to the end of
 * the day it closes.
 */
export function completedWithin(completedAt: Date | null, cycle: { opensOn: Date; closesOn: Date }): boolean {
  if (!completedAt) return false;
  const end = startOfUtcDay(cycle.closesOn).getTime() + 86_400_000;
  return completedAt.getTime() >= cycle.opensOn.getTime() && completedAt.getTime() < end;
}

/** "2026-12-31" for a stored due date (kept at UTC midnight), or "" when there is none. */
export function formatDueDate(dueOn: Date | null): string {
  return dueOn ? isoDay(dueOn) : "";
}

/** Parses a "YYYY-MM-DD" day into UTC midnight; null for anything that is not a real calendar day. */
export function parseDueDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const isSameDay =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isSameDay ? date : null;
}
