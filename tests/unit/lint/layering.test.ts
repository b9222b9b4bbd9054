import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The boundaries of docs/architecture.md are an allow-list enforced by ESLint; these cases prove each
// rule fires (and that the imports the layout relies on stay allowed) without writing files.
const eslint = new ESLint({ cwd: process.cwd() });
const BOUNDARY_RULES = new Set(["boundaries/dependencies", "boundaries/no-unknown-files", "no-restricted-imports"]);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const forbidden: Array<[string, string]> = [
  // Browser code reaches server code only through action modules.
  ["features/composer/components/x.tsx", `import { runExactlyOnce } from "@/features/composer/server/send/exactly-once";`],
  ["features/composer/components/x.tsx", `import { ticketDrafts } from "@/features/composer/server";`],
  ["features/composer/client/x.ts", `import { messageHash } from "@/features/composer/server/send/hash";`],
  ["features/inbox/client/x.ts", `import { sanitizeEmail } from "@/lib/email";`],
  ["features/ticket/components/x.tsx", `import { createGorgiasClient } from "@/lib/gorgias/client";`],
  ["features/ticket/components/x.tsx", `import { getDb } from "@/lib/db";`],
  ["features/ticket/components/x.tsx", `import { serverEnv } from "@/lib/env";`],
  ["features/ticket/components/x.tsx", `import { currentAgent } from "@/lib/auth/session";`],
  ["features/ticket/client/x.ts", `import { agentAction } from "@/lib/server/agent-action";`],
  // Features import each other only through their entries.
  ["features/ticket/components/x.tsx", `import { InboxScreen } from "@/features/inbox/components/inbox-screen";`],
  ["features/new-ticket/server/x.ts", `import { runExactlyOnce } from "@/features/composer/server/send/exactly-once";`],
  ["features/inbox/components/x.tsx", `import { updateTicket } from "@/features/ticket/server/actions";`],
  ["features/inbox/components/x.tsx", `import { loadTicketThread } from "@/features/ticket/server";`],
  // The core imports no feature.
  ["lib/domain/x.ts", `import { sendReply } from "@/features/composer/server/actions";`],
  ["lib/server/x.ts", `import { loadViews } from "@/features/inbox/server";`],
  ["lib/client/x.ts", `import { InboxScreen } from "@/features/inbox";`],
  ["lib/gorgias/x.ts", `import { serverEnv } from "@/lib/env";`],
  ["lib/gorgias/x.ts", `import { appError } from "@/lib/errors";`],
  ["lib/gorgias/x.ts", `import { currentAgent } from "@/lib/auth/session";`],
  ["lib/gorgias/x.ts", `import { redirect } from "next/navigation";`],
  ["lib/db/x.ts", `import { createGorgiasClient } from "@/lib/gorgias";`],
  ["lib/domain/x.ts", `import { readFileSync } from "node:fs";`],
  ["lib/domain/x.ts", `import { createGorgiasClient } from "@/lib/gorgias/client";`],
  ["lib/client/x.ts", `import { getDb } from "@/lib/db";`],
  // The store has one door.
  ["features/ticket/server/x.ts", `import { recordAudit } from "@/lib/db/audit";`],
  ["lib/auth/x.ts", `import { upsertAgent } from "@/lib/db/agents";`],
  // Primitives know nothing about data or features.
  ["components/ui/x.tsx", `import type { Ticket } from "@/lib/domain/ticket";`],
  ["components/ui/x.tsx", `import { useShortcut } from "@/features/shell";`],
  // Routes use feature entries, not their insides.
  ["app/x/page.tsx", `import { InboxScreen } from "@/features/inbox/components/inbox-screen";`],
  ["app/x/page.tsx", `import { loadViews } from "@/features/inbox/server/inbox-list";`],
  // The sandbox is an independent implementation of Gorgias.
  ["sandbox/x.ts", `import { toUtcIso } from "@/lib/domain/datetime";`],
  ["sandbox/x.ts", `import { something } from "../lib/domain/datetime";`],
  ["sandbox/x.ts", `import { InboxScreen } from "../features/inbox";`],
  // A file in no known place is refused, so new folders are placed on purpose.
  ["helpers/x.ts", `import { cx } from "@/lib/utils";`],
];

const allowed: Array<[string, string]> = [
  ["features/ticket/components/x.tsx", `import { Button } from "@/components/ui/button";`],
  ["features/ticket/components/x.tsx", `import type { Ticket } from "@/lib/domain/ticket";`],
  ["features/ticket/components/x.tsx", `import { useTicketUpdate } from "@/features/ticket/client/ticket-update";`],
  ["features/ticket/client/x.ts", `import { updateTicket } from "@/features/ticket/server/actions";`],
  ["features/inbox/components/x.tsx", `import { changeTicketOnDemand } from "@/features/ticket";`],
  ["features/new-ticket/server/x.ts", `import { runExactlyOnce } from "@/features/composer/server";`],
  ["features/composer/server/x.ts", `import { getDb } from "@/lib/db";`],
  ["components/ui/x.tsx", `import { cx } from "@/lib/utils";`],
  ["lib/server/x.ts", `import { createGorgiasClient } from "@/lib/gorgias/client";`],
  ["lib/gorgias/x.ts", `import type { Ticket } from "@/lib/domain/ticket";`],
  ["app/x/page.tsx", `import { InboxScreen } from "@/features/inbox";`],
  ["app/x/page.tsx", `import { loadViews } from "@/features/inbox/server";`],
  ["tests/unit/x.test.ts", `import { runExactlyOnce } from "@/features/composer/server/send/exactly-once";`],
];

describe("boundaries lint", () => {
  // Loading the config and the TypeScript parser takes seconds on a busy machine: do it once.
  beforeAll(async () => {
    await boundaryErrors("lib/domain/warm-up.ts", "");
  }, 120_000);

  it.each(forbidden)("refuses %s: %s", async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });
  it.each(allowed)("allows %s: %s", async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
