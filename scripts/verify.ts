// `npm run verify`: checks GORGIAS_USERNAME / GORGIAS_API_KEY / GORGIAS_ACCOUNT_DOMAIN against Gorgias.
import { existsSync } from "node:fs";
import { verifyAccess } from "./verify-access";

if (existsSync(".env")) process.loadEnvFile(".env");
const report = await verifyAccess(process.env);
for (const line of report.lines) (report.ok ? console.log : console.error)(line);
process.exitCode = report.ok ? 0 : 1;
