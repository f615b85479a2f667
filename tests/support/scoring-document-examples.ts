/**
 * The worked examples of docs/scoring.md, computed from the real questionnaire by the engine. The
 * document test checks that the document holds exactly these blocks, so it cannot drift from what
 * the product shows; `npm run docs:scoring-examples` prints them for pasting after a change.
 */
import { content, latestQuestionnaire } from "@/domain/content";
import type { Answer, Answers, ContextRule, PitfallId, Question } from "@/domain/content/schema";
import {
  describeContributionAnswer,
  scoreAssessment,
  type AssessmentScore,
  type PitfallScore,
} from "@/domain/scoring";
import { healthyAnswers, healthyContext } from "../calibration/profiles";

export interface WorkedExample {
  /** Anchor-friendly title, used as the example's heading. */
  title: string;
  pitfallId: PitfallId;
  /** What the team answered differently from a healthy team, in words. */
  situation: string;
  context?: Answers;
  answers?: Answers;
}

const value = (answer: number | string | boolean): Answer => ({ kind: "value", value: answer });

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  {
    title: "A rota of two",
    pitfallId: "limited-on-call-schedule",
    situation:
      "A team on a 99.9% service runs its own out-of-hours schedule with two people on the rota, each on call half of the time. Everything else is healthy: people are prepared, paid standby and callout, and restore service within the hour.",
    context: { "on-call-rota-size": value(2) },
    answers: { "locs-share-of-time-on-call": value(50), "locs-share-of-team-on-call": value(30) },
  },
  {
    title: "The Head of Operations is accountable",
    pitfallId: "responsible-but-unaccountable",
    situation:
      "The Head of Operations answers for this team's serious incidents; every other answer on the pitfall is healthy.",
    answers: { "rbu-accountable-for-incidents": value("head-of-operations") },
  },
  {
    title: "Unplanned work that nobody tracks",
    pitfallId: "excessive-bau",
    situation:
      "Unplanned operational work is not recorded anywhere and the team cannot say how much of its week goes on planned work. Every other answer is healthy.",
    answers: {
      "ebau-unplanned-work-tracking": value("not-tracked"),
      "ebau-planned-work-share": { kind: "dontKnow" },
    },
  },
  {
    title: "Manual deployments",
    pitfallId: "excessive-bau",
    situation:
      "Deployments are largely manual and differ between environments; three callouts a shift; 60% of the week on planned work. The services degrade gracefully and telemetry is defined as code.",
    answers: {
      "ebau-deployment-automation": value("largely-manual"),
      "ebau-callouts-per-shift": value(3),
      "ebau-planned-work-share": value(60),
    },
  },
];

export function scoreExample(example: WorkedExample): { result: AssessmentScore; pitfall: PitfallScore } {
  const questionnaire = latestQuestionnaire();
  const result = scoreAssessment(
    { questionnaire, pitfalls: content.pitfalls, countermeasures: content.countermeasures },
    { ...healthyAnswers, ...example.answers },
    { ...healthyContext, ...example.context },
  );
  return { result, pitfall: result.pitfalls.find((pitfall) => pitfall.pitfallId === example.pitfallId)! };
}

const format = (figure: number) => String(figure);

/** The Markdown the document shows for one example (headings excluded). */
export function renderWorkedExample(example: WorkedExample): string {
  const questionnaire = latestQuestionnaire();
  const { pitfall } = scoreExample(example);
  const questions = new Map<string, Question>(
    questionnaire.sections.flatMap((section) => section.questions).map((question) => [question.id, question]),
  );
  const rules = new Map<string, ContextRule>(questionnaire.contextRules.map((rule) => [rule.id, rule]));
  const lines: string[] = [];
  lines.push("| Evidence | Answer or finding | Risk | Weight | Points |");
  lines.push("| --- | --- | --- | --- | --- |");
  for (const contribution of pitfall.contributions) {
    if (contribution.source === "question") {
      const question = questions.get(contribution.questionId)!;
      lines.push(
        `| ${question.prompt} | ${describeContributionAnswer(question, contribution)} | ${format(contribution.risk)} | ${contribution.weight} | ${format(contribution.points)} |`,
      );
    } else {
      const rule = rules.get(contribution.ruleId)!;
      const floor = rule.floor ? ` (finding: at least ${rule.floor})` : "";
      lines.push(
        `| Rule \`${rule.id}\`${floor} | Holds | 1 | ${contribution.weight} | ${format(contribution.points)} |`,
      );
    }
  }
  lines.push("");
  const average = pitfall.averageScore!;
  const floor = pitfall.findings[0];
  lines.push(
    floor && pitfall.score! > average
      ? `Weighted average **${format(average)}**; the finding \`${floor.ruleId}\` holds the pitfall at ${floor.floor} or above, so the score is **${format(pitfall.score!)}**, band **${pitfall.band}**, confidence **${format(pitfall.confidence)}**.`
      : `Score **${format(pitfall.score!)}**, band **${pitfall.band}**, confidence **${format(pitfall.confidence)}**.`,
  );
  const notApplicable = pitfall.contextRules.filter((rule) => rule.outcome === "not-applicable");
  if (notApplicable.length > 0) {
    lines.push("");
    lines.push(
      `Rules that do not apply to this team and carry no weight: ${notApplicable.map((rule) => `\`${rule.ruleId}\``).join(", ")}.`,
    );
  }
  lines.push("");
  lines.push("| Countermeasure | Risk removed |");
  lines.push("| --- | --- |");
  for (const ranking of pitfall.countermeasures)
    lines.push(`| ${ranking.action} | ${format(ranking.riskRemoved)} |`);
  return lines.join("\n");
}

/** The table of every rule of the current questionnaire, as the document lists them. */
export function renderRulesTable(): string {
  const questionnaire = latestQuestionnaire();
  const names = new Map(content.pitfalls.map((pitfall) => [pitfall.id, pitfall.name]));
  const lines = ["| Rule | Pitfall | Weight | Floor | What it finds |", "| --- | --- | --- | --- | --- |"];
  for (const rule of questionnaire.contextRules) {
    lines.push(
      `| \`${rule.id}\` | ${names.get(rule.pitfallId)} | ${rule.weight} | ${rule.floor ?? "none"} | ${rule.explanation} |`,
    );
  }
  return lines.join("\n");
}
