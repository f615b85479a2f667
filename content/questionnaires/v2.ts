/**
 * Questionnaire v2: v1's questions, unchanged in meaning so every answer carries over, plus time to
 * restore service, which the playbook names as an impact of two pitfalls: lengthy out-of-hours
 * resolution for Limited on-call schedule, and longer, costlier major incidents for No major
 * incident management. DORA's research puts the best teams' time to restore under an hour.
 */
import type { Question, Questionnaire } from "@/domain/content/schema";
import { pulseQuestions } from "./pulse";
import { scoringRules } from "./scoring-rules";
import { questionnaireV1 } from "./v1";

const ON_CALL_SCHEDULE = {
  field: "out-of-hours-on-call-setup",
  op: "in",
  values: ["shared-domain-schedule", "own-team-schedule"],
} as const;

const TIME_TO_RESTORE_OPTIONS = [
  { value: "under-1-hour", label: "Under an hour", risk: 0 },
  { value: "1-to-4-hours", label: "One to four hours", risk: 0.4 },
  { value: "4-to-24-hours", label: "Four hours to a day", risk: 0.8 },
  { value: "over-a-day", label: "More than a day", risk: 1 },
];

const timeToRestoreOutOfHours: Question = {
  id: "locs-time-to-restore-out-of-hours",
  prompt: "How long does it usually take to restore your service after an out-of-hours incident?",
  help: "Think of the out-of-hours incidents of the last two quarters, from the first alert to users being served normally again. Choose not applicable if nobody responds out of hours.",
  answer: { type: "choice", options: TIME_TO_RESTORE_OPTIONS },
  weight: 2,
  detects: { symptoms: [], causes: ["services-need-frequent-intervention"] },
  allowDontKnow: true,
  allowNotApplicable: true,
  required: true,
  applicableWhen: [{ ...ON_CALL_SCHEDULE, values: [...ON_CALL_SCHEDULE.values] }],
  // Asked only of a team on a rota, like the other on-call questions.
  appliesWhen: [{ ...ON_CALL_SCHEDULE, values: [...ON_CALL_SCHEDULE.values] }],
};

const timeToRestoreMajorIncidents: Question = {
  id: "nmim-time-to-restore-major-incidents",
  prompt: "How long did your team's major incidents in the last 12 months usually take to resolve?",
  help: "From the first sign of the incident to the service being fully restored. Choose not applicable if your team had no major incident in that time.",
  answer: { type: "choice", options: TIME_TO_RESTORE_OPTIONS },
  weight: 2,
  detects: { symptoms: ["lack-of-incident-response-collaboration"], causes: [] },
  allowDontKnow: true,
  allowNotApplicable: true,
  required: true,
};

const ADDED_QUESTIONS: Partial<Record<string, Question>> = {
  "limited-on-call-schedule": timeToRestoreOutOfHours,
  "no-major-incident-management": timeToRestoreMajorIncidents,
};

/** Every v1 question keeps its id and meaning, so each v1 answer carries over as it is. */
const v1QuestionIds: string[] = [
  ...questionnaireV1.context.map((question) => question.id),
  ...questionnaireV1.sections.flatMap((section) => section.questions.map((question) => question.id)),
];
const sameQuestions = Object.fromEntries(v1QuestionIds.map((id) => [id, id]));

const v1: Questionnaire = questionnaireV1;

export const questionnaireV2: Questionnaire = {
  id: "v2",
  title: "You Build It You Run It pitfalls: quarterly team assessment",
  publishedOn: "2026-11-28",
  supersedes: { questionnaireId: "v1", questionMap: sameQuestions },
  context: v1.context,
  sections: v1.sections.map((section) => {
    const added = ADDED_QUESTIONS[section.pitfallId];
    return added ? { ...section, questions: [...section.questions, added] } : section;
  }),
  contextRules: scoringRules,
  pulse: pulseQuestions,
};

export default questionnaireV2;
