import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AVAILABILITY_TARGETS,
  ON_CALL_SETUPS,
  runCostWhatIf,
  type RunCostTeam,
} from "@/domain/dashboards/run-cost";
import { teamsOffRule } from "@/domain/dashboards/run-cost-off-rule";

function team(
  teamId: string,
  orgUnitId: string,
  availabilityTarget: RunCostTeam["availabilityTarget"],
  onCallSetup: RunCostTeam["onCallSetup"],
): RunCostTeam {
  return { teamId, orgUnitId, availabilityTarget, onCallSetup };
}

describe("teams off the playbook rule", () => {
  it("lists each team whose cover differs from the rule with what moving it alone changes, biggest saving first", () => {
    const teams = [
      team("own-at-95", "alpha", "95-0", "own-team-schedule"),
      team("own-at-99", "alpha", "99-0", "own-team-schedule"),
      team("shared-at-99", "alpha", "99-0", "shared-domain-schedule"),
      team("none-at-999", "beta", "99-9", "none"),
      team("on-rule", "beta", "99-9", "own-team-schedule"),
      team("unknown", "beta", null, "own-team-schedule"),
    ];
    expect(
      teamsOffRule(teams, 500).map((entry) => [
        entry.teamId,
        entry.ruleSetup,
        entry.scheduleDifference,
        entry.yearlyDifference,
      ]),
    ).toEqual([
      // Own schedule at 95.0% → none: one schedule fewer.
      ["own-at-95", "none", -1, -26_000],
      // Joining alpha's existing shared schedule drops its own.
      ["own-at-99", "shared-domain-schedule", -1, -26_000],
      // No cover at 99.9% → its own schedule: an extra cost.
      ["none-at-999", "own-team-schedule", 1, 26_000],
    ]);
  });

  it("counts as many teams off the rule as the breakdown by target", () => {
    const teamArb = fc.record({
      teamId: fc.uuid(),
      orgUnitId: fc.constantFrom("alpha", "beta", "gamma"),
      availabilityTarget: fc.option(fc.constantFrom(...AVAILABILITY_TARGETS)),
      onCallSetup: fc.option(fc.constantFrom(...ON_CALL_SETUPS)),
    });
    fc.assert(
      fc.property(fc.array(teamArb, { maxLength: 12 }), fc.integer({ min: 0, max: 2000 }), (teams, rate) => {
        const offRule = teamsOffRule(teams, rate);
        const breakdown = runCostWhatIf(teams, rate).byTarget;
        expect(offRule).toHaveLength(breakdown.reduce((sum, row) => sum + row.teamsOffRule, 0));
        for (const entry of offRule) {
          expect(entry.setup).not.toBe(entry.ruleSetup);
          // `+ 0` reads a zero rate's −0 as 0.
          expect(entry.yearlyDifference + 0).toBe(entry.scheduleDifference * rate * 52 + 0);
        }
        for (let index = 1; index < offRule.length; index++)
          expect(offRule[index - 1]!.yearlyDifference).toBeLessThanOrEqual(offRule[index]!.yearlyDifference);
      }),
    );
  });
});
