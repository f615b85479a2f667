/** What the plan queries return to the pages: plain, serialisable data. */
import type { ClosedLoop } from "@/domain/plans/closed-loop";
import type { CommonCountermeasure } from "@/domain/plans/common-countermeasures";
import type { PlanItemStatus } from "@/domain/plans/plan-item-rules";
import type {
  PitfallResultSummary,
  RecommendedCountermeasure,
  SymptomRef,
} from "@/domain/plans/stored-rankings";
import type { HeadlineView } from "@/domain/results/headline";

export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export interface OwnerOption extends PersonRef {
  roleLabel: string;
}

export interface PlanItemView {
  id: string;
  version: number;
  countermeasureId: string;
  action: string;
  pitfallId: string;
  pitfallName: string;
  rationale: string;
  addresses: SymptomRef[];
  status: PlanItemStatus;
  statusLabel: string;
  droppedReason: string | null;
  notes: string | null;
  owner: PersonRef | null;
  /** "YYYY-MM-DD" or null. */
  dueOn: string | null;
  overdue: boolean;
  addedAt: string;
  completedAt: string | null;
  addedInCycle: string | null;
  closedLoop: ClosedLoop;
  outcome: "improved" | "worsened" | "unchanged" | "awaiting" | "method-changed";
  /**
   * Whether the person may update this item's status and notes: whoever edits the plan, and the
   * item's owner (the page's hint; the server decides).
   */
  canUpdateProgress: boolean;
}

export interface RecommendationView extends RecommendedCountermeasure {
  inPlan: boolean;
  /** The status of its plan item, when it is in the plan: a dropped one says so. */
  planStatus: PlanItemStatus | null;
}

export interface CycleOption {
  name: string;
  /** "2026-q3", as export links write it. */
  slug: string;
}

export interface TeamPlanView {
  team: { id: string; slug: string; name: string; orgUnitName: string };
  /** The team is archived: its plan can be read, and nobody can change it (`canEdit` is false). */
  archived: boolean;
  canEdit: boolean;
  canExport: boolean;
  /** The latest submitted assessment the ranking comes from; null before the first submission. */
  source: { cycleName: string; submittedAt: string | null } | null;
  /** The headline of that assessment (worst band, High or Critical count, average secondary). */
  headline: HeadlineView | null;
  pitfalls: PitfallResultSummary[];
  recommendations: RecommendationView[];
  items: PlanItemView[];
  owners: OwnerOption[];
  /** Cycles with a submitted assessment of the team, newest first. */
  exportCycles: CycleOption[];
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}

/** Sent back with a conflict: the item as it is now, so the person can compare before saving again. */
export interface PlanItemConflictDetails {
  kind: "plan-item-conflict";
  current: {
    version: number;
    owner: PersonRef | null;
    dueOn: string | null;
    status: PlanItemStatus;
    statusLabel: string;
    droppedReason: string | null;
    notes: string | null;
    updatedAt: string;
  };
}

export interface PlanUnitSummary {
  id: string;
  slug: string;
  name: string;
  teams: number;
  items: number;
  open: number;
  overdue: number;
  /** Done at any time, not only this cycle. */
  done: number;
  /** Dropped: with open and done, every plan item is counted once. */
  dropped: number;
}

export interface PlansIndexView {
  units: PlanUnitSummary[];
  /** Cycles with submitted assessments, newest first, for the heatmap export. */
  heatmapCycles: CycleOption[];
}

export interface UnitPlanItemRef {
  id: string;
  team: { slug: string; name: string };
  action: string;
  pitfallName: string;
  owner: PersonRef | null;
  dueOn: string | null;
  completedAt: string | null;
  statusLabel: string;
}

export interface UnitTeamSummary {
  slug: string;
  name: string;
  latestCycle: string | null;
  /** The headline of the latest results; null before the first submission. */
  headline: HeadlineView | null;
  items: number;
  open: number;
  overdue: number;
  /** Done at any time, not only this cycle. */
  done: number;
  /** Dropped: with open and done, every plan item is counted once. */
  dropped: number;
}

export interface CampaignCountermeasure {
  countermeasureId: string;
  action: string;
  /** Slugs of the teams whose latest results rank it among their top recommendations. */
  recommendedFor: string[];
  /** Slugs of the teams that already have it in their plan. */
  plannedBy: string[];
}

export interface CampaignTeam {
  slug: string;
  name: string;
  owners: OwnerOption[];
  /** The team's lead, offered as the item's owner until the coach picks someone else. */
  defaultOwnerId: string | null;
}

/** What the "add to several teams" form offers: the teams the person may plan for, and what to add. */
export interface CampaignView {
  teams: CampaignTeam[];
  countermeasures: CampaignCountermeasure[];
}

export interface UnitPlanView {
  unit: { id: string; slug: string; name: string };
  canExport: boolean;
  /** Null when the person may not change any of the unit's plans, or no team has results yet. */
  campaign: CampaignView | null;
  teams: UnitTeamSummary[];
  common: CommonCountermeasure[];
  /**
   * Whose rankings `common` counts: each team's latest result, the latest cycle with results being
   * `cycleName` (the unit export's default cycle, so its PDF counts the same). Null without results.
   */
  commonBasis: { cycleName: string; teamsRanked: number; teamsRankedEarlier: number } | null;
  overdue: UnitPlanItemRef[];
  /** The cycle "done this cycle" refers to (the open one, else the latest). */
  currentCycle: { name: string; opensOn: string; closesOn: string } | null;
  doneThisCycle: UnitPlanItemRef[];
  exportCycles: CycleOption[];
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}
