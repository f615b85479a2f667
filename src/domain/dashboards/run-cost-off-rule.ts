/**
 * The teams whose out-of-hours cover differs from the playbook's rule, and what moving each of them
 * alone would change. Schedules are counted as the run-cost picture counts them (teams on a shared
 * domain schedule share one per org unit), so a team's saving is the difference it makes on its own:
 * moving one of two teams off a shared schedule saves nothing while the other still needs it.
 */
import {
  playbookSetupFor,
  summariseSchedules,
  type AvailabilityTarget,
  type OnCallSetup,
  type RunCostTeam,
} from "./run-cost";

export interface OffRuleTeam {
  teamId: string;
  orgUnitId: string;
  availabilityTarget: AvailabilityTarget;
  setup: OnCallSetup;
  ruleSetup: OnCallSetup;
  /** Out-of-hours schedules after moving this team alone minus now; negative saves schedules. */
  scheduleDifference: number;
  /** Yearly standby cost after moving this team alone minus now; negative is a saving. */
  yearlyDifference: number;
}

/** Teams off the rule, the biggest saving first (then the biggest extra cost last). */
export function teamsOffRule(teams: readonly RunCostTeam[], ratePerScheduleWeek: number): OffRuleTeam[] {
  const now = summariseSchedules(teams, ratePerScheduleWeek);
  const offRule: OffRuleTeam[] = [];
  teams.forEach((team, index) => {
    if (team.availabilityTarget === null || team.onCallSetup === null) return;
    const ruleSetup = playbookSetupFor(team.availabilityTarget);
    if (ruleSetup === team.onCallSetup) return;
    const moved = teams.map((other, otherIndex) =>
      otherIndex === index ? { ...other, onCallSetup: ruleSetup } : other,
    );
    const after = summariseSchedules(moved, ratePerScheduleWeek);
    offRule.push({
      teamId: team.teamId,
      orgUnitId: team.orgUnitId,
      availabilityTarget: team.availabilityTarget,
      setup: team.onCallSetup,
      ruleSetup,
      scheduleDifference: after.outOfHoursSchedules - now.outOfHoursSchedules,
      yearlyDifference: after.cost.yearly - now.cost.yearly,
    });
  });
  return offRule.sort((a, b) => a.yearlyDifference - b.yearlyDifference);
}
