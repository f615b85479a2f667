/**
 * Where the pitfalls come from. Shown on every playbook page: the seven pitfalls, their symptoms,
 * causes and countermeasures are restated from this source in Pitfall Radar's own words.
 */
import type { ContentSource } from "@/domain/content/schema";

export const source = {
  title: "You Build It You Run It playbook",
  publisher: "Equal Experts",
  url: "https://github.com/EqualExperts/you-build-it-you-run-it-playbook",
  licence:
    "The playbook is published under a Creative Commons Attribution-NonCommercial 4.0 International licence (CC BY-NC 4.0); see the playbook repository for licence terms.",
  credit:
    "The seven pitfalls, their symptoms, causes and countermeasures, and the practices behind the questions come from the Pitfalls chapter and related practices of the Equal Experts You Build It You Run It playbook. Pitfall Radar restates them in its own words and adds questions and thresholds to make them measurable; any mistakes in that restatement are ours, not the playbook authors'.",
} satisfies ContentSource;

export default source;
