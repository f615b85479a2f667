/**
 * What the database itself holds for the anonymous pulse, read from its own catalogue (SQLite's
 * PRAGMAs, PostgreSQL's information_schema) rather than from the Prisma schema: the counts carry no
 * person and no time, the record of who answered carries no answer and no time, and neither refers
 * to the other, so no query can join a person to what they answered.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { databaseProvider } from "@/database-url";
import { db } from "@/server/db";
import { createOrganisation, createPerson, createTeam, type TestOrganisation } from "../assessments/fixtures";
import { answerAs } from "./fixtures";

const isPostgres = databaseProvider(process.env.DATABASE_URL!) === "postgresql";

async function columnsOf(table: string): Promise<string[]> {
  const rows = isPostgres
    ? await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        table,
      )
    : await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM pragma_table_info(?) ORDER BY cid`,
        table,
      );
  return rows.map((row) => row.name);
}

/** The tables a table's foreign keys point at. */
async function referencedTables(table: string): Promise<string[]> {
  const rows = isPostgres
    ? await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT DISTINCT ccu.table_name AS name
         FROM information_schema.table_constraints tc
         JOIN information_schema.constraint_column_usage ccu
           ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
         WHERE tc.table_schema = current_schema() AND tc.table_name = $1 AND tc.constraint_type = 'FOREIGN KEY'`,
        table,
      )
    : await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT DISTINCT "table" AS name FROM pragma_foreign_key_list(?)`,
        table,
      );
  return rows.map((row) => row.name).sort();
}

/** Column names that would refer to a person, or record when something happened. */
const PERSON_OR_TIME =
  /user|person|people|actor|author|by$|email|name|session|^at$|at$|time|date|created|updated|seq/i;
/** Column names that would refer to an answer. */
const ANSWER = /question|option|answer|choice|value|count|risk|tally/i;

describe("what the pulse tables can hold", () => {
  it("pulse_tally holds counts per option of a team and cycle: no column for a person or a time", async () => {
    const columns = await columnsOf("pulse_tally");
    expect(columns).toEqual(["teamId", "cycleId", "questionId", "option", "count"]);
    expect(columns.filter((column) => PERSON_OR_TIME.test(column))).toEqual([]);
    expect(await referencedTables("pulse_tally")).toEqual(["cycle", "team"]);
  });

  it("pulse_participation holds who answered in a team and cycle: no column for an answer or a time", async () => {
    const columns = await columnsOf("pulse_participation");
    expect(columns).toEqual(["teamId", "cycleId", "userId"]);
    expect(columns.filter((column) => ANSWER.test(column))).toEqual([]);
    expect(columns.filter((column) => PERSON_OR_TIME.test(column) && column !== "userId")).toEqual([]);
    expect(await referencedTables("pulse_participation")).toEqual(["cycle", "team"]);
  });

  it("no other table refers to either of them", async () => {
    const tables = isPostgres
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`);
    for (const { name } of tables) {
      const referenced = await referencedTables(name);
      expect(referenced, name).not.toContain("pulse_tally");
      expect(referenced, name).not.toContain("pulse_participation");
    }
  });
});

describe("what the stored rows give away", () => {
  let org: TestOrganisation;
  beforeAll(async () => {
    org = await createOrganisation();
  });

  it("neither the rows' order nor their last write tells whose answers changed last", async () => {
    const team = await createTeam(org.orgUnitId);
    const third = await createPerson("Third Member", [{ role: "member", teamId: team.id }]);
    await answerAs(team.lead, team, org.openCycle.id, { "pulse-on-call-strain": "close-to-burnout" });
    await answerAs(team.member, team, org.openCycle.id, { "pulse-on-call-pay": "fairly" });
    await answerAs(third, team, org.openCycle.id, {
      "pulse-on-call-disruption": "hardly",
      "pulse-on-call-prepared": "rarely",
    });

    if (isPostgres) {
      // Every row was rewritten by the last answer, so the transaction that last wrote a row
      // (xmin) is the same for all of them and groups nobody's answers.
      const writers = await db.$queryRawUnsafe<{ writers: bigint | number }[]>(
        `SELECT count(DISTINCT xmin::text) AS writers FROM pulse_tally WHERE "teamId" = $1`,
        team.id,
      );
      expect(Number(writers[0]!.writers)).toBe(1);
    } else {
      // Rows keep the order they were created in: content order, whoever answered what.
      const rows = await db.$queryRawUnsafe<{ questionId: string; option: string }[]>(
        `SELECT "questionId", "option" FROM pulse_tally WHERE "teamId" = ? ORDER BY rowid`,
        team.id,
      );
      expect(rows.map((row) => `${row.questionId}/${row.option}`)).toEqual(
        org.questionnaire.pulse!.flatMap((question) =>
          question.options.map((option) => `${question.id}/${option.value}`),
        ),
      );
    }
  });
});
