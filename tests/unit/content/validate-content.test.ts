import { describe, expect, it } from "vitest";
import { contentFiles } from "@content/index";
import type { Pitfall, Questionnaire } from "@/domain/content/schema";
import { ContentError, formatPath, validateContent, type ContentFile } from "@/domain/content/validate";

/** A deep copy of the real content, with one file changed by `edit`. */
function withEdited<T>(file: string, edit: (data: T) => void): ContentFile[] {
  return contentFiles.map((entry) => {
    if (entry.file !== file) return { ...entry, data: structuredClone(entry.data) };
    const data = structuredClone(entry.data) as T;
    edit(data);
    return { file, data };
  });
}

function problemsOf(files: readonly ContentFile[]): string[] {
  try {
    validateContent(files);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems.map((problem) =>
      problem.path
        ? `${problem.file}: ${problem.path}: ${problem.message}`
        : `${problem.file}: ${problem.message}`,
    );
  }
  throw new Error("expected the content to be rejected");
}

const EXCESSIVE_BAU = "content/pitfalls/excessive-bau.ts";
const QUESTIONNAIRE = "content/questionnaires/v2.ts";

describe("validateContent rejects broken content with a readable error", () => {
  it("names the file and field of a blank symptom title", () => {
    const files = withEdited<Pitfall>(EXCESSIVE_BAU, (pitfall) => {
      pitfall.symptoms[1]!.title = "   ";
    });
    expect(() => validateContent(files)).toThrow(ContentError);
    expect(() => validateContent(files)).toThrow(`${EXCESSIVE_BAU}: symptoms[1].title: must not be empty`);
  });

  it("names a countermeasure that addresses a symptom the pitfall does not have", () => {
    const problems = problemsOf(
      withEdited<Pitfall>(EXCESSIVE_BAU, (pitfall) => {
        pitfall.countermeasures[2]!.addresses = ["no-such-symptom"];
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^content\/pitfalls\/excessive-bau\.ts: countermeasures\[2\]\.addresses\[0\]: "no-such-symptom" is not a symptom of this pitfall/,
      ),
    ]);
  });

  it("names a reference to a countermeasure that does not exist", () => {
    const problems = problemsOf(
      withEdited<Pitfall>(EXCESSIVE_BAU, (pitfall) => {
        pitfall.countermeasures[0]!.countermeasureId = "hire-more-people";
      }),
    );
    expect(problems).toContain(
      `${EXCESSIVE_BAU}: countermeasures[0].countermeasureId: countermeasure "hire-more-people" does not exist in content/countermeasures.ts`,
    );
    // The countermeasure it replaced is now used by no pitfall, which is reported too.
    expect(problems).toContainEqual(
      expect.stringMatching(/"treat-unplanned-rework-as-planned-work" is not referenced by any pitfall/),
    );
  });

  it("names a question that detects a symptom of another pitfall", () => {
    const problems = problemsOf(
      withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
        questionnaire.sections[2]!.questions[0]!.detects.symptoms = ["inflated-availability-targets"];
      }),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^content\/questionnaires\/v2\.ts: sections\[2\]\.questions\[0\]\.detects\.symptoms\[0\]: "inflated-availability-targets" is not a symptom of pitfall "excessive-bau"/,
      ),
    );
  });

  it("reports a symptom that no question or rule detects any more", () => {
    const problems = problemsOf(
      withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
        const embedded = questionnaire.sections.find(
          (section) => section.pitfallId === "embedded-specialists",
        )!;
        embedded.questions = embedded.questions.filter(
          (question) => !question.detects.symptoms.includes("specialist-loneliness"),
        );
      }),
    );
    expect(problems).toEqual([
      `${QUESTIONNAIRE}: sections[5]: symptom "specialist-loneliness" of pitfall "embedded-specialists" is not detected by any question or context rule`,
      // The dropped question is also gone from the version's own carry-over map.
      `${QUESTIONNAIRE}: supersedes.questionMap["es-specialist-community"]: "es-specialist-community" is not a question of "v2"`,
    ]);
  });

  it("rejects a risk curve that is not strictly increasing or leaves the answer range", () => {
    const problems = problemsOf(
      withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
        const question = questionnaire.sections[2]!.questions[1]!;
        if (question.answer.type !== "number") throw new Error("fixture expects a number question");
        question.answer.riskCurve = [
          { at: 2, risk: 0.2 },
          { at: 2, risk: 0.5 },
          { at: 80, risk: 1 },
        ];
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining(
        `${QUESTIONNAIRE}: sections[2].questions[1].answer.riskCurve[1].at: must be greater than`,
      ),
      expect.stringContaining(
        `${QUESTIONNAIRE}: sections[2].questions[1].answer.riskCurve[2].at: must lie between min (0) and max (50)`,
      ),
    ]);
  });

  it("rejects a number question whose min is not below its max", () => {
    const problems = problemsOf(
      withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
        const teamSize = questionnaire.context.find((question) => question.id === "team-size")!;
        if (teamSize.answer.type !== "number") throw new Error("fixture expects a number question");
        teamSize.answer.min = 10;
        teamSize.answer.max = 10;
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining(`${QUESTIONNAIRE}: context[4].answer.max: must be greater than min`),
    ]);
  });

  it("checks the answers a rule names in `unless` like its other conditions", () => {
    const problems = problemsOf(
      withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
        questionnaire.contextRules[0]!.unless = [
          { field: "rbu-on-call-budget-owner", op: "in", values: ["our-budget"] },
          { field: "no-such-field", op: "in", values: ["x"] },
        ];
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining(
        'contextRules[0].unless[0].values[0]: "our-budget" is not an option of "rbu-on-call-budget-owner"',
      ),
      expect.stringContaining(
        'contextRules[0].unless[1].field: "no-such-field" is not a context question or question',
      ),
    ]);
  });

  it("rejects conditions on unknown fields and values that cannot match", () => {
    const problems = problemsOf(
      withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
        const rule = questionnaire.contextRules[0]!;
        rule.when = [
          { field: "availability-target", op: "in", values: ["99-999"] },
          { field: "no-such-field", op: "in", values: ["x"] },
          { field: "documented-need-for-top-target", op: "in", values: ["yes"] },
          { field: "on-call-rota-size", op: "in", values: ["three"] },
          { field: "availability-target", op: "gt", value: 99 },
          { field: "team-size", op: "lt", value: 1000 },
        ];
      }),
    );
    expect(problems).toEqual([
      expect.stringContaining(
        'contextRules[0].when[0].values[0]: "99-999" is not an option of "availability-target"',
      ),
      expect.stringContaining(
        'contextRules[0].when[1].field: "no-such-field" is not a context question or question',
      ),
      expect.stringContaining(
        'contextRules[0].when[2].values[0]: "documented-need-for-top-target" is a yes/no question',
      ),
      expect.stringContaining(
        'contextRules[0].when[3].op: "on-call-rota-size" has a number answer: compare it with "lt" or "gt"',
      ),
      expect.stringContaining(
        'contextRules[0].when[4].op: "availability-target" has a choice answer: compare it with "in"',
      ),
      expect.stringContaining("contextRules[0].when[5].value: must lie between 1 and 100"),
    ]);
  });

  it("lets a context question depend only on a context question before it, with a value it can have", () => {
    const problems = problemsOf(
      withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
        const [first, second, third] = questionnaire.context as Questionnaire["context"][number][];
        first!.appliesWhen = [{ field: second!.id, op: "in", values: ["99-99"] }];
        second!.appliesWhen = [{ field: "team-size", op: "lt", value: 5 }];
        third!.appliesWhen = [{ field: second!.id, op: "in", values: ["99-999"] }];
      }),
    );
    const ids = contentFiles.find((entry) => entry.file === QUESTIONNAIRE)!.data as Questionnaire;
    const [first, second] = ids.context;
    expect(problems).toEqual([
      expect.stringContaining(
        `context[0].appliesWhen[0].field: "${second!.id}" is not a context question before "${first!.id}"`,
      ),
      expect.stringContaining(
        `context[1].appliesWhen[0].field: "team-size" is not a context question before "${second!.id}"`,
      ),
      expect.stringContaining(
        `context[2].appliesWhen[0].values[0]: "99-999" is not an option of "${second!.id}"`,
      ),
    ]);
  });

  it("rejects duplicate ids across the questionnaire and across pitfalls", () => {
    const files = withEdited<Questionnaire>(QUESTIONNAIRE, (questionnaire) => {
      questionnaire.sections[1]!.questions[0]!.id = "team-size";
    });
    expect(problemsOf(files)).toContain(
      `${QUESTIONNAIRE}: sections[1].questions[0].id: "team-size" is already used by context[4]`,
    );

    const pitfallFiles = withEdited<Pitfall>("content/pitfalls/limited-on-call-schedule.ts", (pitfall) => {
      pitfall.symptoms[0]!.id = "high-number-of-callouts";
    });
    expect(problemsOf(pitfallFiles)).toContain(
      `content/pitfalls/limited-on-call-schedule.ts: symptoms[0].id: symptom id "high-number-of-callouts" is already used in ${EXCESSIVE_BAU}`,
    );
  });

  it("rejects a pitfall file whose id does not match its file name, and a missing pitfall", () => {
    const renamed = withEdited<Pitfall>(EXCESSIVE_BAU, (pitfall) => {
      pitfall.id = "embedded-specialists";
    });
    const problems = problemsOf(renamed);
    expect(problems).toContain(
      `${EXCESSIVE_BAU}: id: must match the file name: expected "excessive-bau", found "embedded-specialists"`,
    );
    expect(problems).toContainEqual(
      expect.stringContaining('pitfall "embedded-specialists" is already defined'),
    );

    const withoutPitfall = contentFiles.filter((entry) => entry.file !== EXCESSIVE_BAU);
    expect(problemsOf(withoutPitfall)).toContain(
      'content/index.ts: pitfall "excessive-bau" has no content file (expected content/pitfalls/excessive-bau.ts)',
    );
  });

  it("rejects unknown keys, unknown files and a missing source credit", () => {
    const withExtraKey = withEdited<Record<string, unknown>>("content/source.ts", (source) => {
      source.author = "someone";
    });
    expect(problemsOf(withExtraKey)).toEqual([expect.stringMatching(/^content\/source\.ts: .*author/)]);

    const withStray = [...contentFiles, { file: "content/extra.ts", data: {} }];
    expect(problemsOf(withStray)).toEqual([
      expect.stringContaining("content/extra.ts: is not a known kind of content file"),
    ]);

    const withoutSource = contentFiles.filter((entry) => entry.file !== "content/source.ts");
    expect(problemsOf(withoutSource)).toEqual([
      expect.stringContaining("content/index.ts: does not list content/source.ts"),
    ]);
  });

  it("lists every problem at once in the error message, one per line", () => {
    const files = withEdited<Pitfall>(EXCESSIVE_BAU, (pitfall) => {
      pitfall.symptoms[0]!.title = "";
      pitfall.causes[0]!.text = "";
    });
    let message = "";
    try {
      validateContent(files);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "Content is invalid (2 problems):",
      `  ${EXCESSIVE_BAU}: symptoms[0].title: must not be empty`,
      `  ${EXCESSIVE_BAU}: causes[0].text: must not be empty`,
    ]);
  });

  it("does not change the files it is given", () => {
    const files = withEdited<Pitfall>(EXCESSIVE_BAU, () => {});
    const before = structuredClone(files);
    validateContent(files);
    expect(files).toEqual(before);
  });
});

describe("formatPath", () => {
  it("writes paths the way they would be written in TypeScript", () => {
    expect(formatPath(["sections", 2, "questions", 0, "id"])).toBe("sections[2].questions[0].id");
    expect(formatPath([3, "id"])).toBe("[3].id");
    expect(formatPath(["supersedes", "questionMap", "new-id"])).toBe('supersedes.questionMap["new-id"]');
  });
});
