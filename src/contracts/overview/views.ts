/** The home page overview of the organisation: plain data shared by the query and the page. */

export interface CycleCompletion {
  name: string;
  status: string;
  /** The day teams are asked to submit by; the cycle stays open past it until it is closed. */
  closesOn: Date;
  /** Whole days from today (the organisation's calendar) to `closesOn`: negative once it has passed. */
  daysLeft: number;
  /** When an administrator closed the cycle, as the audit log recorded it; null while open or unknown. */
  closedAt: Date | null;
  notStarted: number;
  draft: number;
  /** Reopened after a submission: not submitted now, though their last results still count. */
  reopened: number;
  submitted: number;
}

/** Where the overview's figures lead: the organisation views, filtered to what each figure counts. */
export interface OverviewLinks {
  rollups: string;
  heatmap: string;
  priorities: string;
  submitted: string;
  draft: string;
  reopened: string;
  notStarted: string;
  critical: string;
  /** At risk's list of teams not yet submitted whose last result was Critical. */
  earlierCritical: string;
  /** At risk's biggest changes since the previous cycle. */
  changes: string;
}

/**
 * What the figures count: the whole organisation, or (for a coach) the teams of the units they
 * coach, named so the page can say whose figures they are.
 */
export type OverviewScope = { kind: "organisation" } | { kind: "your-units"; unitNames: string[] };

export interface OrganisationOverview {
  scope: OverviewScope;
  orgUnitCount: number;
  teamCount: number;
  currentCycle: CycleCompletion | null;
  /**
   * Teams of the current cycle with a Critical pitfall in their results (a reopened assessment's
   * last submitted ones included), within the scope; null for viewers without an organisation view.
   */
  criticalTeams: number | null;
  /**
   * Teams without results in the current cycle whose last result from an earlier cycle has a
   * Critical pitfall, with that cycle's name: not in `criticalTeams`. Null as `criticalTeams`.
   */
  earlierCriticalTeams: readonly { cycleName: string }[] | null;
  /** The started cycle before the current one, which changes are measured against; null as `links`. */
  previousCycleName: string | null;
  /** Null for viewers without an organisation view: the figures stay plain numbers. */
  links: OverviewLinks | null;
  /** Whether the viewer opens and closes cycles (heads of engineering, admins). */
  canManageCycles: boolean;
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}
