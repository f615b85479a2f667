/**
 * The run-cost picture: how many out-of-hours schedules the product teams run, what standby costs
 * under the R(n) model, and what the playbook's rule (out-of-hours cover chosen by availability
 * target) would change.
 *
 * Counting follows the scoring engine's run-cost signal: a team's own schedule counts 1; teams on a
 * shared domain schedule count 1 per org unit that has one; nobody on call, or cover by a central
 * operations team, adds no product team schedule (the Ops schedule exists for the foundational
 * systems whatever product teams do, and is paid from the operations budget).
 */
import { z } from "zod";
import type { Answers } from "../content/schema";
import { DEFAULT_ON_CALL_SETUP, scoreOrganisation, type RunCostSignal } from "../scoring/score-organisation";
import { SCORING_METHOD_VERSION } from "../scoring/types";

export const AVAILABILITY_TARGETS = ["95-0", "99-0", "99-9", "99-99"] as const;
export type AvailabilityTarget = (typeof AVAILABILITY_TARGETS)[number];
export const AVAILABILITY_TARGET_LABELS: Record<AvailabilityTarget, string> = {
  "95-0": "95.0%",
  "99-0": "99.0%",
  "99-9": "99.9%",
  "99-99": "99.99%",
};

export const ON_CALL_SETUPS = ["none", "shared-domain-schedule", "own-team-schedule", "central-ops"] as const;
export type OnCallSetup = (typeof ON_CALL_SETUPS)[number];
export const ON_CALL_SETUP_LABELS: Record<OnCallSetup, string> = {
  none: "No out-of-hours cover",
  "shared-domain-schedule": "Shared domain schedule",
  "own-team-schedule": "Own team schedule",
  "central-ops": "Central operations",
};

export const AVAILABILITY_TARGET_QUESTION = "availability-target";
export const ON_CALL_SETUP_QUESTION = DEFAULT_ON_CALL_SETUP.contextQuestionId;

export const WEEKS_PER_YEAR = 52;
export const DEFAULT_STANDBY_RATE = 500;
export const MAX_STANDBY_RATE = 1_000_000;

export interface RunCostTeam {
  teamId: string;
  orgUnitId: string;
  /** Null when the team has not said, or answered "don't know". */
  availabilityTarget: AvailabilityTarget | null;
  onCallSetup: OnCallSetup | null;
}

export function asAvailabilityTarget(value: unknown): AvailabilityTarget | null {
  return typeof value === "string" && (AVAILABILITY_TARGETS as readonly string[]).includes(value)
    ? (value as AvailabilityTarget)
    : null;
}

export function asOnCallSetup(value: unknown): OnCallSetup | null {
  return typeof value === "string" && (ON_CALL_SETUPS as readonly string[]).includes(value)
    ? (value as OnCallSetup)
    : null;
}

/**
 * The playbook's rule: at 95.0% callouts wait for the next working day; at 99.0% sibling teams share
 * one domain schedule; from 99.9% a team runs its own.
 */
export function playbookSetupFor(target: AvailabilityTarget): OnCallSetup {
  switch (target) {
    case "95-0":
      return "none";
    case "99-0":
      return "shared-domain-schedule";
    case "99-9":
    case "99-99":
      return "own-team-schedule";
  }
}

/**
 * Teams as they would be under the rule. A team whose target or current setup is unknown is left as
 * it is, so "now" and "under the rule" always compare the same teams.
 */
export function applyPlaybookRule(teams: readonly RunCostTeam[]): RunCostTeam[] {
  return teams.map((team) =>
    team.availabilityTarget === null || team.onCallSetup === null
      ? team
      : { ...team, onCallSetup: playbookSetupFor(team.availabilityTarget) },
  );
}

export interface StandbyCost {
  weekly: number;
  yearly: number;
}

/** R(n): n schedules, each paying the standby rate R every week of the year. */
export function standbyCost(schedules: number, ratePerScheduleWeek: number): StandbyCost {
  const weekly = schedules * ratePerScheduleWeek;
  return { weekly, yearly: weekly * WEEKS_PER_YEAR };
}

export interface ScheduleSummary extends RunCostSignal {
  teamsOnCentralOps: number;
  teamsWithNoCover: number;
  cost: StandbyCost;
}

function contextOf(team: RunCostTeam): Answers {
  return team.onCallSetup === null
    ? {}
    : { [ON_CALL_SETUP_QUESTION]: { kind: "value", value: team.onCallSetup } };
}

/** Schedule counts through the scoring engine's run-cost signal, plus the cost they carry. */
export function summariseSchedules(
  teams: readonly RunCostTeam[],
  ratePerScheduleWeek: number,
): ScheduleSummary {
  const signal = scoreOrganisation(
    teams.map((team) => ({
      teamId: team.teamId,
      orgUnitId: team.orgUnitId,
      context: contextOf(team),
      result: {
        methodVersion: SCORING_METHOD_VERSION,
        questionnaireId: "",
        pitfalls: [],
        countermeasures: [],
      },
    })),
  ).runCost;
  let teamsOnCentralOps = 0;
  let teamsWithNoCover = 0;
  for (const team of teams) {
    if (team.onCallSetup === "central-ops") teamsOnCentralOps++;
    if (team.onCallSetup === "none") teamsWithNoCover++;
  }
  return {
    ...signal,
    teamsOnCentralOps,
    teamsWithNoCover,
    cost: standbyCost(signal.outOfHoursSchedules, ratePerScheduleWeek),
  };
}

export interface TargetBreakdown {
  /** Null for teams whose target is unknown. */
  target: AvailabilityTarget | null;
  teams: number;
  /** Current setups of these teams; "unknown" counts teams that have not said. */
  setups: Record<OnCallSetup | "unknown", number>;
  /** What the rule asks for; null when the target is unknown. */
  ruleSetup: OnCallSetup | null;
  /** Teams whose current setup differs from the rule's. */
  teamsOffRule: number;
}

export interface UnitRunCost {
  orgUnitId: string;
  teams: number;
  schedulesNow: number;
  schedulesUnderRule: number;
}

export interface RunCostWhatIf {
  ratePerScheduleWeek: number;
  now: ScheduleSummary;
  underRule: ScheduleSummary;
  /** Under the rule minus now; negative means the rule saves money. */
  yearlyDifference: number;
  scheduleDifference: number;
  byTarget: TargetBreakdown[];
  byUnit: UnitRunCost[];
}

function emptySetups(): Record<OnCallSetup | "unknown", number> {
  return { none: 0, "shared-domain-schedule": 0, "own-team-schedule": 0, "central-ops": 0, unknown: 0 };
}

export function runCostWhatIf(teams: readonly RunCostTeam[], ratePerScheduleWeek: number): RunCostWhatIf {
  const ruled = applyPlaybookRule(teams);
  const now = summariseSchedules(teams, ratePerScheduleWeek);
  const underRule = summariseSchedules(ruled, ratePerScheduleWeek);

  const byTarget: TargetBreakdown[] = [...AVAILABILITY_TARGETS, null].map((target) => {
    const matching = teams.filter((team) => team.availabilityTarget === target);
    const setups = emptySetups();
    const ruleSetup = target === null ? null : playbookSetupFor(target);
    let teamsOffRule = 0;
    for (const team of matching) {
      setups[team.onCallSetup ?? "unknown"]++;
      if (ruleSetup !== null && team.onCallSetup !== null && team.onCallSetup !== ruleSetup) teamsOffRule++;
    }
    return { target, teams: matching.length, setups, ruleSetup, teamsOffRule };
  });

  const unitIds = [...new Set(teams.map((team) => team.orgUnitId))];
  const byUnit: UnitRunCost[] = unitIds.map((orgUnitId) => {
    const unitTeams = teams.filter((team) => team.orgUnitId === orgUnitId);
    const unitRuled = ruled.filter((team) => team.orgUnitId === orgUnitId);
    return {
      orgUnitId,
      teams: unitTeams.length,
      schedulesNow: summariseSchedules(unitTeams, ratePerScheduleWeek).outOfHoursSchedules,
      schedulesUnderRule: summariseSchedules(unitRuled, ratePerScheduleWeek).outOfHoursSchedules,
    };
  });

  return {
    ratePerScheduleWeek,
    now,
    underRule,
    yearlyDifference: underRule.cost.yearly - now.cost.yearly,
    scheduleDifference: underRule.outOfHoursSchedules - now.outOfHoursSchedules,
    byTarget,
    byUnit,
  };
}

export interface RunCostQuery {
  cycle: string | undefined;
  ratePerScheduleWeek: number;
  /** What the person typed, echoed back into the form when it was rejected. */
  rateInput: string;
  rateError: string | null;
}

const rateSchema = z.coerce
  .number({ message: "Enter the standby pay as a number, for example 500." })
  .refine(Number.isFinite, "Enter the standby pay as a number, for example 500.")
  .min(0, "The standby pay cannot be negative.")
  .max(MAX_STANDBY_RATE, `Enter at most ${MAX_STANDBY_RATE.toLocaleString("en-GB")}.`);

/** Reads the run-cost form (GET); a bad rate is reported next to the field and the default used meanwhile. */
export function parseRunCostQuery(searchParams: Record<string, string | string[] | undefined>): RunCostQuery {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
  const cycle = first(searchParams.cycle) || undefined;
  const rawRate = first(searchParams.rate) ?? "";
  if (rawRate === "") {
    return {
      cycle,
      ratePerScheduleWeek: DEFAULT_STANDBY_RATE,
      rateInput: String(DEFAULT_STANDBY_RATE),
      rateError: null,
    };
  }
  const parsed = rateSchema.safeParse(rawRate.replace(/[\s,]/g, ""));
  if (!parsed.success) {
    return {
      cycle,
      ratePerScheduleWeek: DEFAULT_STANDBY_RATE,
      rateInput: rawRate.slice(0, 40),
      rateError: parsed.error.issues[0]?.message ?? "Enter the standby pay as a number.",
    };
  }
  return { cycle, ratePerScheduleWeek: parsed.data, rateInput: rawRate.slice(0, 40), rateError: null };
}
