import type { BulkEvent, BulkRequestBody } from "@/lib/domain/bulk";

const EVENT_TYPES = new Set(["start", "row", "job", "end", "error"]);
const isEvent = (v: unknown): v is BulkEvent => typeof v === "object" && v !== null && EVENT_TYPES.has((v as { type?: unknown }).type as string);

/**
 * Sends a bulk change to our route and hands each line of its answer to `onEvent` as it arrives
 * (features/inbox/server/bulk-route.ts). Not parsed again here beyond its shape: the route wrote
 * it from the same types. A refusal before the stream starts, or a cut connection, is an `error` event.
 */
export async function postBulk(account: string, body: BulkRequestBody, onEvent: (event: BulkEvent) => void): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(account)}/bulk`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), cache: "no-store" });
  } catch {
    return onEvent({ type: "error", message: "Could not reach Gorgias Desk. Check your connection." });
  }
  if (!response.ok || !response.body) {
    const answer: unknown = await response.json().catch(() => null);
    const error = typeof answer === "object" && answer !== null ? (answer as { error?: { message?: unknown; requestId?: unknown } }).error : undefined;
    const message = typeof error?.message === "string" ? error.message : `Unexpected answer (${response.status}).`;
    return onEvent({ type: "error", message, ...(typeof error?.requestId === "string" ? { requestId: error.requestId } : {}) });
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  let ended = false;
  const take = (line: string) => {
    if (line.trim() === "") return;
    try {
      const event: unknown = JSON.parse(line);
      if (!isEvent(event)) return;
      if (event.type === "end" || event.type === "error") ended = true;
      onEvent(event);
    } catch {
      // A line cut by a dropped connection: the end-of-stream check below reports it.
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      lines.forEach(take);
    }
    take(buffered);
  } catch {
    // Handled below: the change may have gone on on the server.
  }
  if (!ended) onEvent({ type: "error", message: "The connection dropped before the change finished. Reload to see where it stands." });
}
