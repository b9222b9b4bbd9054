// `npm run mcp`: the assistants' eight tools over stdio, for one user without the web app, with the
// Desk's rules (internal notes by default; e-mail only with the send scope and a confirmed preview;
// exactly-once writes; every call audited). Configured like `npm run verify`: GORGIAS_USERNAME,
// GORGIAS_API_KEY, GORGIAS_ACCOUNT_DOMAIN (and GORGIAS_API_URL); GORGIAS_MCP_SCOPES (read,write by
// default; add send to let it e-mail). Its store: DATABASE_URL (the Desk's own: then its work is
// labelled there), else PGlite in PGLITE_DIR or .data/mcp-pglite (not the web app's, which that
// process locks). Runs with the react-server condition, so server-only modules load outside Next.
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");
// stdout carries the protocol: everything else printed goes to stderr.
console.log = console.error;
console.info = console.error;
process.env.DESK_LOG_TO_STDERR = "1";
process.env.PGLITE_DIR ||= ".data/mcp-pglite";

const { serveStdio, stdioContext } = await import("@/features/assistants/server/stdio");
const ctx = await stdioContext(process.env);
if (!ctx.ok) {
  console.error(ctx.error);
  process.exit(1);
}
await serveStdio(ctx.value);
console.error(`gorgias-desk mcp: serving ${ctx.value.agent.name} on ${ctx.value.agent.accountDomain} over stdio (scopes: ${ctx.value.scopes.join(", ")})`);
