import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./app/modules/db/schema.ts",
  out: "./migrations",
});
