/**
 * A coherent team context for generated teams: the availability target mostly follows the
 * exposure band, the on-call setup mostly follows the target, and the rota never exceeds the team.
 * Roughly one team in four carries one of the classic misfits the playbook warns about.
 */
import type { Answer, Questionnaire } from "../../src/domain/content/schema";
import { pick, type Random } from "./synthetic-answers";

const targetForExposure: Record<string, string> = { low: "95-0", medium: "99-0", high: "99-9" };
const setupForTarget: Record<string, string> = {
  "95-0": "none",
  "99-0": "shared-domain-schedule",
  "99-9": "own-team-schedule",
  "99-99": "own-team-schedule",
};

export function syntheticTeamContext(questionnaire: Questionnaire, random: Random): Record<string, Answer> {
  const exposure = pick(random, ["low", "medium", "medium", "high", "high", "not-estimated"]);
  let target = targetForExposure[exposure] ?? pick(random, ["99-0", "99-9"]);
  let setup = setupForTarget[target]!;
  const misfit = random();
  if (misfit < 0.08) target = "99-99";
  else if (misfit < 0.16) setup = target === "95-0" ? "own-team-schedule" : "central-ops";
  else if (misfit < 0.24 && target === "99-0") setup = "own-team-schedule";

  const teamSize = 5 + Math.floor(random() * 6);
  const rota =
    setup === "none" ? 0 : setup === "shared-domain-schedule" ? 6 + Math.floor(random() * 5) : Math.max(1, Math.min(teamSize, 2 + Math.floor(random() * 5)));

  const values: Record<string, number | string | boolean> = {
    "financial-exposure-band": exposure,
    "availability-target": target,
    "out-of-hours-on-call-setup": setup,
    "team-size": teamSize,
    "on-call-rota-size": rota,
  };
  if (target === "99-99") values["documented-need-for-top-target"] = random() < 0.3;

  const context: Record<string, Answer> = {};
  for (const question of questionnaire.context) {
    const value = values[question.id];
    if (value !== undefined) context[question.id] = { kind: "value", value };
  }
  return context;
}
