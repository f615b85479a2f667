/**
 * The content the app runs on: every file under content/, validated once when this module loads.
 * Invalid content fails the build and server start with a ContentError naming each file and field.
 */
import { contentFiles } from "@content/index";
import { createContentLookups } from "./lookups";
import type { ContentBundle } from "./schema";
import { validateContent } from "./validate";

export const content: ContentBundle = validateContent(contentFiles);

export function getContent(): ContentBundle {
  return content;
}

export const {
  pitfallById,
  countermeasureById,
  questionnaireById,
  latestQuestionnaire,
  pitfallOfSymptom,
  sectionForPitfall,
  questionsDetectingSymptom,
  contextRulesDetectingSymptom,
} = createContentLookups(content);

export { createContentLookups, type ContentLookups } from "./lookups";
export { ContentError, validateContent, type ContentFile, type ContentProblem } from "./validate";
export { carryAnswersAcrossVersions } from "./versioning";
