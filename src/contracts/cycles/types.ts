import type { RiskBand } from "@/domain/scoring/bands";
import type { CycleStatus, TeamCycleStatus } from "@/contracts/assessments/types";
import type { HeadlineView } from "@/domain/results/headline";
import type { ReminderMailto } from "./reminder-email";

export interface CycleSummary {
  id: string;
  name: string;
  status: CycleStatus;
  opensOn: string;
  closesOn: string;
  questionnaireId: string;
  questionnaireInstalled: boolean;
  submitted: number;
  /** Drafts: started, never submitted. */
  inProgress: number;
  /** Reopened after a submission and not submitted again; their last results still count. */
  reopened: number;
  /** The teams of `reopened`, by name A→Z: closing the cycle names them. */
  reopenedTeams: string[];
  notStarted: number;
  /**
   * Assessments in the cycle in any status, archived teams' included: a closed cycle without any
   * can go back to planned.
   */
  assessments: number;
  /** Whole days from today (organisation's time zone) to `opensOn`; 0 on that day and after. */
  daysBeforeOpensOn: number;
}

export interface CycleTeamStatus {
  teamName: string;
  teamHref: string;
  orgUnitName: string;
  status: TeamCycleStatus;
  /** Stored average and its band: secondary to the headline. */
  overallScore: number | null;
  overallBand: RiskBand | null;
  /** Worst pitfall's band and High or Critical count; null without results (submitted or reopened). */
  headline: HeadlineView | null;
  resultHref: string | null;
}

export interface CyclesPageData {
  cycles: CycleSummary[];
  questionnaires: { id: string; title: string; publishedOn: string }[];
  /** Suggested values for the next cycle: the quarter after the latest one. */
  next: { year: number; quarter: number; opensOn: string; closesOn: string; questionnaireId: string };
  /** Completion per team in the open cycle (or the latest cycle when none is open). */
  focus: { cycleName: string; teams: CycleTeamStatus[] } | null;
}

/** A team that has not submitted in the open cycle, with the leads a reminder goes to. */
export interface ReminderTeam {
  teamName: string;
  teamHref: string;
  orgUnitName: string;
  status: "not-started" | "draft";
  leads: { name: string; email: string }[];
}

/** The reminder panel: teams in the viewer's scope that still have to submit in the open cycle. */
export interface ReminderPanelData {
  cycle: { id: string; name: string; closesOn: string } | null;
  teams: ReminderTeam[];
  /** Email is configured: sending a reminder emails the leads instead of listing them to write to. */
  sendsEmail: boolean;
}

/**
 * What sending a reminder returns: the leads still to write to, and ready-made emails (the leads in
 * Bcc, several emails when one link would be too long). With email configured (`emailed`), the app
 * has sent it and `emails` lists only the leads it could not reach; without, nothing was sent yet.
 */
export interface ReminderSent {
  message: string;
  emails: string[];
  mailtos: ReminderMailto[];
  emailed: boolean;
}
