import { Command, Option } from "commander";
import { CliError } from "./cli-error.ts";

/**
 * `filet` — the one entry point for operators: start the app, migrate, seed the demo, create
 * the first admin, verify the audit chain. Command bodies are imported lazily so `--help`
 * answers at once.
 */
const program = new Command();

program
  .name("filet")
  .description("Filet — platform of a regional partnership against the sexual exploitation of minors")
  .showHelpAfterError()
  .addHelpText(
    "after",
    "\nConfiguration comes from environment variables (PORT, DATABASE_URL, FILET_DATA_DIR, SMTP_URL…): see README.md.",
  );

program
  .command("start")
  .description("start the web server (applies migrations; seeds the demo on a new embedded database)")
  .addOption(new Option("-p, --port <port>", "port to listen on (overrides PORT)"))
  .option("--build-if-missing", "build the application first when build/ is absent")
  .action(async (options: { port?: string; buildIfMissing?: boolean }) => {
    const { startCommand } = await import("./commands.ts");
    await startCommand(options);
  });

program
  .command("migrate")
  .description("apply the database migrations to the configured database, then exit")
  .action(async () => {
    const { migrateCommand } = await import("./commands.ts");
    await migrateCommand();
  });

program
  .command("seed-demo")
  .description("add the demo data (Tables, organizations, fictional people, demo accounts) to an empty database")
  .action(async () => {
    const { seedDemoCommand } = await import("./commands.ts");
    await seedDemoCommand();
  });

program
  .command("create-admin")
  .description("create a platform administrator (password from FILET_ADMIN_PASSWORD, or asked twice)")
  .requiredOption("--email <email>", "email address, used to sign in")
  .requiredOption("--given-name <name>", "given name")
  .requiredOption("--family-name <name>", "family name")
  .action(async (options: { email: string; givenName: string; familyName: string }) => {
    const { createAdminCommand } = await import("./create-admin.ts");
    await createAdminCommand(options);
  });

program
  .command("audit-verify")
  .description("check the hash chain of the audit journal and name every broken event")
  .action(async () => {
    const { auditVerifyCommand } = await import("./commands.ts");
    await auditVerifyCommand();
  });

program
  .command("pii-check")
  .description("read text on stdin and print, as a JSON array, the details that could identify a youth or family")
  .action(async () => {
    const { piiCheckCommand } = await import("./pii-check.ts");
    await piiCheckCommand();
  });

function explain(error: unknown): { message: string; code: number } {
  if (error instanceof CliError) return { message: error.message, code: error.exitCode };
  if (error instanceof Error) {
    // Errors an operator can act on: their message says what to do, a stack would only hide it.
    if (error.name === "ConfigError" || error.name === "DataDirLockedError") return { message: error.message, code: 1 };
    const detail = process.env.FILET_DEBUG ? `\n${error.stack}` : "";
    return { message: `Error: ${error.message}${detail}`, code: 1 };
  }
  return { message: `Error: ${String(error)}`, code: 1 };
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const { message, code } = explain(error);
  console.error(message);
  process.exit(code);
}
