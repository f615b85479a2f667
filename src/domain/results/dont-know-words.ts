/**
 * The words for a pitfall whose evidence rests on "don't know" answers alone, as the result page
 * says them: its symptoms are suspected rather than seen, and finding out comes first. Every
 * export that writes a pitfall's band or symptoms as text uses these, so a file never reads as
 * though the risk had been seen.
 */

/** The result page's heading over such symptoms. */
export const SUSPECTED_SYMPTOMS_HEADING = "Symptoms suspected";

/** What the result page says under that heading. */
export const SUSPECTED_SYMPTOMS_NOTE =
  "Every answer behind these is “don't know”: find out whether they are there.";

/** How one suspected symptom is marked where symptoms are listed one by one. */
export const SUSPECTED_SYMPTOM_MARK = "suspected: every answer behind it is “don't know”";

/** The result page's opening of "What to do first" for such a pitfall. */
export const FIND_OUT_FIRST = "Find out first";

/** The sentence after "Find out first." for a pitfall, in the result page's words. */
export function findOutFirstSentence(pitfallName: string): string {
  return `Every point of ${pitfallName} comes from “don't know” answers: start by finding out how things stand.`;
}

/** "Find out first." and its sentence, for a pitfall whose every point is a "don't know". */
export function findOutFirstText(pitfallName: string): string {
  return `${FIND_OUT_FIRST}. ${findOutFirstSentence(pitfallName)}`;
}
