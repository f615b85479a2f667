import { describe, expect, it } from "vitest";
import { latestQuestionnaire } from "../../../src/domain/content";
import type { PulseQuestion } from "../../../src/domain/content/schema";
import { checkPulseAnswers, isAskedOf } from "../../../src/domain/pulse/pulse-answers";

const pulse = latestQuestionnaire().pulse!;
const everyoneQuestion: PulseQuestion = { ...pulse[0]!, id: "pulse-everyone", audience: "everyone" };
const questions = [...pulse, everyoneQuestion];

describe("checkPulseAnswers", () => {
  it("accepts one option per question meant for the person", () => {
    const result = checkPulseAnswers(
      questions,
      ["on-call", "specialist"],
      [
        { questionId: "pulse-on-call-strain", option: "often-exhausted" },
        { questionId: "pulse-specialist-workload", option: "steady" },
      ],
    );
    expect(result).toEqual({
      ok: true,
      choices: [
        { questionId: "pulse-on-call-strain", option: "often-exhausted" },
        { questionId: "pulse-specialist-workload", option: "steady" },
      ],
    });
  });

  it("asks questions for everyone without any declaration", () => {
    expect(isAskedOf(everyoneQuestion, new Set())).toBe(true);
    expect(isAskedOf(pulse[0]!, new Set())).toBe(false);
    const result = checkPulseAnswers(questions, [], [{ questionId: "pulse-everyone", option: "hardly" }]);
    expect(result.ok).toBe(true);
  });

  it("refuses the whole answer for a question of an audience the person did not declare", () => {
    const result = checkPulseAnswers(
      questions,
      ["on-call"],
      [
        { questionId: "pulse-on-call-strain", option: "often-exhausted" },
        { questionId: "pulse-specialist-peers", option: "weekly" },
      ],
    );
    expect(result).toEqual({
      ok: false,
      issues: [{ questionId: "pulse-specialist-peers", kind: "undeclared-audience" }],
    });
  });

  it("refuses unknown questions and options, a question answered twice, and no answer at all", () => {
    expect(
      checkPulseAnswers(
        questions,
        ["on-call"],
        [
          { questionId: "locs-rota-size", option: "3" },
          { questionId: "pulse-on-call-pay", option: "generously" },
          { questionId: "pulse-on-call-strain", option: "not-at-all" },
          { questionId: "pulse-on-call-strain", option: "close-to-burnout" },
        ],
      ),
    ).toEqual({
      ok: false,
      issues: [
        { questionId: null, kind: "unknown-question" },
        { questionId: "pulse-on-call-pay", kind: "unknown-option" },
        { questionId: "pulse-on-call-strain", kind: "answered-twice" },
      ],
    });
    expect(checkPulseAnswers(questions, ["on-call"], [])).toEqual({
      ok: false,
      issues: [{ questionId: null, kind: "nothing-answered" }],
    });
  });
});
