/**
 * Prints the worked examples of docs/scoring.md as the engine computes them today, for pasting
 * into the document after a change to the method or the questionnaire. `npm test` checks that the
 * document holds exactly these blocks.
 */
import {
  renderRulesTable,
  renderWorkedExample,
  WORKED_EXAMPLES,
} from "../tests/support/scoring-document-examples";

for (const example of WORKED_EXAMPLES) {
  console.log(`### ${example.title}\n\n${example.situation}\n\n${renderWorkedExample(example)}\n`);
}

console.log(`### Rules table\n\n${renderRulesTable()}\n`);
