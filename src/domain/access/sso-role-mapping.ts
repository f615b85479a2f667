/**
 * Roles given to a person created by their first single sign-on, from their email's domain or a
 * group the identity provider reports. Written in the environment as rules separated by `;`:
 *
 *   group:radar-admins=admin; domain:example.com=member:checkout; group:sre=coach:platform
 *
 * A rule matches `domain:<email domain>` (exactly, ignoring case) or `group:<group name>` (exactly),
 * and grants a role: `admin` and `head_of_engineering` need nothing more, `coach` names an org unit
 * by its slug, `team_lead` and `member` name a team by its slug.
 */
import { ROLES, type Role } from "./policy";

export type SsoRoleMatch = { kind: "domain"; domain: string } | { kind: "group"; group: string };

export interface SsoRoleRule {
  match: SsoRoleMatch;
  role: Role;
  /** Org unit slug for a coach, team slug for a team lead or member; null for organisation roles. */
  scopeSlug: string | null;
}

const SCOPED: Record<Role, "none" | "orgUnit" | "team"> = {
  admin: "none",
  head_of_engineering: "none",
  coach: "orgUnit",
  team_lead: "team",
  member: "team",
};

/** What a rule's scope slug names, for looking it up. */
export function ruleScope(role: Role): "none" | "orgUnit" | "team" {
  return SCOPED[role];
}

export type ParsedRoleMapping = { ok: true; rules: SsoRoleRule[] } | { ok: false; problem: string };

function parseRule(text: string): SsoRoleRule | string {
  const equals = text.indexOf("=");
  if (equals < 0) return `"${text}" has no "=": write <domain:… or group:…>=<role>`;
  const left = text.slice(0, equals).trim();
  const right = text.slice(equals + 1).trim();
  const colon = left.indexOf(":");
  const kind = colon < 0 ? "" : left.slice(0, colon).trim().toLowerCase();
  const value = colon < 0 ? "" : left.slice(colon + 1).trim();
  if ((kind !== "domain" && kind !== "group") || value === "") {
    return `"${text}" must start with domain:<email domain> or group:<group name>`;
  }
  const [roleText = "", scopeText, ...extra] = right.split(":").map((part) => part.trim());
  const role = ROLES.find((known) => known === roleText);
  if (!role) return `"${text}" names the role "${roleText}"; expected one of ${ROLES.join(", ")}`;
  const scope = SCOPED[role];
  if (extra.length > 0) return `"${text}" has more than one ":" after the role`;
  if (scope === "none" && scopeText !== undefined)
    return `"${text}": ${role} applies to the whole organisation, so it takes no slug`;
  if (scope !== "none" && !scopeText) {
    return `"${text}": ${role} needs the slug of ${scope === "team" ? "a team" : "an org unit"}, e.g. ${role}:${scope === "team" ? "checkout" : "payments"}`;
  }
  const match: SsoRoleMatch =
    kind === "domain"
      ? { kind: "domain", domain: value.toLowerCase().replace(/^@/, "") }
      : { kind: "group", group: value };
  return { match, role, scopeSlug: scope === "none" ? null : scopeText!.toLowerCase() };
}

/** Parses the rules; the first malformed one is reported with what was expected. */
export function parseSsoRoleMapping(text: string): ParsedRoleMapping {
  const rules: SsoRoleRule[] = [];
  for (const part of text.split(";")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const rule = parseRule(trimmed);
    if (typeof rule === "string") return { ok: false, problem: rule };
    rules.push(rule);
  }
  return { ok: true, rules };
}

/** The domain of an email address, lower-case ("" when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0
    ? ""
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** The rules that apply to a person, each once, in the order they were written. */
export function matchingSsoRules(
  rules: readonly SsoRoleRule[],
  person: { email: string; groups: readonly string[] },
): SsoRoleRule[] {
  const domain = emailDomain(person.email);
  const groups = new Set(person.groups);
  const seen = new Set<string>();
  return rules.filter((rule) => {
    const applies =
      rule.match.kind === "domain" ? rule.match.domain === domain : groups.has(rule.match.group);
    const key = `${rule.role}|${rule.scopeSlug ?? ""}`;
    if (!applies || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads a groups claim: a list of strings, or one string; anything else counts as no groups. */
export function groupsFromClaim(claim: unknown): string[] {
  if (typeof claim === "string") return claim === "" ? [] : [claim];
  if (Array.isArray(claim)) return claim.filter((item): item is string => typeof item === "string");
  return [];
}
