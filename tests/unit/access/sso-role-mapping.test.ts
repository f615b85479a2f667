import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  emailDomain,
  groupsFromClaim,
  matchingSsoRules,
  parseSsoRoleMapping,
  type SsoRoleRule,
} from "@/domain/access/sso-role-mapping";

function rules(text: string): SsoRoleRule[] {
  const parsed = parseSsoRoleMapping(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.rules;
}

describe("parseSsoRoleMapping", () => {
  it("reads domain and group rules with organisation, unit and team roles", () => {
    expect(
      rules(" group:radar-admins=admin; domain:@Example.COM = member:Checkout ;group:sre=coach:platform;"),
    ).toEqual([
      { match: { kind: "group", group: "radar-admins" }, role: "admin", scopeSlug: null },
      { match: { kind: "domain", domain: "example.com" }, role: "member", scopeSlug: "checkout" },
      { match: { kind: "group", group: "sre" }, role: "coach", scopeSlug: "platform" },
    ]);
    expect(rules("")).toEqual([]);
  });

  it("names what is wrong with a malformed rule", () => {
    const problem = (text: string) => {
      const parsed = parseSsoRoleMapping(text);
      return parsed.ok ? null : parsed.problem;
    };
    expect(problem("group:x")).toMatch(/has no "="/);
    expect(problem("team:x=admin")).toMatch(/must start with domain:<email domain> or group:<group name>/);
    expect(problem("group:=admin")).toMatch(/must start with/);
    expect(problem("group:x=manager")).toMatch(
      /names the role "manager"; expected one of admin, head_of_engineering/,
    );
    expect(problem("group:x=member")).toMatch(/member needs the slug of a team/);
    expect(problem("group:x=coach")).toMatch(/coach needs the slug of an org unit/);
    expect(problem("group:x=admin:everything")).toMatch(/takes no slug/);
    expect(problem("group:x=member:a:b")).toMatch(/more than one ":"/);
  });
});

describe("matchingSsoRules", () => {
  const mapping = rules(
    "domain:example.com=member:checkout; group:leads=team_lead:checkout; group:admins=admin; group:ops=admin",
  );

  it("matches the email's domain exactly, ignoring case, and groups exactly", () => {
    expect(
      matchingSsoRules(mapping, { email: "Ada@EXAMPLE.com", groups: [] }).map((rule) => rule.role),
    ).toEqual(["member"]);
    expect(matchingSsoRules(mapping, { email: "ada@sub.example.com", groups: [] })).toEqual([]);
    expect(matchingSsoRules(mapping, { email: "ada@other.org", groups: ["Admins"] })).toEqual([]);
    expect(
      matchingSsoRules(mapping, { email: "ada@other.org", groups: ["leads"] }).map((rule) => rule.role),
    ).toEqual(["team_lead"]);
  });

  it("gives each role and scope once, whichever rules lead to it", () => {
    expect(matchingSsoRules(mapping, { email: "ada@other.org", groups: ["admins", "ops"] })).toHaveLength(1);
  });

  it("never gives a role that no rule's match applies to", () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.array(fc.string()), (email, groups) => {
        for (const rule of matchingSsoRules(mapping, { email, groups })) {
          const applies =
            rule.match.kind === "domain"
              ? emailDomain(email) === rule.match.domain
              : groups.includes(rule.match.group);
          expect(applies).toBe(true);
        }
      }),
    );
  });
});

describe("groupsFromClaim", () => {
  it("reads a list of strings or one string, and nothing else", () => {
    expect(groupsFromClaim(["a", 3, "b"])).toEqual(["a", "b"]);
    expect(groupsFromClaim("a")).toEqual(["a"]);
    expect(groupsFromClaim(undefined)).toEqual([]);
    expect(groupsFromClaim({ a: 1 })).toEqual([]);
  });
});
