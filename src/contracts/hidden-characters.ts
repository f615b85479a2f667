/**
 * The check every free-text input's schema runs: text with control, direction-override or (in
 * names) zero-width characters is refused with a message that names the character.
 */
import type { z } from "zod";
import { hiddenCharacterProblem, type TextKind } from "@/domain/text/hidden-characters";

/** For `.superRefine` on a string schema (nullish values pass: the schema decides about those). */
export function refuseHiddenCharacters(kind: TextKind) {
  return (value: string | null | undefined, context: z.RefinementCtx) => {
    const problem = value ? hiddenCharacterProblem(value, kind) : null;
    if (problem) context.addIssue({ code: "custom", message: problem });
  };
}
