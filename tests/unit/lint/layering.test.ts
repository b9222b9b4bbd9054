import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layering table of shared/architecture.md is enforced by ESLint; these cases prove each zone
// fires (and that allowed imports stay allowed) without writing files into the tree.
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "import/no-restricted-paths" || m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

const forbidden: Array<[string, string]> = [
  ["components/tickets/x.tsx", `import { createGorgiasClient } from "@/lib/gorgias/client";`],
  ["components/tickets/x.tsx", `import { getDb } from "@/lib/db";`],
  ["components/tickets/x.tsx", `import { serverEnv } from "@/lib/env";`],
  ["components/ui/x.tsx", `import type { Ticket } from "@/lib/domain/ticket";`],
  ["lib/queries/x.ts", `import { createGorgiasClient } from "@/lib/gorgias/client";`],
  ["lib/gorgias/x.ts", `import { currentAgent } from "@/lib/auth/session";`],
  ["lib/gorgias/x.ts", `import { redirect } from "next/navigation";`],
  ["lib/domain/x.ts", `import { readFileSync } from "node:fs";`],
  ["lib/domain/x.ts", `import { createGorgiasClient } from "@/lib/gorgias/client";`],
  ["lib/actions/x.ts", `import { Button } from "@/components/ui/button";`],
  ["sandbox/x.ts", `import { toUtcIso } from "@/lib/domain/datetime";`],
  ["sandbox/x.ts", `import { something } from "../lib/domain/datetime";`],
];

const allowed: Array<[string, string]> = [
  ["components/tickets/x.tsx", `import { Button } from "@/components/ui/button";`],
  ["components/tickets/x.tsx", `import type { Ticket } from "@/lib/domain/ticket";`],
  ["components/ui/x.tsx", `import { cx } from "@/lib/utils";`],
  ["lib/actions/x.ts", `import { createGorgiasClient } from "@/lib/gorgias/client";`],
  ["lib/gorgias/x.ts", `import type { Ticket } from "@/lib/domain/ticket";`],
];

describe("layering lint", () => {
  // Loading the config and the TypeScript parser takes seconds on a busy machine: do it once.
  beforeAll(async () => {
    await layeringErrors("lib/domain/warm-up.ts", "export {};\n");
  }, 120_000);

  it.each(forbidden)("refuses %s: %s", async (file, code) => {
    expect(await layeringErrors(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });
  it.each(allowed)("allows %s: %s", async (file, code) => {
    expect(await layeringErrors(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
