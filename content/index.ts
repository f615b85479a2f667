/**
 * Every content file, listed with its path so validation errors can name the file to fix.
 * Adding a pitfall or a questionnaire version means adding its file here.
 */
import { countermeasures } from "./countermeasures";
import { changeManagementTreacle } from "./pitfalls/change-management-treacle";
import { embeddedSpecialists } from "./pitfalls/embedded-specialists";
import { excessiveBau } from "./pitfalls/excessive-bau";
import { limitedOnCallSchedule } from "./pitfalls/limited-on-call-schedule";
import { linearRunCosts } from "./pitfalls/linear-run-costs";
import { noMajorIncidentManagement } from "./pitfalls/no-major-incident-management";
import { responsibleButUnaccountable } from "./pitfalls/responsible-but-unaccountable";
import { questionnaireV1 } from "./questionnaires/v1";
import { questionnaireV2 } from "./questionnaires/v2";
import { source } from "./source";

export interface ContentFileEntry {
  /** Path from the repository root, e.g. "content/pitfalls/linear-run-costs.ts". */
  file: string;
  data: unknown;
}

export const contentFiles: readonly ContentFileEntry[] = [
  { file: "content/source.ts", data: source },
  { file: "content/countermeasures.ts", data: countermeasures },
  { file: "content/pitfalls/linear-run-costs.ts", data: linearRunCosts },
  { file: "content/pitfalls/responsible-but-unaccountable.ts", data: responsibleButUnaccountable },
  { file: "content/pitfalls/excessive-bau.ts", data: excessiveBau },
  { file: "content/pitfalls/change-management-treacle.ts", data: changeManagementTreacle },
  { file: "content/pitfalls/no-major-incident-management.ts", data: noMajorIncidentManagement },
  { file: "content/pitfalls/embedded-specialists.ts", data: embeddedSpecialists },
  { file: "content/pitfalls/limited-on-call-schedule.ts", data: limitedOnCallSchedule },
  { file: "content/questionnaires/v1.ts", data: questionnaireV1 },
  { file: "content/questionnaires/v2.ts", data: questionnaireV2 },
];

export default contentFiles;
