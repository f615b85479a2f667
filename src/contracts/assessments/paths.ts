/** Links of the assessment workflow, in one place so pages, queries and tests agree on them. */

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

/** "2026 Q4" → "2026-q4": readable in the address bar, no encoded spaces. */
export function cycleSlug(cycleName: string): string {
  return cycleName.trim().toLowerCase().replace(/\s+/g, "-");
}

export function resultPath(teamSlug: string, cycleName: string): string {
  return `${teamPath(teamSlug)}/results/${cycleSlug(cycleName)}`;
}

/**
 * Reads the last segment of a result link: a cycle ("2026-q4", "2026 Q4", "2026q4") or an
 * assessment id.
 */
export function parseResultRef(ref: string): { year: number; quarter: number } | { assessmentId: string } {
  const match = /^(\d{4})[\s-]*q([1-4])$/i.exec(ref.trim());
  if (match) return { year: Number(match[1]), quarter: Number(match[2]) };
  return { assessmentId: ref.trim() };
}

export function playbookPath(pitfallId: string, symptomId?: string): string {
  return symptomId ? `/playbook/${pitfallId}#${symptomId}` : `/playbook/${pitfallId}`;
}
