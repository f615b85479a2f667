/** The home page overview of the organisation: plain data shared by the query and the page. */

export interface CycleCompletion {
  name: string;
  status: string;
  closesOn: Date;
  notStarted: number;
  draft: number;
  submitted: number;
}

export interface OrganisationOverview {
  orgUnitCount: number;
  teamCount: number;
  currentCycle: CycleCompletion | null;
}
