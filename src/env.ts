/**
 * The only reader of environment variables. Everything else imports `env` from here, so a missing
 * or malformed value is reported once, at start-up, with the variable's name and what it expects.
 */
import { z } from "zod";
import { parseSsoRoleMapping } from "./domain/access/sso-role-mapping";
import { isKnownTimeZone } from "./domain/time-zone";

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: "expected true or false" })
  .transform((value) => value === "true" || value === "1");

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^file:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value),
    "expected a SQLite file URL like file:./data/pitfall-radar.db or a PostgreSQL URL like postgresql://user@host:5432/pitfall_radar",
  );

const minutes = (what: string, max: number) =>
  z.coerce
    .number({ message: `expected ${what}, a whole number of minutes from 1 to ${max}` })
    .int(`expected ${what}, a whole number of minutes from 1 to ${max}`)
    .min(1, `expected ${what}, a whole number of minutes from 1 to ${max}`)
    .max(max, `expected ${what}, a whole number of minutes from 1 to ${max}`);

const REMINDER_DAYS_MESSAGE =
  "expected days before the due date, separated by commas, like 7,1 (each from 0 to 90)";

/** A single address, or a name and an address: `Pitfall Radar <radar@example.com>`. */
const MAIL_FROM_PATTERN =
  /^(?:[^<>@]*<\s*[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

const fields = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], { message: "expected development, production or test" })
    .default("development"),
  DATABASE_URL: databaseUrl.default("file:./data/pitfall-radar.db"),
  PORT: z.coerce
    .number({ message: "expected a port number between 1 and 65535" })
    .int("expected a port number between 1 and 65535")
    .min(1, "expected a port number between 1 and 65535")
    .max(65535, "expected a port number between 1 and 65535")
    .default(3000),
  /**
   * How many server processes `npm start` runs on one machine, sharing the port and the database.
   * Unset: one per available core, at most 4.
   */
  WEB_CONCURRENCY: z.coerce
    .number({ message: "expected the number of server processes, 1 to 16" })
    .int("expected the number of server processes, 1 to 16")
    .min(1, "expected the number of server processes, 1 to 16")
    .max(16, "expected the number of server processes, 1 to 16")
    .optional(),
  /**
   * How many requests each server process works on at once; later ones wait their turn. Bounds
   * each process's memory under load without costing throughput (rendering is CPU work).
   */
  REQUESTS_IN_FLIGHT: z.coerce
    .number({ message: "expected the number of requests a server process handles at once, 1 to 256" })
    .int("expected the number of requests a server process handles at once, 1 to 256")
    .min(1, "expected the number of requests a server process handles at once, 1 to 256")
    .max(256, "expected the number of requests a server process handles at once, 1 to 256")
    .default(8),
  /**
   * How many people must answer a pulse question before its counts are shown or scored. Never
   * below 4: anyone who answered knows their own answer, so a smaller group would leave them fewer
   * than three others to be told apart from.
   */
  PULSE_MIN_ANSWERS: z.coerce
    .number({ message: "expected a whole number of people, at least 4" })
    .int("expected a whole number of people, at least 4")
    .min(
      4,
      "expected a whole number of people, at least 4 (fewer would let someone who answered tell what the others answered)",
    )
    .max(100, "expected a whole number of people, at most 100")
    .default(4),
  /**
   * The organisation's time zone: which day it is for due dates, reminders and overdue items, and
   * the zone times are shown in. An IANA name such as Europe/Berlin.
   */
  ORG_TIME_ZONE: z
    .string()
    .trim()
    .refine(isKnownTimeZone, "expected a time zone name like Europe/Berlin, America/New_York or UTC")
    .default("UTC"),
  /** Load the demo organisation into an empty database at start-up. */
  DEMO_MODE: booleanFlag.default(false),
  /**
   * Signs session cookies. `npm start` creates one in data/.auth-secret when unset; set it
   * explicitly (the same on every instance) when running several app instances.
   */
  AUTH_SECRET: z.string().min(32, "expected a random string of at least 32 characters").optional(),
  /** A PostgreSQL server on which migration tooling may create and drop scratch databases. */
  POSTGRES_MIGRATIONS_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/.+/,
      "expected a PostgreSQL URL like postgresql://postgres@127.0.0.1:5432/postgres",
    )
    .default("postgresql://postgres@127.0.0.1:5432/postgres"),
  /** Public base URL, used for absolute links and cookie security. */
  /**
   * How many reverse proxies or load balancers in front of the app append to X-Forwarded-For.
   * 0: the app is reached directly and the client's address is the connection's.
   */
  TRUSTED_PROXY_HOPS: z.coerce
    .number({ message: "expected the number of trusted proxies in front of the app, 0 to 10" })
    .int("expected the number of trusted proxies in front of the app, 0 to 10")
    .min(0, "expected the number of trusted proxies in front of the app, 0 to 10")
    .max(10, "expected the number of trusted proxies in front of the app, 0 to 10")
    .default(0),
  APP_URL: z
    .url({ message: "expected an absolute http(s) URL like http://localhost:3000" })
    .default("http://localhost:3000"),

  // Single sign-on through OpenID Connect (off unless the issuer, client id and secret are set).
  /** The identity provider's issuer; its discovery document is `<issuer>/.well-known/openid-configuration`. */
  OIDC_ISSUER: z
    .url({
      message: "expected the identity provider's issuer URL, like https://login.example.com/realms/staff",
    })
    .optional(),
  OIDC_CLIENT_ID: z
    .string()
    .trim()
    .min(1)
    .max(500, "expected a client id of at most 500 characters")
    .optional(),
  OIDC_CLIENT_SECRET: z.string().max(2000, "expected a client secret of at most 2000 characters").optional(),
  /** The words on the sign-in button: "Continue with <OIDC_DISPLAY_NAME>". */
  OIDC_DISPLAY_NAME: z
    .string()
    .trim()
    .max(60, "expected a short name for the sign-in button, at most 60 characters")
    .default("single sign-on"),
  /** Only single sign-on: the password form is hidden and password sign-in refused. */
  OIDC_ONLY: booleanFlag.default(false),
  /**
   * Treat the provider's emails as verified although its tokens do not say so (Microsoft Entra ID
   * sends no email_verified claim). Only for a provider whose emails its own administrators assign.
   */
  OIDC_TRUST_EMAIL: booleanFlag.default(false),
  /** Roles for people created by their first single sign-on; see src/domain/access/sso-role-mapping.ts. */
  OIDC_ROLE_MAPPING: z
    .string()
    .transform((text, context) => {
      const parsed = parseSsoRoleMapping(text);
      if (parsed.ok) return parsed.rules;
      context.addIssue({
        code: "custom",
        message: `expected rules like group:radar-admins=admin; ${parsed.problem}`,
      });
      return z.NEVER;
    })
    .default([]),
  /** The ID token claim that lists the person's groups. */
  OIDC_GROUPS_CLAIM: z
    .string()
    .trim()
    .min(1)
    .max(100, "expected a claim name of at most 100 characters")
    .default("groups"),
  OIDC_SCOPES: z
    .string()
    .trim()
    .regex(
      /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/,
      "expected scopes separated by spaces, like openid email profile",
    )
    .default("openid email profile"),

  // Email over SMTP (off unless SMTP_URL or SMTP_HOST is set).
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^\s]+$/, "expected smtp://user:password@host:587 or smtps://user:password@host:465")
    .refine(
      (value) => URL.canParse(value),
      "expected smtp://user:password@host:587 or smtps://user:password@host:465",
    )
    .optional(),
  SMTP_HOST: z
    .string()
    .trim()
    .regex(/^[^\s/:]+$/, "expected a host name like smtp.example.com, without a scheme or port")
    .optional(),
  SMTP_PORT: z.coerce
    .number({ message: "expected a port number between 1 and 65535" })
    .int("expected a port number between 1 and 65535")
    .min(1, "expected a port number between 1 and 65535")
    .max(65535, "expected a port number between 1 and 65535")
    .optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  /** TLS from the first byte (port 465); otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: booleanFlag.optional(),
  /** The sender of every notification: `radar@example.com` or `Pitfall Radar <radar@example.com>`. */
  MAIL_FROM: z
    .string()
    .trim()
    .regex(
      MAIL_FROM_PATTERN,
      "expected an address like radar@example.com or Pitfall Radar <radar@example.com>",
    )
    .optional(),
  /** How many days before a cycle's due date its leads are reminded, e.g. 7,1. */
  NOTIFY_REMINDER_DAYS: z
    .string()
    .transform((text, context) => {
      const parts = text.split(",").map((part) => part.trim());
      const days = parts.map(Number);
      if (parts.some((part) => !/^\d+$/.test(part)) || days.some((day) => day > 90)) {
        context.addIssue({ code: "custom", message: REMINDER_DAYS_MESSAGE });
        return z.NEVER;
      }
      return [...new Set(days)].sort((a, b) => b - a);
    })
    .default([7, 1]),
  /** Runs the notification scheduler inside the app; on by default, except under NODE_ENV=test. */
  NOTIFICATIONS_SCHEDULER: booleanFlag.optional(),
  /** Minutes between two runs of the notification scheduler. */
  NOTIFICATIONS_INTERVAL_MINUTES: minutes("how often to look for notifications to send", 1440).default(15),
});

/** Settings that only make sense together. */
export const envSchema = fields.superRefine((env, context) => {
  const oidc = {
    OIDC_ISSUER: env.OIDC_ISSUER,
    OIDC_CLIENT_ID: env.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: env.OIDC_CLIENT_SECRET,
  };
  const setOidc = Object.entries(oidc).filter(([, value]) => value !== undefined);
  if (setOidc.length > 0 && setOidc.length < 3) {
    for (const [name, value] of Object.entries(oidc)) {
      if (value === undefined) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: `single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together; ${name} is missing`,
        });
      }
    }
  }
  if (env.OIDC_ONLY && setOidc.length < 3) {
    context.addIssue({
      code: "custom",
      path: ["OIDC_ONLY"],
      message: "single sign-on only needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET set",
    });
  }
  if (env.SMTP_URL && env.SMTP_HOST) {
    context.addIssue({
      code: "custom",
      path: ["SMTP_URL"],
      message: "set either SMTP_URL or SMTP_HOST, not both",
    });
  }
  const smtp = Boolean(env.SMTP_URL || env.SMTP_HOST);
  if (smtp && !env.MAIL_FROM) {
    context.addIssue({
      code: "custom",
      path: ["MAIL_FROM"],
      message: "email needs a sender, like Pitfall Radar <radar@example.com>",
    });
  }
  if (!smtp) {
    for (const name of ["SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_SECURE"] as const) {
      if (env[name] !== undefined) {
        context.addIssue({ code: "custom", path: [name], message: "has no effect without SMTP_HOST" });
      }
    }
  }
  if (env.SMTP_URL) {
    for (const name of ["SMTP_PORT", "SMTP_USER", "SMTP_PASSWORD", "SMTP_SECURE"] as const) {
      if (env[name] !== undefined) {
        context.addIssue({
          code: "custom",
          path: [name],
          message: "goes inside SMTP_URL when SMTP_URL is used; set SMTP_HOST instead",
        });
      }
    }
  }
  if (env.SMTP_USER !== undefined && env.SMTP_PASSWORD === undefined) {
    context.addIssue({ code: "custom", path: ["SMTP_PASSWORD"], message: "is needed with SMTP_USER" });
  }
});

export type Env = z.infer<typeof envSchema>;

/** The single sign-on settings, when single sign-on is configured. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  displayName: string;
  only: boolean;
  /** Emails from this provider count as verified even without an email_verified claim. */
  trustEmail: boolean;
  roleMapping: Env["OIDC_ROLE_MAPPING"];
  groupsClaim: string;
  scopes: string[];
}

export function oidcSettings(env: Env): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET === undefined) return null;
  return {
    issuer: env.OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    displayName: env.OIDC_DISPLAY_NAME,
    only: env.OIDC_ONLY,
    trustEmail: env.OIDC_TRUST_EMAIL,
    roleMapping: env.OIDC_ROLE_MAPPING,
    groupsClaim: env.OIDC_GROUPS_CLAIM,
    scopes: env.OIDC_SCOPES.split(" "),
  };
}

/** The mail settings, when email is configured. */
export interface MailSettings {
  /** An SMTP URL, or the parts of one. */
  transport:
    { url: string } | { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } };
  from: string;
  reminderDays: number[];
}

export function mailSettings(env: Env): MailSettings | null {
  if (!env.MAIL_FROM || !(env.SMTP_URL || env.SMTP_HOST)) return null;
  const port = env.SMTP_PORT ?? 587;
  const transport: MailSettings["transport"] = env.SMTP_URL
    ? { url: env.SMTP_URL }
    : {
        host: env.SMTP_HOST!,
        port,
        secure: env.SMTP_SECURE ?? port === 465,
        ...(env.SMTP_USER !== undefined
          ? { auth: { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? "" } }
          : {}),
      };
  return { transport, from: env.MAIL_FROM, reminderDays: env.NOTIFY_REMINDER_DAYS };
}

/** Whether this process runs the notification scheduler: email configured, and not switched off. */
export function schedulerEnabled(env: Env): boolean {
  return mailSettings(env) !== null && (env.NOTIFICATIONS_SCHEDULER ?? env.NODE_ENV !== "test");
}

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws EnvError with one line per problem, naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset so `FOO=` behaves like a missing variable.
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    return `Invalid environment variable ${name}: ${issue.message}`;
  });
  throw new EnvError(lines.join("\n"));
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For entry points: parse, or print the problem and exit non-zero. */
export function loadEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
