/** Links of the assessment workflow, in one place so pages, queries and tests agree on them. */
import { cycleSlug, parseCycleRef, type CycleQuarter } from "@/domain/cycles/cycle-ref";

export function teamPath(teamSlug: string): string {
  return `/team/${encodeURIComponent(teamSlug)}`;
}

export function questionnairePath(teamSlug: string): string {
  return `${teamPath(teamSlug)}/assessment`;
}

export function questionAnchor(questionId: string): string {
  return `question-${questionId}`;
}

export function questionPath(teamSlug: string, questionId: string): string {
  return `${questionnairePath(teamSlug)}#${questionAnchor(questionId)}`;
}

export function reviewPath(teamSlug: string): string {
  return `${questionnairePath(teamSlug)}/review`;
}

export function resultPath(teamSlug: string, cycleName: string): string {
  return `${teamPath(teamSlug)}/results/${cycleSlug(cycleName)}`;
}

/** The result page's section listing the questions the team's own answers were split on. */
export const DISAGREEMENT_ANCHOR = "where-the-team-disagreed";

/**
 * Reads the last segment of a result link: a cycle ("2026-q4", "2026 Q4", "2026q4") or an
 * assessment id.
 */
export function parseResultRef(ref: string): CycleQuarter | { assessmentId: string } {
  return parseCycleRef(ref) ?? { assessmentId: ref.trim() };
}

export function playbookPath(pitfallId: string, symptomId?: string): string {
  return symptomId ? `/playbook/${pitfallId}#${symptomId}` : `/playbook/${pitfallId}`;
}
