import { z } from "zod";

/**
 * Every setting Filet reads from the environment. Parsed once at start; a wrong value stops
 * the process with a message naming the variable and the form it expects.
 */
const booleanFlag = z
  .enum(["0", "1", "true", "false"], { message: 'expected "0", "1", "true" or "false"' })
  .transform((v) => v === "1" || v === "true");

export const configSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], {
      message: 'expected "development", "production" or "test"',
    })
    .default("development"),
  PORT: z.coerce
    .number({ message: "expected a port number" })
    .int("expected a whole number")
    .min(0, "expected 0–65535")
    .max(65535, "expected 0–65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// connection URL")
    .optional(),
  FILET_DATA_DIR: z.string().min(1).default("./data"),
  FILET_DEMO: booleanFlag.optional(),
  FILET_SECRET_KEY: z
    .string()
    .min(32, "expected at least 32 characters (e.g. `openssl rand -base64 32`)")
    .optional(),
  FILET_PUBLIC_URL: z.url({ message: "expected an absolute URL such as https://filet.example.org" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "expected an smtp:// or smtps:// URL such as smtp://user:pass@host:587")
    .optional(),
  FILET_MAIL_FROM: z.string().min(3).default("Filet <no-reply@filet.test>"),
  FILET_TRUST_PROXY: booleanFlag.default(false),
  FILET_JOBS: booleanFlag.default(true),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  isProduction: boolean;
  publicUrl: string;
  /** "pglite" when no DATABASE_URL is set: the embedded database in FILET_DATA_DIR. */
  databaseKind: "pglite" | "postgres";
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset": shells and .env files often leave them behind.
  // FILET_ENV carries the operator's NODE_ENV when bin/filet.js sets NODE_ENV=production for
  // React's production build: the posture follows what the operator asked for.
  const source: Record<string, string | undefined> = { ...env, NODE_ENV: env.FILET_ENV || env.NODE_ENV };
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, source[key] === "" ? undefined : source[key]]),
  );
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const value = source[name];
        return `${name}=${value === undefined ? "(unset)" : JSON.stringify(value)}: ${issue.message}`;
      }),
    );
  }
  const raw = result.data;
  const problems: string[] = [];
  if (raw.NODE_ENV === "production" && !raw.FILET_SECRET_KEY) {
    problems.push("FILET_SECRET_KEY=(unset): required when NODE_ENV=production (at least 32 characters)");
  }
  if (problems.length) throw new ConfigError(problems);
  return {
    ...raw,
    isProduction: raw.NODE_ENV === "production",
    publicUrl: (raw.FILET_PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ""),
    databaseKind: raw.DATABASE_URL ? "postgres" : "pglite",
  };
}
