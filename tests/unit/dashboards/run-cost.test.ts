import { describe, expect, it } from "vitest";
import {
  applyPlaybookRule,
  parseRunCostQuery,
  playbookSetupFor,
  runCostWhatIf,
  standbyCost,
  summariseSchedules,
  type RunCostTeam,
} from "@/domain/dashboards/run-cost";

function team(
  teamId: string,
  orgUnitId: string,
  availabilityTarget: RunCostTeam["availabilityTarget"],
  onCallSetup: RunCostTeam["onCallSetup"],
): RunCostTeam {
  return { teamId, orgUnitId, availabilityTarget, onCallSetup };
}

const teams: RunCostTeam[] = [
  team("a1", "alpha", "99-9", "own-team-schedule"),
  team("a2", "alpha", "99-0", "own-team-schedule"),
  team("a3", "alpha", "99-0", "shared-domain-schedule"),
  team("a4", "alpha", "99-0", "shared-domain-schedule"),
  team("b1", "beta", "95-0", "own-team-schedule"),
  team("b2", "beta", "95-0", "central-ops"),
  team("b3", "beta", "99-0", "shared-domain-schedule"),
  team("c1", "gamma", "95-0", "none"),
  team("c2", "gamma", null, "own-team-schedule"),
  team("c3", "gamma", "99-9", null),
];

describe("counting out-of-hours schedules", () => {
  it("counts each own schedule, one shared schedule per unit that has one, and nothing for none or central operations", () => {
    const summary = summariseSchedules(teams, 500);
    expect(summary).toMatchObject({
      productTeams: 10,
      teamsWithKnownSetup: 9,
      teamsWithUnknownSetup: 1,
      teamsWithOwnSchedule: 4,
      teamsOnDomainSchedule: 3,
      domainSchedules: 2,
      outOfHoursSchedules: 6,
      teamsOnCentralOps: 1,
      teamsWithNoCover: 1,
      schedulesPerTeam: 0.67,
    });
  });

  it("prices schedules with R(n): n × the weekly rate, 52 weeks a year", () => {
    expect(standbyCost(6, 500)).toEqual({ weekly: 3000, yearly: 156_000 });
    expect(standbyCost(0, 500)).toEqual({ weekly: 0, yearly: 0 });
    expect(summariseSchedules(teams, 250).cost).toEqual({ weekly: 1500, yearly: 78_000 });
  });
});

describe("the playbook rule", () => {
  it("maps availability targets to out-of-hours cover", () => {
    expect(playbookSetupFor("95-0")).toBe("none");
    expect(playbookSetupFor("99-0")).toBe("shared-domain-schedule");
    expect(playbookSetupFor("99-9")).toBe("own-team-schedule");
    expect(playbookSetupFor("99-99")).toBe("own-team-schedule");
  });

  it("leaves teams with an unknown target or setup as they are", () => {
    const ruled = applyPlaybookRule(teams);
    expect(ruled.find((entry) => entry.teamId === "c2")!.onCallSetup).toBe("own-team-schedule");
    expect(ruled.find((entry) => entry.teamId === "c3")!.onCallSetup).toBeNull();
    expect(ruled.find((entry) => entry.teamId === "b2")!.onCallSetup).toBe("none");
  });

  it("compares schedules and yearly cost now and under the rule", () => {
    const whatIf = runCostWhatIf(teams, 500);
    // Under the rule: a1 own; alpha shares one domain schedule (a2, a3, a4); beta one domain schedule (b3);
    // b1, b2 and c1 have none; c2 keeps its own schedule (target unknown).
    expect(whatIf.now.outOfHoursSchedules).toBe(6);
    expect(whatIf.underRule.outOfHoursSchedules).toBe(4);
    expect(whatIf.scheduleDifference).toBe(-2);
    expect(whatIf.yearlyDifference).toBe(-2 * 500 * 52);
  });

  it("breaks teams down by availability target against the rule", () => {
    const byTarget = runCostWhatIf(teams, 500).byTarget;
    const ninetyFive = byTarget.find((row) => row.target === "95-0")!;
    expect(ninetyFive).toMatchObject({ teams: 3, ruleSetup: "none", teamsOffRule: 2 });
    expect(ninetyFive.setups).toMatchObject({ "own-team-schedule": 1, "central-ops": 1, none: 1 });
    expect(byTarget.find((row) => row.target === null)).toMatchObject({
      teams: 1,
      ruleSetup: null,
      teamsOffRule: 0,
    });
    expect(byTarget.find((row) => row.target === "99-9")!.setups.unknown).toBe(1);
  });

  it("shows schedules per org unit now and under the rule", () => {
    expect(runCostWhatIf(teams, 500).byUnit).toEqual([
      { orgUnitId: "alpha", teams: 4, schedulesNow: 3, schedulesUnderRule: 2 },
      { orgUnitId: "beta", teams: 3, schedulesNow: 2, schedulesUnderRule: 1 },
      { orgUnitId: "gamma", teams: 3, schedulesNow: 1, schedulesUnderRule: 1 },
    ]);
  });

  it("handles an organisation with no teams", () => {
    const whatIf = runCostWhatIf([], 500);
    expect(whatIf.now).toMatchObject({ outOfHoursSchedules: 0, schedulesPerTeam: null });
    expect(whatIf.yearlyDifference).toBe(0);
  });
});

describe("the run-cost form", () => {
  it("defaults the rate to 500 per schedule per week", () => {
    expect(parseRunCostQuery({})).toMatchObject({
      ratePerScheduleWeek: 500,
      rateInput: "500",
      rateError: null,
    });
  });

  it("accepts a rate with thousands separators and decimals", () => {
    expect(parseRunCostQuery({ rate: "1,250.50", cycle: "2026-q3" })).toMatchObject({
      cycle: "2026-q3",
      ratePerScheduleWeek: 1250.5,
      rateError: null,
    });
  });

  it("rejects a bad rate with a message and keeps the default meanwhile", () => {
    for (const rate of ["abc", "-5", "1e9", "Infinity"]) {
      const query = parseRunCostQuery({ rate });
      expect(query.ratePerScheduleWeek).toBe(500);
      expect(query.rateError).toMatch(/\w/);
      expect(query.rateInput).toBe(rate);
    }
  });
});
