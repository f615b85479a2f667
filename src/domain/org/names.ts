/**
 * Names and slugs of org units and teams. Names are compared without regard to case or repeated
 * spaces, so "Payments" and " payments " count as the same unit; slugs are made once, from the
 * name, and kept when the name changes so links keep working.
 */

export const MAX_NAME_LENGTH = 120;
const MAX_SLUG_LENGTH = 60;

/** Trims and collapses runs of whitespace. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

/** The key two names are compared by. */
export function nameKey(name: string): string {
  return normaliseName(name).toLowerCase();
}

/** A URL-safe slug from a name: lower-case ASCII letters, digits and single hyphens. */
export function slugify(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** The name's slug, or the slug with the smallest number suffix that is not taken yet. */
export function uniqueSlug(name: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugify(name, fallback);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
