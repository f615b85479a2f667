import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { EnvError, mailSettings, oidcSettings, parseEnv, schedulerEnabled } from "@/env";

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, "../../..");

describe("parseEnv", () => {
  it("uses sensible defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/pitfall-radar.db");
    expect(env.DEMO_MODE).toBe(false);
    expect(env.PORT).toBe(3000);
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
  });

  it("reads the number of trusted proxy hops, 0 to 10", () => {
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(
      /TRUSTED_PROXY_HOPS: expected the number of trusted proxies/,
    );
    expect(() => parseEnv({ TRUSTED_PROXY_HOPS: "all" })).toThrow(
      /TRUSTED_PROXY_HOPS: expected the number of trusted proxies/,
    );
  });

  it("reads the number of server processes, 1 to 16, unset by default", () => {
    expect(parseEnv({}).WEB_CONCURRENCY).toBeUndefined();
    expect(parseEnv({ WEB_CONCURRENCY: "2" }).WEB_CONCURRENCY).toBe(2);
    for (const value of ["0", "17", "two", "1.5"]) {
      expect(() => parseEnv({ WEB_CONCURRENCY: value })).toThrow(
        /WEB_CONCURRENCY: expected the number of server processes/,
      );
    }
  });

  it("reads how many requests a server process handles at once, 1 to 256, 8 by default", () => {
    expect(parseEnv({}).REQUESTS_IN_FLIGHT).toBe(8);
    expect(parseEnv({ REQUESTS_IN_FLIGHT: "4" }).REQUESTS_IN_FLIGHT).toBe(4);
    for (const value of ["0", "257", "many", "2.5"]) {
      expect(() => parseEnv({ REQUESTS_IN_FLIGHT: value })).toThrow(
        /REQUESTS_IN_FLIGHT: expected the number of requests a server process handles at once/,
      );
    }
  });

  it("reads the organisation's time zone, UTC by default, and refuses a name it does not know", () => {
    expect(parseEnv({}).ORG_TIME_ZONE).toBe("UTC");
    expect(parseEnv({ ORG_TIME_ZONE: " Europe/Berlin " }).ORG_TIME_ZONE).toBe("Europe/Berlin");
    for (const value of ["Mars/Base", "GMT+25", "Berlin"]) {
      expect(() => parseEnv({ ORG_TIME_ZONE: value })).toThrow(
        /ORG_TIME_ZONE: expected a time zone name like Europe\/Berlin/,
      );
    }
  });

  it("names the variable and what it expects when a value is malformed", () => {
    expect(() => parseEnv({ DATABASE_URL: "nonsense" })).toThrow(EnvError);
    expect(() => parseEnv({ DATABASE_URL: "nonsense" })).toThrow(
      /^Invalid environment variable DATABASE_URL: expected a SQLite file URL/,
    );
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT: expected a port number/);
    expect(() => parseEnv({ DEMO_MODE: "yes" })).toThrow(/DEMO_MODE: expected true or false/);
  });

  it("treats an empty value as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBe("file:./data/pitfall-radar.db");
  });
});

describe("single sign-on settings", () => {
  const sso = {
    OIDC_ISSUER: "https://login.example.com/realms/staff/",
    OIDC_CLIENT_ID: "pitfall-radar",
    OIDC_CLIENT_SECRET: "s3cret",
  };

  it("is off unless the issuer, client id and secret are all set", () => {
    expect(oidcSettings(parseEnv({}))).toBeNull();
    const settings = oidcSettings(parseEnv({ ...sso, OIDC_ROLE_MAPPING: "group:radar-admins=admin" }));
    expect(settings).toMatchObject({
      issuer: "https://login.example.com/realms/staff",
      displayName: "single sign-on",
      only: false,
      groupsClaim: "groups",
      scopes: ["openid", "email", "profile"],
      roleMapping: [{ match: { kind: "group", group: "radar-admins" }, role: "admin", scopeSlug: null }],
    });
  });

  it("names each missing part, and refuses SSO-only mode without single sign-on", () => {
    expect(() => parseEnv({ OIDC_ISSUER: sso.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; OIDC_CLIENT_ID is missing\nInvalid environment variable OIDC_CLIENT_SECRET/,
    );
    expect(() => parseEnv({ OIDC_ONLY: "true" })).toThrow(/OIDC_ONLY: single sign-on only needs OIDC_ISSUER/);
    expect(() => parseEnv({ ...sso, OIDC_ISSUER: "login.example.com" })).toThrow(
      /OIDC_ISSUER: expected the identity provider's issuer URL/,
    );
    expect(() => parseEnv({ ...sso, OIDC_ROLE_MAPPING: "group:x=boss" })).toThrow(
      /OIDC_ROLE_MAPPING: expected rules like group:radar-admins=admin; "group:x=boss" names the role "boss"/,
    );
  });
});

describe("email settings", () => {
  it("is off unless an SMTP server and a sender are set", () => {
    expect(mailSettings(parseEnv({}))).toBeNull();
    expect(
      mailSettings(parseEnv({ SMTP_URL: "smtp://relay:25", MAIL_FROM: "Pitfall Radar <radar@example.com>" })),
    ).toEqual({
      transport: { url: "smtp://relay:25" },
      from: "Pitfall Radar <radar@example.com>",
      reminderDays: [7, 1],
    });
    expect(
      mailSettings(
        parseEnv({
          SMTP_HOST: "smtp.example.com",
          SMTP_PORT: "465",
          SMTP_USER: "radar",
          SMTP_PASSWORD: "pw",
          MAIL_FROM: "radar@example.com",
        }),
      )?.transport,
    ).toEqual({ host: "smtp.example.com", port: 465, secure: true, auth: { user: "radar", pass: "pw" } });
  });

  it("reads the reminder days, largest first", () => {
    expect(parseEnv({ NOTIFY_REMINDER_DAYS: "1, 14,7,7" }).NOTIFY_REMINDER_DAYS).toEqual([14, 7, 1]);
    expect(() => parseEnv({ NOTIFY_REMINDER_DAYS: "seven" })).toThrow(
      /NOTIFY_REMINDER_DAYS: expected days before the due date/,
    );
    expect(() => parseEnv({ NOTIFY_REMINDER_DAYS: "7,365" })).toThrow(/NOTIFY_REMINDER_DAYS/);
  });

  it("says what is missing or contradictory", () => {
    expect(() => parseEnv({ SMTP_URL: "smtp://relay:25" })).toThrow(/MAIL_FROM: email needs a sender/);
    expect(() => parseEnv({ SMTP_URL: "http://relay", MAIL_FROM: "radar@example.com" })).toThrow(
      /SMTP_URL: expected smtp:\/\//,
    );
    expect(() =>
      parseEnv({ SMTP_URL: "smtp://relay:25", SMTP_HOST: "relay", MAIL_FROM: "radar@example.com" }),
    ).toThrow(/SMTP_URL: set either SMTP_URL or SMTP_HOST, not both/);
    expect(() => parseEnv({ SMTP_PORT: "25" })).toThrow(/SMTP_PORT: has no effect without SMTP_HOST/);
    expect(() =>
      parseEnv({ SMTP_HOST: "relay", SMTP_USER: "radar", MAIL_FROM: "radar@example.com" }),
    ).toThrow(/SMTP_PASSWORD: is needed with SMTP_USER/);
    expect(() => parseEnv({ SMTP_HOST: "relay", MAIL_FROM: "not an address" })).toThrow(
      /MAIL_FROM: expected an address/,
    );
  });

  it("runs the scheduler when email is set, except under NODE_ENV=test unless asked for", () => {
    const mail = { SMTP_URL: "smtp://relay:25", MAIL_FROM: "radar@example.com" };
    expect(schedulerEnabled(parseEnv({}))).toBe(false);
    expect(schedulerEnabled(parseEnv({ ...mail, NODE_ENV: "production" }))).toBe(true);
    expect(
      schedulerEnabled(parseEnv({ ...mail, NODE_ENV: "production", NOTIFICATIONS_SCHEDULER: "false" })),
    ).toBe(false);
    expect(schedulerEnabled(parseEnv({ ...mail, NODE_ENV: "test" }))).toBe(false);
    expect(schedulerEnabled(parseEnv({ ...mail, NODE_ENV: "test", NOTIFICATIONS_SCHEDULER: "true" }))).toBe(
      true,
    );
  });
});

describe("starting the app with a malformed DATABASE_URL", () => {
  it("prints one clear line and exits non-zero before touching anything", async () => {
    const failure = await run(path.join(repoRoot, "node_modules/.bin/tsx"), ["scripts/start.ts"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "nonsense" },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).not.toBeNull();
    expect(failure!.code).toBe(1);
    const lines = failure!.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      "Invalid environment variable DATABASE_URL: expected a SQLite file URL like file:./data/pitfall-radar.db or a PostgreSQL URL like postgresql://user@host:5432/pitfall_radar",
    );
  });
});
