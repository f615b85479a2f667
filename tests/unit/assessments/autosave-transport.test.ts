/**
 * The questionnaire's transport over the autosave routes: whatever the status, an ActionResult is
 * handed to the sync queue as the server actions' results were (so conflicts, validation and
 * refusals are handled as before); anything else is a network failure, which the queue retries.
 */
import { describe, expect, it, vi } from "vitest";
import { AUTOSAVE_PATHS } from "@/contracts/assessments/autosave-paths";
import { autosaveTransport, type Fetch } from "@/features/assessments/autosave-transport";

const save = {
  assessmentId: "assessment-1",
  questionId: "question-1",
  answer: { kind: "value" as const, value: 3 },
  note: "a note",
  expectedVersion: 4,
};

function answering(status: number, body: string) {
  return vi.fn<Fetch>(
    async () => new Response(body, { status, headers: { "content-type": "application/json" } }),
  );
}

describe("autosaveTransport", () => {
  it("posts the team's save as JSON to its route and returns the result", async () => {
    const result = { ok: true, data: { version: 5, answer: { questionId: "question-1" } } };
    const fetcher = answering(200, JSON.stringify(result));
    expect(await autosaveTransport("team", fetcher).saveAnswer(save)).toEqual(result);
    const [path, init] = fetcher.mock.calls[0]!;
    expect(path).toBe(AUTOSAVE_PATHS.saveAnswer);
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin", cache: "no-store" });
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
    expect(JSON.parse(init.body as string)).toEqual(save);
  });

  it("sends a person's own save without a note, and each confirmation to its own route", async () => {
    const fetcher = answering(200, JSON.stringify({ ok: true, data: { version: 1, answers: [] } }));
    await autosaveTransport("self", fetcher).saveAnswer(save);
    const confirm = { assessmentId: "assessment-1", questionIds: ["question-1"], expectedVersion: 1 };
    await autosaveTransport("self", fetcher).confirmAnswers(confirm);
    await autosaveTransport("team", fetcher).confirmAnswers(confirm);
    const calls = fetcher.mock.calls.map(([path, init]) => [path, JSON.parse(init.body as string)]);
    const { note: _note, ...withoutNote } = save;
    expect(calls).toEqual([
      [AUTOSAVE_PATHS.saveMyAnswer, withoutNote],
      [AUTOSAVE_PATHS.confirmMyAnswers, confirm],
      [AUTOSAVE_PATHS.confirmAnswers, confirm],
    ]);
  });

  it.each([
    [409, { code: "conflict", message: "Someone else saved first.", details: { kind: "answer-conflict" } }],
    [
      400,
      { code: "validation", message: "Some fields need attention.", fieldErrors: { answer: ["Pick one."] } },
    ],
    [401, { code: "forbidden", message: "You have been signed out, so this answer was not saved." }],
    [404, { code: "not_found", message: "Not found." }],
    [500, { code: "internal", message: "Something went wrong on our side." }],
  ])("hands a %i with a failed result to the queue as it is", async (status, error) => {
    const result = { ok: false, error };
    expect(
      await autosaveTransport("team", answering(status, JSON.stringify(result))).saveAnswer(save),
    ).toEqual(result);
  });

  it.each([
    ["a proxy's error page", 502, "<html>Bad gateway</html>"],
    ["an empty answer", 503, ""],
    ["JSON that is not a result", 200, '{"saved":true}'],
    ["a 5xx claiming success", 500, '{"ok":true,"data":{}}'],
  ])("rejects on %s, so the queue keeps the write and offers Retry", async (_name, status, body) => {
    await expect(autosaveTransport("team", answering(status, body)).saveAnswer(save)).rejects.toThrow();
  });

  it("rejects when the request never gets an answer", async () => {
    const offline = vi.fn<Fetch>(async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(autosaveTransport("team", offline).saveAnswer(save)).rejects.toThrow("Failed to fetch");
  });
});
