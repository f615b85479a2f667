/**
 * Characters people cannot see or that change how the text around them is displayed: control
 * characters (PostgreSQL refuses a NUL in text outright), direction overrides and isolates (which
 * make a name read differently from what it is), and, in names, zero-width characters (which make
 * two names look the same).
 */

/** What a free-text field holds, which decides the characters it may hold. */
export type TextKind =
  /** Names of people, teams, org units and tokens: one line, nothing invisible. */
  | "name"
  /** One line of text, such as a reason. */
  | "line"
  /** Notes: line breaks and tabs are part of the text. */
  | "multi-line";

const LINE_BREAKS_AND_TABS = new Set(["\n", "\r", "\t"]);

/** U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates. */
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Zero-width space, word joiner and byte-order mark. The zero-width joiner and non-joiner are
 * left alone: Persian names and emoji sequences need them.
 */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/;

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function isControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Why the text is refused, naming the first such character; null when it has none. */
export function hiddenCharacterProblem(text: string, kind: TextKind): string | null {
  for (const character of text) {
    if (isControl(character) && !(kind === "multi-line" && LINE_BREAKS_AND_TABS.has(character))) {
      const what = LINE_BREAKS_AND_TABS.has(character) ? "a line break or tab" : "a control character";
      return `Remove ${what} (${codePoint(character)}): this field does not accept it.`;
    }
    if (DIRECTION_CONTROL.test(character)) {
      return `Remove the text-direction control character (${codePoint(character)}): it makes text display differently from what it is.`;
    }
    if (kind === "name" && ZERO_WIDTH.test(character)) {
      return `Remove the invisible zero-width character (${codePoint(character)}): names cannot contain it.`;
    }
  }
  return null;
}
