/**
 * Turns the raw content files into a checked ContentBundle, or fails with every problem at once.
 *
 * Pure: it receives the files' data (see content/index.ts) and never touches the file system, so
 * the same check runs in unit tests, at build time and when the server starts. A coach editing
 * content gets one message listing each problem as `file: path: reason`, not the first one only.
 */
import type { z } from "zod";
import {
  PITFALL_IDS,
  contentSourceSchema,
  countermeasureSchema,
  pitfallSchema,
  questionnaireSchema,
  type ContentBundle,
  type ContentSource,
  type ContextQuestion,
  type Countermeasure,
  type Pitfall,
  type PitfallId,
  type Question,
  type Questionnaire,
} from "./schema";

export interface ContentFile {
  /** Path from the repository root, e.g. "content/pitfalls/linear-run-costs.ts". */
  file: string;
  data: unknown;
}

export interface ContentProblem {
  file: string;
  /** Where inside the file's data, e.g. "symptoms[2].title"; empty for the file as a whole. */
  path: string;
  message: string;
}

/** Every problem found in the content, in one error, so all of them can be fixed in one pass. */
export class ContentError extends Error {
  override readonly name = "ContentError";
  readonly problems: readonly ContentProblem[];

  constructor(problems: readonly ContentProblem[]) {
    const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    super(
      `Content is invalid (${count}):\n${problems.map((problem) => `  ${formatProblem(problem)}`).join("\n")}`,
    );
    this.problems = problems;
  }
}

export function formatProblem(problem: ContentProblem): string {
  return problem.path === ""
    ? `${problem.file}: ${problem.message}`
    : `${problem.file}: ${problem.path}: ${problem.message}`;
}

/** Formats a path the way it would be written in TypeScript: `sections[2].questions[0].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let formatted = "";
  for (const key of path) {
    if (typeof key === "number") formatted += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key))
      formatted += formatted === "" ? key : `.${key}`;
    else formatted += `[${JSON.stringify(String(key))}]`;
  }
  return formatted;
}

/** Problems about the set of files as a whole are reported against the file that lists them. */
export const CONTENT_INDEX_FILE = "content/index.ts";
const SOURCE_FILE = "content/source.ts";
const COUNTERMEASURES_FILE = "content/countermeasures.ts";
const PITFALL_FILE = /^content\/pitfalls\/([a-z0-9-]+)\.ts$/;
const QUESTIONNAIRE_FILE = /^content\/questionnaires\/([a-z0-9-]+)\.ts$/;

interface Parsed<T> {
  file: string;
  value: T;
}

type AnyQuestion = Question | ContextQuestion;

class ProblemList {
  readonly items: ContentProblem[] = [];

  add(file: string, path: readonly PropertyKey[] | string, message: string): void {
    this.items.push({ file, path: typeof path === "string" ? path : formatPath(path), message });
  }

  addZodIssues(file: string, error: z.ZodError): void {
    for (const issue of error.issues) this.add(file, issue.path, issue.message);
  }
}

export function validateContent(files: readonly ContentFile[]): ContentBundle {
  const problems = new ProblemList();
  const parsed = parseFiles(files, problems);

  checkFileSet(parsed, problems);
  const countermeasureIds = checkCountermeasures(parsed, problems);
  checkPitfalls(parsed, countermeasureIds, problems);
  for (const questionnaire of parsed.questionnaires) checkQuestionnaire(questionnaire, parsed, problems);
  checkQuestionnaireVersions(parsed, problems);

  if (problems.items.length > 0) throw new ContentError(problems.items);

  return {
    source: parsed.source!.value,
    countermeasures: parsed.countermeasures!.value,
    pitfalls: PITFALL_IDS.map((id) => parsed.pitfalls.find((pitfall) => pitfall.value.id === id)!.value),
    questionnaires: sortByPublication(parsed.questionnaires.map((questionnaire) => questionnaire.value)),
  };
}

/* ------------------------------------------------------------------------------------------------
 * Parsing each file with the schema its path calls for
 * ---------------------------------------------------------------------------------------------- */

interface ParsedContent {
  source?: Parsed<ContentSource>;
  countermeasures?: Parsed<Countermeasure[]>;
  pitfalls: Parsed<Pitfall>[];
  questionnaires: Parsed<Questionnaire>[];
  /** Files that were listed but failed to parse; their problems are already reported. */
  unparsedFiles: Set<string>;
  /** Pitfall ids (from file names) whose files failed to parse: skipped by cross-reference checks. */
  unparsedPitfallIds: Set<string>;
}

const countermeasureListSchema = countermeasureSchema.array().min(1, "must list at least one countermeasure");

function parseFiles(files: readonly ContentFile[], problems: ProblemList): ParsedContent {
  const parsed: ParsedContent = {
    pitfalls: [],
    questionnaires: [],
    unparsedFiles: new Set(),
    unparsedPitfallIds: new Set(),
  };
  const seenFiles = new Set<string>();
  /** A file whose content is named by its id: parsed, with a problem when the id and file name differ. */
  const parseNamedFile = <T extends { id: string }>(
    schema: z.ZodType<T>,
    file: string,
    data: unknown,
    idFromFileName: string,
  ): T | null => {
    const result = schema.safeParse(data);
    if (!result.success) {
      parsed.unparsedFiles.add(file);
      problems.addZodIssues(file, result.error);
      return null;
    }
    if (result.data.id !== idFromFileName) {
      problems.add(
        file,
        "id",
        `must match the file name: expected "${idFromFileName}", found "${result.data.id}"`,
      );
    }
    return result.data;
  };

  for (const { file, data } of files) {
    if (seenFiles.has(file)) {
      problems.add(file, "", `is listed more than once in ${CONTENT_INDEX_FILE}`);
      continue;
    }
    seenFiles.add(file);

    if (file === SOURCE_FILE) {
      const result = contentSourceSchema.safeParse(data);
      if (result.success) parsed.source = { file, value: result.data };
      else {
        parsed.unparsedFiles.add(file);
        problems.addZodIssues(file, result.error);
      }
      continue;
    }

    if (file === COUNTERMEASURES_FILE) {
      const result = countermeasureListSchema.safeParse(data);
      if (result.success) parsed.countermeasures = { file, value: result.data };
      else {
        parsed.unparsedFiles.add(file);
        problems.addZodIssues(file, result.error);
      }
      continue;
    }

    const pitfallFile = PITFALL_FILE.exec(file);
    if (pitfallFile) {
      const idFromFileName = pitfallFile[1]!;
      const value = parseNamedFile(pitfallSchema, file, data, idFromFileName);
      if (value) parsed.pitfalls.push({ file, value });
      else parsed.unparsedPitfallIds.add(idFromFileName);
      continue;
    }

    const questionnaireFile = QUESTIONNAIRE_FILE.exec(file);
    if (questionnaireFile) {
      const value = parseNamedFile(questionnaireSchema, file, data, questionnaireFile[1]!);
      if (value) parsed.questionnaires.push({ file, value });
      continue;
    }

    problems.add(
      file,
      "",
      `is not a known kind of content file (expected ${SOURCE_FILE}, ${COUNTERMEASURES_FILE}, content/pitfalls/<pitfall-id>.ts or content/questionnaires/<version-id>.ts)`,
    );
  }

  return parsed;
}

/* ------------------------------------------------------------------------------------------------
 * Checks across files
 * ---------------------------------------------------------------------------------------------- */

function checkFileSet(parsed: ParsedContent, problems: ProblemList): void {
  if (!parsed.source && !parsed.unparsedFiles.has(SOURCE_FILE)) {
    problems.add(
      CONTENT_INDEX_FILE,
      "",
      `does not list ${SOURCE_FILE}: the source of the pitfalls must be credited`,
    );
  }
  if (!parsed.countermeasures && !parsed.unparsedFiles.has(COUNTERMEASURES_FILE)) {
    problems.add(CONTENT_INDEX_FILE, "", `does not list ${COUNTERMEASURES_FILE}`);
  }

  const pitfallFileById = new Map<string, string>();
  for (const { file, value } of parsed.pitfalls) {
    const earlier = pitfallFileById.get(value.id);
    if (earlier) problems.add(file, "id", `pitfall "${value.id}" is already defined in ${earlier}`);
    else pitfallFileById.set(value.id, file);
  }
  for (const id of PITFALL_IDS) {
    if (!pitfallFileById.has(id) && !parsed.unparsedPitfallIds.has(id)) {
      problems.add(
        CONTENT_INDEX_FILE,
        "",
        `pitfall "${id}" has no content file (expected content/pitfalls/${id}.ts)`,
      );
    }
  }

  const anyQuestionnaireListed = [...parsed.unparsedFiles].some((file) => QUESTIONNAIRE_FILE.test(file));
  if (parsed.questionnaires.length === 0 && !anyQuestionnaireListed) {
    problems.add(
      CONTENT_INDEX_FILE,
      "",
      "lists no questionnaire (expected at least content/questionnaires/v1.ts)",
    );
  }
}

/** Returns the known countermeasure ids, or null when the countermeasures file could not be read. */
function checkCountermeasures(parsed: ParsedContent, problems: ProblemList): Set<string> | null {
  if (!parsed.countermeasures) return null;
  const { file, value: countermeasures } = parsed.countermeasures;
  const ids = new Set<string>();
  countermeasures.forEach((countermeasure, index) => {
    if (ids.has(countermeasure.id)) {
      problems.add(file, [index, "id"], `"${countermeasure.id}" is used by more than one countermeasure`);
    }
    ids.add(countermeasure.id);
  });

  // An unreferenced countermeasure is only certain when every pitfall file could be read.
  if (parsed.unparsedPitfallIds.size === 0) {
    const referenced = new Set(
      parsed.pitfalls.flatMap((pitfall) => pitfall.value.countermeasures.map((ref) => ref.countermeasureId)),
    );
    countermeasures.forEach((countermeasure, index) => {
      if (!referenced.has(countermeasure.id)) {
        problems.add(
          file,
          [index, "id"],
          `countermeasure "${countermeasure.id}" is not referenced by any pitfall`,
        );
      }
    });
  }
  return ids;
}

function checkPitfalls(
  parsed: ParsedContent,
  countermeasureIds: Set<string> | null,
  problems: ProblemList,
): void {
  const symptomOwner = new Map<string, string>();
  const causeOwner = new Map<string, string>();

  for (const { file, value: pitfall } of parsed.pitfalls) {
    pitfall.symptoms.forEach((symptom, index) => {
      const owner = symptomOwner.get(symptom.id);
      if (owner)
        problems.add(
          file,
          ["symptoms", index, "id"],
          `symptom id "${symptom.id}" is already used in ${owner}`,
        );
      else symptomOwner.set(symptom.id, file);
    });
    pitfall.causes.forEach((cause, index) => {
      const owner = causeOwner.get(cause.id);
      if (owner)
        problems.add(file, ["causes", index, "id"], `cause id "${cause.id}" is already used in ${owner}`);
      else causeOwner.set(cause.id, file);
    });
    reportDuplicates(
      pitfall.notes.map((note) => note.id),
      (index, id) => problems.add(file, ["notes", index, "id"], `note id "${id}" is used more than once`),
    );

    /**
     * A countermeasure's symptom or cause ids: each listed once and each one of this pitfall's;
     * the ids that are get collected into `found`.
     */
    const checkOwnIds = (
      index: number,
      field: "addresses" | "removesCauses",
      ids: readonly string[],
      known: ReadonlySet<string>,
      found: Set<string>,
    ) => {
      const [noun, plural] = field === "addresses" ? ["symptom", "symptoms"] : ["cause", "causes"];
      reportDuplicates(ids, (idIndex, id) =>
        problems.add(file, ["countermeasures", index, field, idIndex], `${noun} "${id}" is listed twice`),
      );
      ids.forEach((id, idIndex) => {
        if (known.has(id)) found.add(id);
        else {
          problems.add(
            file,
            ["countermeasures", index, field, idIndex],
            `"${id}" is not a ${noun} of this pitfall (its ${plural} are: ${[...known].join(", ")})`,
          );
        }
      });
    };
    const symptomIds = new Set(pitfall.symptoms.map((symptom) => symptom.id));
    const addressed = new Set<string>();
    reportDuplicates(
      pitfall.countermeasures.map((ref) => ref.countermeasureId),
      (index, id) =>
        problems.add(
          file,
          ["countermeasures", index, "countermeasureId"],
          `countermeasure "${id}" is referenced twice`,
        ),
    );
    pitfall.countermeasures.forEach((ref, index) => {
      if (countermeasureIds && !countermeasureIds.has(ref.countermeasureId)) {
        problems.add(
          file,
          ["countermeasures", index, "countermeasureId"],
          `countermeasure "${ref.countermeasureId}" does not exist in ${COUNTERMEASURES_FILE}`,
        );
      }
      checkOwnIds(index, "addresses", ref.addresses, symptomIds, addressed);
    });
    const causeIds = new Set(pitfall.causes.map((cause) => cause.id));
    const removed = new Set<string>();
    pitfall.countermeasures.forEach((ref, index) => {
      checkOwnIds(index, "removesCauses", ref.removesCauses, causeIds, removed);
    });
    pitfall.causes.forEach((cause, index) => {
      if (!removed.has(cause.id)) {
        problems.add(file, ["causes", index], `cause "${cause.id}" is not removed by any countermeasure`);
      }
    });
    pitfall.symptoms.forEach((symptom, index) => {
      if (!addressed.has(symptom.id)) {
        problems.add(
          file,
          ["symptoms", index],
          `symptom "${symptom.id}" is not addressed by any countermeasure`,
        );
      }
    });

    reportDuplicates(
      pitfall.related.map((related) => related.pitfallId),
      (index, id) => problems.add(file, ["related", index, "pitfallId"], `pitfall "${id}" is listed twice`),
    );
    pitfall.related.forEach((related, index) => {
      if (related.pitfallId === pitfall.id) {
        problems.add(file, ["related", index, "pitfallId"], "a pitfall cannot be related to itself");
      }
    });
  }
}

function checkQuestionnaire(
  { file, value: questionnaire }: Parsed<Questionnaire>,
  parsed: ParsedContent,
  problems: ProblemList,
): void {
  const pitfallsById = new Map(parsed.pitfalls.map((pitfall) => [pitfall.value.id, pitfall.value]));
  const isCheckable = (pitfallId: string) => !parsed.unparsedPitfallIds.has(pitfallId);

  // Context questions and pitfall questions share one answer namespace.
  const questionsById = new Map<string, AnyQuestion>();
  const firstUseOf = new Map<string, string>();
  const claimId = (id: string, path: PropertyKey[]) => {
    const earlier = firstUseOf.get(id);
    if (earlier) problems.add(file, [...path, "id"], `"${id}" is already used by ${earlier}`);
    else firstUseOf.set(id, formatPath(path));
  };

  questionnaire.context.forEach((question, index) => {
    claimId(question.id, ["context", index]);
    questionsById.set(question.id, question);
    checkAnswerType(file, ["context", index, "answer"], question.answer, problems);
  });

  const sectionIndexByPitfall = new Map<PitfallId, number>();
  questionnaire.sections.forEach((section, sectionIndex) => {
    const earlierSection = sectionIndexByPitfall.get(section.pitfallId);
    if (earlierSection !== undefined) {
      problems.add(
        file,
        ["sections", sectionIndex, "pitfallId"],
        `pitfall "${section.pitfallId}" already has a section (sections[${earlierSection}])`,
      );
    } else sectionIndexByPitfall.set(section.pitfallId, sectionIndex);

    const pitfall = pitfallsById.get(section.pitfallId);
    section.questions.forEach((question, questionIndex) => {
      const path = ["sections", sectionIndex, "questions", questionIndex];
      claimId(question.id, path);
      questionsById.set(question.id, question);
      checkAnswerType(file, [...path, "answer"], question.answer, problems);
      if (pitfall && isCheckable(pitfall.id))
        checkDetects(file, [...path, "detects"], question.detects, pitfall, problems);
      if (question.dontKnowRisk !== undefined && !question.allowDontKnow) {
        problems.add(
          file,
          [...path, "dontKnowRisk"],
          `"don't know" is not allowed on this question, so it cannot carry a risk`,
        );
      }
      if (question.applicableWhen && !question.allowNotApplicable) {
        problems.add(
          file,
          [...path, "applicableWhen"],
          `"not applicable" is not allowed on this question, so nothing can contradict it`,
        );
      }
    });
  });
  // A context question may depend only on context questions before it: they are answered first, in
  // order, and no two can depend on each other.
  questionnaire.context.forEach((question, questionIndex) => {
    question.appliesWhen?.forEach((condition, conditionIndex) => {
      const path = ["context", questionIndex, "appliesWhen", conditionIndex];
      const earlier = questionnaire.context
        .slice(0, questionIndex)
        .find((candidate) => candidate.id === condition.field);
      if (!earlier) {
        problems.add(
          file,
          [...path, "field"],
          `"${condition.field}" is not a context question before "${question.id}"`,
        );
        return;
      }
      checkConditionFits(file, path, condition, earlier, problems);
    });
  });
  // Conditions on when a question applies may only test the team context, which is answered first.
  questionnaire.sections.forEach((section, sectionIndex) => {
    section.questions.forEach((question, questionIndex) => {
      for (const key of ["appliesWhen", "applicableWhen"] as const) {
        question[key]?.forEach((condition, conditionIndex) => {
          const path = ["sections", sectionIndex, "questions", questionIndex, key, conditionIndex];
          const contextQuestion = questionnaire.context.find((candidate) => candidate.id === condition.field);
          if (!contextQuestion) {
            problems.add(
              file,
              [...path, "field"],
              `"${condition.field}" is not a context question of this questionnaire`,
            );
            return;
          }
          checkConditionFits(file, path, condition, contextQuestion, problems);
        });
      }
    });
  });

  for (const pitfallId of PITFALL_IDS) {
    if (!sectionIndexByPitfall.has(pitfallId)) {
      problems.add(file, "sections", `no section for pitfall "${pitfallId}"`);
    }
  }

  reportDuplicates(
    questionnaire.contextRules.map((rule) => rule.id),
    (index, id) =>
      problems.add(file, ["contextRules", index, "id"], `context rule id "${id}" is used more than once`),
  );
  questionnaire.contextRules.forEach((rule, ruleIndex) => {
    const pitfall = pitfallsById.get(rule.pitfallId);
    if (pitfall && isCheckable(pitfall.id)) {
      checkDetects(file, ["contextRules", ruleIndex, "detects"], rule.detects, pitfall, problems);
    }
    if (rule.weight === 0 && rule.floor === undefined) {
      problems.add(
        file,
        ["contextRules", ruleIndex, "weight"],
        "a rule of weight 0 must set a floor, or it would have no effect",
      );
    }
    const conditions = [
      ...(rule.appliesWhen ?? []).map((condition, index) => ({
        condition,
        path: ["contextRules", ruleIndex, "appliesWhen", index],
      })),
      ...(rule.unless ?? []).map((condition, index) => ({
        condition,
        path: ["contextRules", ruleIndex, "unless", index],
      })),
      ...rule.when.map((condition, index) => ({
        condition,
        path: ["contextRules", ruleIndex, "when", index],
      })),
    ];
    conditions.forEach(({ condition, path }) => {
      const question = questionsById.get(condition.field);
      if (!question) {
        problems.add(
          file,
          [...path, "field"],
          `"${condition.field}" is not a context question or question of this questionnaire`,
        );
        return;
      }
      checkConditionFits(file, path, condition, question, problems);
    });
  });

  (questionnaire.pulse ?? []).forEach((question, index) => {
    const path = ["pulse", index];
    claimId(question.id, path);
    checkAnswerType(file, path, { type: "choice", options: question.options }, problems);
    const pitfall = pitfallsById.get(question.pitfallId);
    if (!sectionIndexByPitfall.has(question.pitfallId)) {
      problems.add(
        file,
        [...path, "pitfallId"],
        `pitfall "${question.pitfallId}" has no section in this questionnaire`,
      );
    } else if (pitfall && isCheckable(pitfall.id)) {
      checkDetects(file, [...path, "detects"], question.detects, pitfall, problems);
    }
  });

  // Every symptom needs some evidence, or a pitfall could score as healthy without being assessed.
  for (const pitfall of pitfallsById.values()) {
    if (!isCheckable(pitfall.id)) continue;
    const sectionIndex = sectionIndexByPitfall.get(pitfall.id);
    const section = sectionIndex === undefined ? undefined : questionnaire.sections[sectionIndex];
    const detected = new Set([
      ...(section?.questions.flatMap((question) => question.detects.symptoms) ?? []),
      ...questionnaire.contextRules
        .filter((rule) => rule.pitfallId === pitfall.id)
        .flatMap((rule) => rule.detects.symptoms),
    ]);
    for (const symptom of pitfall.symptoms) {
      if (!detected.has(symptom.id)) {
        problems.add(
          file,
          sectionIndex === undefined ? "sections" : `sections[${sectionIndex}]`,
          `symptom "${symptom.id}" of pitfall "${pitfall.id}" is not detected by any question or context rule`,
        );
      }
    }
  }
}

function checkDetects(
  file: string,
  path: PropertyKey[],
  detects: { symptoms: string[]; causes: string[] },
  pitfall: Pitfall,
  problems: ProblemList,
): void {
  if (detects.symptoms.length === 0 && detects.causes.length === 0) {
    problems.add(file, path, "must detect at least one symptom or cause");
  }
  const symptomIds = new Set(pitfall.symptoms.map((symptom) => symptom.id));
  const causeIds = new Set(pitfall.causes.map((cause) => cause.id));
  const check = (kind: "symptoms" | "causes", known: Set<string>, noun: string) => {
    reportDuplicates(detects[kind], (index, id) =>
      problems.add(file, [...path, kind, index], `"${id}" is listed twice`),
    );
    detects[kind].forEach((id, index) => {
      if (!known.has(id)) {
        problems.add(
          file,
          [...path, kind, index],
          `"${id}" is not a ${noun} of pitfall "${pitfall.id}" (its ${kind} are: ${[...known].join(", ")})`,
        );
      }
    });
  };
  check("symptoms", symptomIds, "symptom");
  check("causes", causeIds, "cause");
}

function checkAnswerType(
  file: string,
  path: PropertyKey[],
  answer: AnyQuestion["answer"],
  problems: ProblemList,
): void {
  if (answer.type === "choice") {
    reportDuplicates(
      answer.options.map((option) => option.value),
      (index, value) =>
        problems.add(file, [...path, "options", index, "value"], `option value "${value}" is used twice`),
    );
    return;
  }
  if (answer.type !== "number") return;
  if (!(answer.min < answer.max)) {
    problems.add(
      file,
      [...path, "max"],
      `must be greater than min (min is ${answer.min}, max is ${answer.max})`,
    );
  }
  if (answer.integer && !(Number.isInteger(answer.min) && Number.isInteger(answer.max))) {
    problems.add(file, path, "min and max must be whole numbers when the answer is an integer");
  }
  if (!("riskCurve" in answer)) return;
  answer.riskCurve.forEach((point, index) => {
    const previous = answer.riskCurve[index - 1];
    if (previous && !(point.at > previous.at)) {
      problems.add(
        file,
        [...path, "riskCurve", index, "at"],
        `must be greater than the previous point's at (${previous.at}); points must be in strictly increasing order`,
      );
    }
    if (point.at < answer.min || point.at > answer.max) {
      problems.add(
        file,
        [...path, "riskCurve", index, "at"],
        `must lie between min (${answer.min}) and max (${answer.max})`,
      );
    }
  });
}

function checkConditionFits(
  file: string,
  path: PropertyKey[],
  condition: Questionnaire["contextRules"][number]["when"][number],
  question: AnyQuestion,
  problems: ProblemList,
): void {
  const answer = question.answer;
  if (condition.op === "dontKnow") {
    if (!question.allowDontKnow) {
      problems.add(file, [...path, "op"], `"${question.id}" cannot be answered "don't know"`);
    }
    return;
  }
  if (condition.op === "in") {
    if (answer.type === "choice") {
      const optionValues = answer.options.map((option) => option.value);
      condition.values.forEach((value, index) => {
        if (typeof value !== "string" || !optionValues.includes(value)) {
          problems.add(
            file,
            [...path, "values", index],
            `${JSON.stringify(value)} is not an option of "${question.id}" (options: ${optionValues.join(", ")})`,
          );
        }
      });
    } else if (answer.type === "yesNo") {
      condition.values.forEach((value, index) => {
        if (typeof value !== "boolean") {
          problems.add(
            file,
            [...path, "values", index],
            `"${question.id}" is a yes/no question: use true or false`,
          );
        }
      });
    } else {
      problems.add(
        file,
        [...path, "op"],
        `"${question.id}" has a ${answer.type} answer: compare it with "lt" or "gt", not "in"`,
      );
    }
    return;
  }

  const range =
    answer.type === "number"
      ? { min: answer.min, max: answer.max }
      : answer.type === "agreement"
        ? { min: 1, max: 5 }
        : null;
  if (!range) {
    problems.add(
      file,
      [...path, "op"],
      `"${question.id}" has a ${answer.type} answer: compare it with "in", not "${condition.op}"`,
    );
    return;
  }
  if (condition.value < range.min || condition.value > range.max) {
    problems.add(
      file,
      [...path, "value"],
      `must lie between ${range.min} and ${range.max}, the range of answers to "${question.id}"`,
    );
  }
}

function checkQuestionnaireVersions(parsed: ParsedContent, problems: ProblemList): void {
  const byId = new Map<string, Questionnaire>();
  for (const { file, value } of parsed.questionnaires) {
    if (byId.has(value.id)) problems.add(file, "id", `questionnaire "${value.id}" is defined more than once`);
    else byId.set(value.id, value);
  }

  for (const { file, value: questionnaire } of parsed.questionnaires) {
    const supersedes = questionnaire.supersedes;
    if (!supersedes) continue;
    const earlier = byId.get(supersedes.questionnaireId);
    if (supersedes.questionnaireId === questionnaire.id) {
      problems.add(file, ["supersedes", "questionnaireId"], "a questionnaire cannot supersede itself");
      continue;
    }
    if (!earlier) {
      problems.add(
        file,
        ["supersedes", "questionnaireId"],
        `questionnaire "${supersedes.questionnaireId}" does not exist`,
      );
      continue;
    }
    if (questionnaire.publishedOn < earlier.publishedOn) {
      problems.add(
        file,
        "publishedOn",
        `must not be earlier than the superseded questionnaire's (${earlier.publishedOn})`,
      );
    }
    const current = questionsOf(questionnaire);
    const previous = questionsOf(earlier);
    for (const [newId, oldId] of Object.entries(supersedes.questionMap)) {
      const path = ["supersedes", "questionMap", newId];
      const newQuestion = current.get(newId);
      const oldQuestion = previous.get(oldId);
      if (!newQuestion) problems.add(file, path, `"${newId}" is not a question of "${questionnaire.id}"`);
      if (!oldQuestion) problems.add(file, path, `"${oldId}" is not a question of "${earlier.id}"`);
      if (newQuestion && oldQuestion && newQuestion.answer.type !== oldQuestion.answer.type) {
        problems.add(
          file,
          path,
          `answer types differ ("${newQuestion.answer.type}" now, "${oldQuestion.answer.type}" in "${earlier.id}"), so answers cannot carry over`,
        );
      }
    }
  }
}

/* ------------------------------------------------------------------------------------------------
 * Helpers
 * ---------------------------------------------------------------------------------------------- */

export function questionsOf(questionnaire: Questionnaire): Map<string, AnyQuestion> {
  const questions = new Map<string, AnyQuestion>();
  for (const question of questionnaire.context) questions.set(question.id, question);
  for (const section of questionnaire.sections) {
    for (const question of section.questions) questions.set(question.id, question);
  }
  return questions;
}

function reportDuplicates(values: readonly string[], report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) report(index, value);
    seen.add(value);
  });
}

/** Oldest first; a questionnaire that supersedes another sorts after it when both share a date. */
function sortByPublication(questionnaires: Questionnaire[]): Questionnaire[] {
  return [...questionnaires].sort((a, b) => {
    if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? -1 : 1;
    if (a.supersedes?.questionnaireId === b.id) return 1;
    if (b.supersedes?.questionnaireId === a.id) return -1;
    return 0;
  });
}
