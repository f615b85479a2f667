/**
 * A name in the possessive, as British English writes it: "Checkout's", and for a name ending in
 * "s" an apostrophe alone, "Cloud Foundations'" and "Payments'", never "Payments's".
 */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
