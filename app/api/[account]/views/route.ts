import { z } from "zod";
import { agentRoute } from "@/lib/server/agent-route";
import { mapResult } from "@/lib/result";
import { loadViews } from "@/features/inbox/server";

/** `GET /api/{account}/views` → `{ items: View[] }`, the views the agent can see. */
export const GET = agentRoute(z.object({}).strict(), async (_query, { gorgias }) =>
  mapResult(await loadViews(gorgias, "read"), (items) => ({ items })),
);
