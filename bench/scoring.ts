/**
 * Scoring engine benchmark: scores 10,000 varied synthetic assessments of the current real
 * questionnaire several times and reports throughput, first on one thread, then with the 10,000 split across
 * one worker thread per core (scoring is pure and synchronous, so a server scores on every core).
 * Run with `npm run bench:scoring`.
 *
 * The last line is always `assessments/s: <integer>` (the machine's throughput, all cores) so
 * scripts can pick the figure up; the line before it gives the one-thread figure.
 */
import { availableParallelism } from "node:os";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
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

/** The questionnaire new cycles use: the one no other questionnaire supersedes. */
function latest(questionnaires: readonly Questionnaire[]): Questionnaire {
  const superseded = new Set(questionnaires.map((questionnaire) => questionnaire.supersedes?.questionnaireId));
  const current = questionnaires.find((questionnaire) => !superseded.has(questionnaire.id));
  if (!current) throw new Error("The content bundle has no current questionnaire");
  return current;
}

interface Workload {
  scoringContent: ScoringContent;
  questionCount: number;
  questionnaireId: string;
  contextRuleCount: number;
  assessments: { answers: Answers; context: Answers }[];
}

/** The same 10,000 assessments in every thread: the generator is seeded. */
function buildWorkload(): Workload {
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
  return {
    scoringContent,
    questionCount: questions.length,
    questionnaireId: questionnaire.id,
    contextRuleCount: questionnaire.contextRules.length,
    assessments,
  };
}

/** Scores every `stride`-th assessment from `first` once; returns a checksum of the scores. */
function scoreShare(workload: Workload, first: number, stride: number): number {
  // The checksum keeps the optimiser from discarding results and shows runs score the same data.
  let checksum = 0;
  const { assessments, scoringContent } = workload;
  for (let index = first; index < assessments.length; index += stride) {
    const { answers, context } = assessments[index]!;
    const result = scoreAssessment(scoringContent, answers, context);
    checksum += result.pitfalls[index % result.pitfalls.length]!.score ?? 0;
  }
  return checksum;
}

interface WorkerStart {
  first: number;
  stride: number;
}

/** A worker scores its share: warm-up rounds, then waits for "go" and runs the measured rounds. */
function runWorker(): void {
  const { first, stride } = workerData as WorkerStart;
  const workload = buildWorkload();
  for (let round = 0; round < WARM_UP_ROUNDS; round++) scoreShare(workload, first, stride);
  parentPort!.postMessage({ ready: true });
  parentPort!.once("message", () => {
    let checksum = 0;
    for (let round = 0; round < MEASURED_ROUNDS; round++) checksum += scoreShare(workload, first, stride);
    parentPort!.postMessage({ done: true, checksum });
  });
}

/**
 * Splits the 10,000 across `threads` workers, starts their measured rounds together once all are
 * warm, and times until the last finishes.
 */
async function measureParallel(threads: number): Promise<{ wallMs: number; checksum: number }> {
  // Loader hooks are per thread: each worker registers the TypeScript loader, then loads this file.
  const workerEntry = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
    .then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const workers = Array.from(
    { length: threads },
    (_, first) =>
      new Worker(workerEntry, { eval: true, workerData: { first, stride: threads } satisfies WorkerStart }),
  );
  const nextMessage = (worker: Worker): Promise<{ checksum?: number }> =>
    new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
  await Promise.all(workers.map(nextMessage));
  const start = performance.now();
  const finished = workers.map(nextMessage);
  for (const worker of workers) worker.postMessage("go");
  const results = await Promise.all(finished);
  const wallMs = performance.now() - start;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return { wallMs, checksum: results.reduce((sum, result) => sum + (result.checksum ?? 0), 0) };
}

async function main(): Promise<void> {
  const workload = buildWorkload();
  const { scoringContent, assessments } = workload;

  const compileStart = performance.now();
  compileQuestionnaire(scoringContent);
  const compileMs = performance.now() - compileStart;

  let checksum = 0;
  const scoreAll = (): void => {
    checksum += scoreShare(workload, 0, 1);
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
  const oneThreadPerSecond = Math.floor(scored / (totalMs / 1000));
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
    `questionnaire: ${workload.questionnaireId} (${workload.questionCount} questions, ${workload.contextRuleCount} context rules)`,
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
  console.log(`one thread, assessments/s: ${oneThreadPerSecond}`);

  const threads = availableParallelism();
  const parallel = await measureParallel(threads);
  const parallelPerSecond = Math.floor(scored / (parallel.wallMs / 1000));
  console.log(
    `${threads} worker threads (one per core), the same ${ASSESSMENTS} split between them × ${MEASURED_ROUNDS} rounds: ${parallel.wallMs.toFixed(1)} ms (checksum ${parallel.checksum.toFixed(1)})`,
  );
  console.log(`assessments/s: ${parallelPerSecond}`);
}

if (isMainThread) await main();
else runWorker();
