// `npm run setup:webhooks`: creates (or updates) the Gorgias HTTP integration that pushes ticket
// changes to this Desk, with an admin's key, and verifies it. Needs GORGIAS_ACCOUNT_DOMAIN,
// GORGIAS_USERNAME and GORGIAS_API_KEY (an admin's), DESK_PUBLIC_URL (where Gorgias reaches the
// Desk) and the Desk's store (DATABASE_URL, or PGLITE_DIR while the Desk is stopped).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { z } from "zod";
import { openStore } from "@/lib/db";
import { createGorgiasClient } from "@/lib/gorgias/client";
import { setupLiveFeedWebhook } from "@/features/live/server/webhook-setup";

if (existsSync(".env")) process.loadEnvFile(".env");

const required = (hint: string) => z.string({ error: hint }).min(1, hint);

const Env = z.object({
  GORGIAS_ACCOUNT_DOMAIN: required("is not set (your subdomain: acme for acme.gorgias.com)"),
  GORGIAS_USERNAME: required("is not set (an admin's email: only admins may create integrations)"),
  GORGIAS_API_KEY: required("is not set (that admin's API key)"),
  GORGIAS_API_URL: z.string().optional(),
  DESK_PUBLIC_URL: z.url({ message: "is not set (the https address Gorgias can reach this Desk at)" }),
  DESK_WEBHOOK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DATABASE_URL: z.string().optional(),
  PGLITE_DIR: z.string().optional(),
});

const env = Env.safeParse(process.env);
if (!env.success) {
  for (const [name, problems] of Object.entries(z.flattenError(env.error).fieldErrors)) console.error(`${name} ${(problems ?? []).join(", ")}`);
  process.exit(1);
}
const e = env.data;
const client = createGorgiasClient({
  baseUrl: e.GORGIAS_API_URL || undefined,
  accountDomain: e.GORGIAS_ACCOUNT_DOMAIN,
  email: e.GORGIAS_USERNAME,
  apiKey: e.GORGIAS_API_KEY,
});
if (!client.ok) {
  console.error(client.error.message);
  process.exit(1);
}
let store;
try {
  store = await openStore({ databaseUrl: e.DATABASE_URL || undefined, pgliteDir: e.PGLITE_DIR || undefined });
} catch (error) {
  console.error(`Could not open the Desk's store (stop the Desk first when it uses PGlite): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
try {
  const secret = e.DESK_WEBHOOK_SECRET ?? randomBytes(32).toString("base64url");
  const result = await setupLiveFeedWebhook({ gorgias: client.value, db: store.db, deskUrl: e.DESK_PUBLIC_URL, secret });
  if (!result.ok) {
    console.error(result.message);
    process.exitCode = 1;
  } else {
    console.log(`${result.action} "${result.integration.name}" (#${result.integration.id}) → ${result.url}`);
    console.log(`triggers: ${result.integration.triggers.join(", ")}; active: ${result.integration.active}`);
    console.log("The secret's hash is in the Desk's store; the secret itself is only in Gorgias.");
  }
} finally {
  await store.close();
}
