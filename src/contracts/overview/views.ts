/** The home page overview of the organisation: plain data shared by the query and the page. */

export interface CycleCompletion {
  name: string;
  status: string;
  /** The day teams are asked to submit by; the cycle stays open past it until it is closed. */
  closesOn: Date;
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
}

export interface OrganisationOverview {
  orgUnitCount: number;
  teamCount: number;
  currentCycle: CycleCompletion | null;
  /**
   * Teams of the current cycle with a Critical pitfall in their results (a reopened assessment's
   * last submitted ones included); null for viewers who may not see the organisation.
   */
  criticalTeams: number | null;
  /**
   * Teams without results in the current cycle whose last result from an earlier cycle has a
   * Critical pitfall, with that cycle's name: not in `criticalTeams`. Null as `criticalTeams`.
   */
  earlierCriticalTeams: readonly { cycleName: string }[] | null;
  /** Null for viewers who may not see the whole organisation: the figures stay plain numbers. */
  links: OverviewLinks | null;
  /** The organisation's time zone (`ORG_TIME_ZONE`): the page writes its moments on that clock. */
  timeZone: string;
}
