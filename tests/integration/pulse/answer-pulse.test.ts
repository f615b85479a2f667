/**
 * The anonymous pulse against a real database (SQLite and PostgreSQL): who may answer, what is
 * counted, what is shown, and that a refused answer changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { reopenAssessment, startAssessment, submitAssessment } from "@/server/assessments/mutations";
import { ALREADY_ANSWERED_MESSAGE } from "@/server/pulse/mutations";
import { getPulseCard, getPulsePage, getTeamPulse } from "@/server/pulse/queries";
import {
  completeAnswers,
  createOrganisation,
  createPerson,
  createTeam,
  storedColumns,
  type TestOrganisation,
  type TestTeam,
} from "../assessments/fixtures";
import { answerAs, pulseState, refusal, type Choices } from "./fixtures";

const STRAIN = "pulse-on-call-strain";
const DISRUPTION = "pulse-on-call-disruption";
const WORKLOAD = "pulse-specialist-workload";

describe("answering the anonymous pulse", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  /** A team with a lead, a member and `extra` more members. */
  async function teamWithPeople(extra: number) {
    const team = await createTeam(org.orgUnitId);
    const others = [];
    for (let index = 0; index < extra; index++)
      others.push(await createPerson(`Member ${index + 3}`, [{ role: "member", teamId: team.id }]));
    return { team, people: [team.lead, team.member, ...others] };
  }

  async function answerEach(team: TestTeam, people: (typeof team.lead)[], choices: Choices[]) {
    for (const [index, person] of people.entries())
      await answerAs(person, team, org.openCycle.id, choices[index]!);
  }

  it("shows nothing about a question three people answered, and only its counts once four did", async () => {
    const { team, people } = await teamWithPeople(2);
    await answerEach(team, people.slice(0, 3), [
      { [STRAIN]: "close-to-burnout", [DISRUPTION]: "a-lot" },
      { [STRAIN]: "often-exhausted", [DISRUPTION]: "noticeably" },
      { [STRAIN]: "often-exhausted", [DISRUPTION]: "noticeably" },
    ]);

    // With three answers, the one who said "close to burnout" would read both others' off "2 · 1".
    const afterThree = (await getTeamPulse(team.lead, team.slug, org.openCycle.id))!;
    expect(afterThree.participants).toBe(3);
    expect(afterThree.threshold).toBe(4);
    for (const question of afterThree.questions) {
      expect(question).not.toHaveProperty("counts");
      expect(question).not.toHaveProperty("respondents");
      expect(question).not.toHaveProperty("averageRisk");
      expect(question.shown).toBe(false);
    }

    // The fourth person answers the strain question only: disruption stays at three answers.
    await answerAs(people[3]!, team, org.openCycle.id, { [STRAIN]: "not-at-all" });
    const afterFour = (await getTeamPulse(org.head, team.slug, org.openCycle.id))!;
    expect(afterFour.participants).toBe(4);
    const strain = afterFour.questions.find((question) => question.questionId === STRAIN)!;
    expect(strain).toMatchObject({
      shown: true,
      respondents: 4,
      pitfallId: "limited-on-call-schedule",
      evidenceLabel: "How close to burnout the people on the rota feel",
      // (1 + 0.8 + 0.8 + 0) / 4
      averageRisk: 0.65,
    });
    expect(strain.shown && strain.counts.map((count) => [count.option, count.count])).toEqual([
      ["not-at-all", 1],
      ["sometimes-stretched", 0],
      ["often-exhausted", 2],
      ["close-to-burnout", 1],
    ]);
    const disruption = afterFour.questions.find((question) => question.questionId === DISRUPTION)!;
    expect(disruption).toEqual(expect.objectContaining({ shown: false }));
    expect(disruption).not.toHaveProperty("counts");
    // The view carries counts only: no person's name, email or id.
    const serialised = JSON.stringify(afterFour);
    for (const person of people) {
      for (const secret of [person.id, person.name, person.email]) expect(serialised).not.toContain(secret);
    }
  });

  it("creates every option's row for the team and cycle with the first answer, before any count changes", async () => {
    const { team, people } = await teamWithPeople(0);
    await answerAs(people[0]!, team, org.openCycle.id, { [STRAIN]: "often-exhausted" });
    const { tallies } = await pulseState(team.id, org.openCycle.id);
    const expected = org.questionnaire.pulse!.flatMap((question) =>
      question.options.map((option) => `${question.id}/${option.value}`),
    );
    expect(tallies.map((row) => `${row.questionId}/${row.option}`).sort()).toEqual([...expected].sort());
    expect(tallies.filter((row) => row.count > 0)).toEqual([
      { questionId: STRAIN, option: "often-exhausted", count: 1 },
    ]);
  });

  it("counts answers sent at the same moment by different people", async () => {
    const { team, people } = await teamWithPeople(2);
    await Promise.all(
      people.map((person) => answerAs(person, team, org.openCycle.id, { [STRAIN]: "sometimes-stretched" })),
    );
    const { tallies, participants } = await pulseState(team.id, org.openCycle.id);
    expect(participants).toBe(4);
    expect(
      tallies.find((row) => row.questionId === STRAIN && row.option === "sometimes-stretched")?.count,
    ).toBe(4);
  });

  it("refuses a second answer by the same person and changes nothing", async () => {
    const { team, people } = await teamWithPeople(0);
    await answerAs(people[0]!, team, org.openCycle.id, { [STRAIN]: "not-at-all" });
    const before = await pulseState(team.id, org.openCycle.id);

    const error = await refusal(
      answerAs(people[0]!, team, org.openCycle.id, { [STRAIN]: "close-to-burnout" }),
    );
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(ALREADY_ANSWERED_MESSAGE);
    expect(error.message).toMatch(/Answers are anonymous, so they cannot be changed or sent twice/);
    expect(await pulseState(team.id, org.openCycle.id)).toEqual(before);
  });

  it("refuses an answer to a question the person did not say applies to them, an unknown option or question, and no answer", async () => {
    const { team, people } = await teamWithPeople(0);
    const person = people[0]!;
    const before = await pulseState(team.id, org.openCycle.id);

    const undeclared = await refusal(
      answerAs(person, team, org.openCycle.id, { [STRAIN]: "not-at-all", [WORKLOAD]: "steady" }, ["on-call"]),
    );
    expect(undeclared.code).toBe("validation");
    expect(undeclared.fieldErrors[`answer:${WORKLOAD}`]?.[0]).toMatch(/for specialists serving the team/);
    expect(undeclared.fieldErrors[`answer:${STRAIN}`]).toBeUndefined();

    const unknownOption = await refusal(
      answerAs(person, team, org.openCycle.id, { [STRAIN]: "fine-thanks" }),
    );
    expect(unknownOption.fieldErrors[`answer:${STRAIN}`]?.[0]).toMatch(/not one of this question's answers/);

    const unknownQuestion = await refusal(
      answerAs(person, team, org.openCycle.id, { "locs-rota-size": "3" }),
    );
    expect(unknownQuestion.code).toBe("validation");

    const nothing = await refusal(answerAs(person, team, org.openCycle.id, {}));
    expect(nothing.message).toMatch(/Choose an answer to at least one question/);

    expect(await pulseState(team.id, org.openCycle.id)).toEqual(before);
    // A refusal leaves no trace that the person tried: they can still answer.
    await answerAs(person, team, org.openCycle.id, { [STRAIN]: "not-at-all", [WORKLOAD]: "steady" }, [
      "on-call",
      "specialist",
    ]);
    expect((await pulseState(team.id, org.openCycle.id)).participants).toBe(1);
  });

  it("writes no audit event", async () => {
    const { team, people } = await teamWithPeople(0);
    const before = await db.auditEvent.count();
    await answerAs(people[0]!, team, org.openCycle.id, { [STRAIN]: "not-at-all" });
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("refuses answers for a cycle that is not open", async () => {
    const { team, people } = await teamWithPeople(0);
    const error = await refusal(answerAs(people[0]!, team, org.previousCycle.id, { [STRAIN]: "not-at-all" }));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(
      `${org.previousCycle.name} is closed, so its pulse can no longer be answered.`,
    );
    expect(await pulseState(team.id, org.previousCycle.id)).toEqual({ tallies: [], participants: 0 });
  });

  describe("once the team's assessment is submitted", () => {
    async function submitFor(team: TestTeam): Promise<string> {
      const { assessmentId } = await startAssessment(team.lead, { teamSlug: team.slug });
      await db.answer.createMany({
        data: Object.entries(completeAnswers(org.questionnaire, 0.5)).map(([questionId, answer]) => ({
          assessmentId,
          questionId,
          ...storedColumns(answer),
          updatedById: team.lead.id,
        })),
      });
      await submitAssessment(team.lead, { assessmentId, expectedVersion: 1 });
      return assessmentId;
    }

    it("is closed, says why, and opens again when the assessment is reopened", async () => {
      const { team, people } = await teamWithPeople(0);
      const assessmentId = await submitFor(team);

      const error = await refusal(answerAs(people[1]!, team, org.openCycle.id, { [STRAIN]: "not-at-all" }));
      expect(error.code).toBe("conflict");
      expect(error.message).toMatch(/submitted its 2026 Q4 assessment, so the pulse is closed/);
      expect(await pulseState(team.id, org.openCycle.id)).toEqual({ tallies: [], participants: 0 });
      const page = await getPulsePage(people[1]!, team.slug);
      expect(page.kind === "ready" && page.availability.kind).toBe("closed");

      await reopenAssessment(org.head, { assessmentId, reason: "The rota answers were missing." });
      await answerAs(people[1]!, team, org.openCycle.id, { [STRAIN]: "not-at-all" });
      expect((await pulseState(team.id, org.openCycle.id)).participants).toBe(1);
    });

    it("scores three answers as evidence stored in the pitfall result, and two not at all", async () => {
      const burnout: Choices = { [STRAIN]: "close-to-burnout", [DISRUPTION]: "a-lot" };
      const pulseContributions = async (assessmentId: string) => {
        const result = await db.pitfallResult.findFirstOrThrow({
          where: { assessmentId, pitfallId: "limited-on-call-schedule" },
          select: { detail: true, score: true },
        });
        const detail = JSON.parse(result.detail) as { contributions: { questionId?: string }[] };
        return {
          score: result.score,
          pulse: detail.contributions.filter((contribution) => contribution.questionId?.startsWith("pulse-")),
        };
      };

      const four = await teamWithPeople(2);
      await answerEach(four.team, four.people, [burnout, burnout, burnout, burnout]);
      const withPulse = await pulseContributions(await submitFor(four.team));
      expect(withPulse.pulse.map((contribution) => contribution.questionId).sort()).toEqual([
        DISRUPTION,
        STRAIN,
      ]);
      expect(withPulse.pulse).toEqual(
        expect.arrayContaining([expect.objectContaining({ questionId: STRAIN, value: 100, risk: 1 })]),
      );

      const three = await teamWithPeople(1);
      await answerEach(three.team, three.people, [burnout, burnout, burnout]);
      const withoutPulse = await pulseContributions(await submitFor(three.team));
      expect(withoutPulse.pulse).toEqual([]);
      const none = await teamWithPeople(0);
      const noPulse = await pulseContributions(await submitFor(none.team));
      // Same answers: three pulse answers score exactly like no pulse; four burnt-out answers score higher.
      expect(withoutPulse.score).toBe(noPulse.score);
      expect(withPulse.score).toBeGreaterThan(noPulse.score!);
    });
  });

  describe("who may answer", () => {
    it("refuses a person of another team as if the team did not exist", async () => {
      const { team } = await teamWithPeople(0);
      const other = await createTeam(org.orgUnitId, "Search");
      const error = await refusal(answerAs(other.member, team, org.openCycle.id, { [STRAIN]: "not-at-all" }));
      expect(error.code).toBe("not_found");
      expect(await pulseState(team.id, org.openCycle.id)).toEqual({ tallies: [], participants: 0 });
    });

    it("refuses admins and the head of engineering, who may read the team but are not its people", async () => {
      const { team } = await teamWithPeople(0);
      for (const outsider of [org.admin, org.head]) {
        const error = await refusal(answerAs(outsider, team, org.openCycle.id, { [STRAIN]: "not-at-all" }));
        expect(error.code).toBe("forbidden");
        const page = await getPulsePage(outsider, team.slug);
        expect(page.kind === "ready" && page.availability.kind).toBe("not-for-you");
      }
      expect(await pulseState(team.id, org.openCycle.id)).toEqual({ tallies: [], participants: 0 });
    });

    it("refuses the team's own people once the team is archived, saying so", async () => {
      const { team } = await teamWithPeople(0);
      await db.team.update({ where: { id: team.id }, data: { archivedAt: new Date() } });
      const error = await refusal(answerAs(team.lead, team, org.openCycle.id, { [STRAIN]: "not-at-all" }));
      expect(error.code).toBe("forbidden");
      expect(error.message).toMatch(/archived/);
      expect(await pulseState(team.id, org.openCycle.id)).toEqual({ tallies: [], participants: 0 });
    });
  });

  describe("what the pages are told", () => {
    it("tells a member the form is open, then that they answered; the card counts people, never names them", async () => {
      const { team, people } = await teamWithPeople(0);
      const open = await getPulsePage(people[1]!, team.slug);
      expect(open).toMatchObject({
        kind: "ready",
        threshold: 4,
        participants: 0,
        availability: { kind: "open" },
      });
      expect(open.kind === "ready" && open.groups.map((group) => group.audience)).toEqual([
        "on-call",
        "specialist",
      ]);

      await answerAs(people[1]!, team, org.openCycle.id, { [STRAIN]: "not-at-all" });
      expect(await getPulsePage(people[1]!, team.slug)).toMatchObject({
        participants: 1,
        availability: { kind: "answered" },
      });
      // The lead has not answered: the same count, and the form still open for them.
      const card = (await getPulseCard(team.lead, team.slug))!;
      expect(card.availability).toEqual({ kind: "open" });
      expect(card.summary.participants).toBe(1);
      expect(JSON.stringify(card)).not.toContain(people[1]!.id);
    });

    it("hides the team's pulse from people who may not read the team", async () => {
      const { team } = await teamWithPeople(0);
      const other = await createTeam(org.orgUnitId, "Payments");
      await expect(getTeamPulse(other.lead, team.slug, org.openCycle.id)).rejects.toMatchObject({
        code: "not_found",
      });
      await expect(getPulseCard(other.lead, team.slug)).rejects.toMatchObject({ code: "not_found" });
      await expect(getPulsePage(other.lead, team.slug)).rejects.toMatchObject({ code: "not_found" });
    });
  });
});
