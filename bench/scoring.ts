/**
 * Scoring engine benchmark: scores 10,000 varied synthetic assessments of the real questionnaire
 * v1 several times and reports throughput. Run with `npm run bench:scoring`.
 *
 * The last line is always `assessments/s: <integer>` so scripts can pick the figure up.
 */
import { performance, PerformanceObserver } from "node:perf_hooks";
import { content } from "@/domain/content";
import type { Answer, Answers, ContextQuestion, Question, Questionnaire } from "@/domain/content/schema";
import {
  compileQuestionnaire,
  scoreAssessment,
  scoreOrganisation,
  type ScoringContent,
  type TeamAssessmentResult,
} from "@/domain/scoring";

const ASSESSMENTS = 10_000;
const WARM_UP_ROUNDS = 3;
const MEASURED_ROUNDS = 5;
const SEED = 20261127;

/** mulberry32: small, fast and seeded, so every run scores the same assessments. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function randomValue(random: () => number, question: Question | ContextQuestion): number | string | boolean {
  const answerType = question.answer;
  switch (answerType.type) {
    case "agreement":
      return 1 + Math.floor(random() * 5);
    case "yesNo":
      return random() < 0.5;
    case "choice":
      return pick(random, answerType.options).value;
    case "number": {
      const { min, max, integer } = answerType;
      const raw = min + random() * (max - min);
      return integer ? Math.min(max, Math.max(min, Math.round(raw))) : Math.round(raw * 10) / 10;
    }
  }
}

/** Mostly values, with the don't-knows, not-applicables and blanks real drafts have. */
function randomAnswer(random: () => number, question: Question | ContextQuestion): Answer | undefined {
  const roll = random();
  if (roll < 0.06 && question.allowDontKnow) return { kind: "dontKnow" };
  if (roll < 0.1 && "allowNotApplicable" in question && question.allowNotApplicable) {
    return { kind: "notApplicable", reason: "Not part of how this team works" };
  }
  if (roll < 0.13 && !question.required) return undefined;
  return { kind: "value", value: randomValue(random, question) };
}

function randomAnswers(random: () => number, questions: readonly (Question | ContextQuestion)[]): Answers {
  const answers: Record<string, Answer> = {};
  for (const question of questions) {
    const answer = randomAnswer(random, question);
    if (answer !== undefined) answers[question.id] = answer;
  }
  return answers;
}

/** A fixed amount of plain CPU work: the time it takes shows how much of a core the run really had. */
function referenceLoopMs(): number {
  const start = performance.now();
  let sum = 0;
  for (let index = 0; index < 100_000_000; index++) sum += index & 7;
  const elapsed = performance.now() - start;
  if (sum < 0) console.log(sum);
  return elapsed;
}

function latest(questionnaires: readonly Questionnaire[]): Questionnaire {
  const v1 = questionnaires.find((questionnaire) => questionnaire.id === "v1");
  if (!v1) throw new Error("Questionnaire v1 is missing from the content bundle");
  return v1;
}

async function main(): Promise<void> {
  const questionnaire = latest(content.questionnaires);
  const scoringContent: ScoringContent = {
    questionnaire,
    pitfalls: content.pitfalls,
    countermeasures: content.countermeasures,
  };
  const questions = questionnaire.sections.flatMap((section) => section.questions);
  const random = createRandom(SEED);
  // Round-tripped through JSON because stored answers reach the engine that way.
  const assessments = Array.from(
    { length: ASSESSMENTS },
    () =>
      JSON.parse(
        JSON.stringify({
          answers: randomAnswers(random, questions),
          context: randomAnswers(random, questionnaire.context),
        }),
      ) as { answers: Answers; context: Answers },
  );

  const compileStart = performance.now();
  compileQuestionnaire(scoringContent);
  const compileMs = performance.now() - compileStart;

  // The checksum keeps the optimiser from discarding results and shows runs score the same data.
  let checksum = 0;
  const scoreAll = (): void => {
    for (let index = 0; index < assessments.length; index++) {
      const { answers, context } = assessments[index]!;
      const result = scoreAssessment(scoringContent, answers, context);
      checksum += result.pitfalls[index % result.pitfalls.length]!.score ?? 0;
    }
  };

  for (let round = 0; round < WARM_UP_ROUNDS; round++) scoreAll();

  // Garbage collection inside the measured rounds: scoring allocates its results, so this is the
  // part of the time the collector takes back.
  let gcMs = 0;
  let gcCount = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcCount++;
    }
  });
  gcObserver.observe({ entryTypes: ["gc"] });

  const roundMs: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let round = 0; round < MEASURED_ROUNDS; round++) {
    const start = performance.now();
    scoreAll();
    roundMs.push(performance.now() - start);
  }
  // CPU time next to wall time shows whether other processes competed for the cores.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // GC entries are delivered asynchronously; take what has arrived for the measured rounds.
  await new Promise((resolve) => setTimeout(resolve, 100));
  gcObserver.disconnect();
  const totalMs = roundMs.reduce((sum, ms) => sum + ms, 0);
  const scored = ASSESSMENTS * MEASURED_ROUNDS;
  const perSecond = Math.floor(scored / (totalMs / 1000));
  const bestRoundMs = Math.min(...roundMs);

  const teams: TeamAssessmentResult[] = assessments.map((assessment, index) => ({
    teamId: `team-${index}`,
    orgUnitId: `unit-${index % 100}`,
    context: assessment.context,
    result: scoreAssessment(scoringContent, assessment.answers, assessment.context),
  }));
  const organisationStart = performance.now();
  const organisation = scoreOrganisation(teams);
  const organisationMs = performance.now() - organisationStart;

  console.log(
    `questionnaire: ${questionnaire.id} (${questions.length} questions, ${questionnaire.contextRules.length} context rules)`,
  );
  console.log(`compile: ${compileMs.toFixed(2)} ms`);
  console.log(
    `assessments: ${ASSESSMENTS} × ${MEASURED_ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up rounds`,
  );
  console.log(`rounds (ms): ${roundMs.map((ms) => ms.toFixed(1)).join(", ")}`);
  console.log(
    `total: ${totalMs.toFixed(1)} ms; per assessment: ${((totalMs * 1000) / scored).toFixed(2)} µs (best round ${((bestRoundMs * 1000) / ASSESSMENTS).toFixed(2)} µs)`,
  );
  console.log(`garbage collection: ${gcMs.toFixed(1)} ms in ${gcCount} pauses`);
  console.log(`CPU time: ${cpuMs.toFixed(1)} ms (${((cpuMs * 1000) / scored).toFixed(2)} µs per assessment)`);
  console.log(
    `scoreOrganisation: ${teams.length} teams in ${organisationMs.toFixed(1)} ms (schedules per team ${organisation.runCost.schedulesPerTeam})`,
  );
  console.log(`checksum: ${checksum.toFixed(1)}`);
  console.log(
    `reference loop (10^8 integer additions, to compare runs on a shared machine): ${referenceLoopMs().toFixed(0)} ms`,
  );
  console.log(`assessments/s: ${perSecond}`);
}

await main();
