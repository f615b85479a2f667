/**
 * The only reader of environment variables. Everything else imports `env` from here, so a missing
 * or malformed value is reported once, at start-up, with the variable's name and what it expects.
 */
import { z } from "zod";

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

export const envSchema = z.object({
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
    .regex(/^postgres(ql)?:\/\/.+/, "expected a PostgreSQL URL like postgresql://postgres@127.0.0.1:5432/postgres")
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
  APP_URL: z.url({ message: "expected an absolute http(s) URL like http://localhost:3000" }).default("http://localhost:3000"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws EnvError with one line per problem, naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset so `FOO=` behaves like a missing variable.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
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
