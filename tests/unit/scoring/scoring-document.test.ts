/**
 * docs/scoring.md against the engine: the worked examples and the rules table are computed from
 * the real questionnaire, so the document cannot drift from what the product shows. After a change
 * to the method or the questionnaire, `npm run docs:scoring-examples` prints the blocks afresh.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BANDS, SCORING_METHOD_VERSION, SYMPTOM_TRIGGER_RISK } from "@/domain/scoring";
import {
  renderRulesTable,
  renderWorkedExample,
  scoreExample,
  WORKED_EXAMPLES,
} from "../../support/scoring-document-examples";

// Runs of spaces collapsed, so the checks survive a formatter padding the table columns.
const collapse = (text: string) =>
  text
    .replace(/ +/g, " ")
    .replace(/\| -+ /g, "| --- ")
    .replace(/-+ \|/g, "--- |");
const document = collapse(
  readFileSync(fileURLToPath(new URL("../../../docs/scoring.md", import.meta.url)), "utf8"),
);

describe("docs/scoring.md", () => {
  it("describes the method version the engine stores", () => {
    expect(document).toContain(`**scoring method ${SCORING_METHOD_VERSION}**`);
  });

  it("states the band cut-offs the engine uses", () => {
    for (const band of BANDS) {
      const range = band.band === "critical" ? `${band.from} to 100` : `${band.from} to below ${band.to}`;
      expect(document).toContain(`| ${band.label} | ${range} |`);
    }
  });

  it("states the trigger threshold the engine uses", () => {
    expect(document).toContain(`risk of **${SYMPTOM_TRIGGER_RISK} or more**`);
  });

  it("lists every rule of the current questionnaire as the content defines it", () => {
    expect(document).toContain(collapse(renderRulesTable()));
  });

  for (const example of WORKED_EXAMPLES) {
    it(`shows the worked example "${example.title}" exactly as the engine computes it`, () => {
      expect(document).toContain(`### ${example.title}`);
      expect(document).toContain(collapse(renderWorkedExample(example)));
    });
  }

  it("uses examples that show what each principle does", () => {
    const [rotaOfTwo, headOfOperations, untracked, manualDeployments] = WORKED_EXAMPLES.map(
      (example) => scoreExample(example).pitfall,
    );
    // A floor decides two of them; not knowing counts as evidence in one; causes rank the last.
    expect(rotaOfTwo!.score).toBeGreaterThan(rotaOfTwo!.averageScore!);
    expect(headOfOperations!.findings[0]!.ruleId).toBe("head-of-operations-accountable");
    expect(untracked!.contributions.some((c) => c.source === "question" && c.answer === "dontKnow")).toBe(
      true,
    );
    expect(manualDeployments!.countermeasures[0]!.countermeasureId).toBe(
      "create-automated-deployment-pipeline",
    );
  });
});
