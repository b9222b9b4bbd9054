import { defineConfig } from "drizzle-kit";

// Generation needs no database: `npx drizzle-kit generate` diffs the schema against drizzle/meta.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
  strict: true,
});
