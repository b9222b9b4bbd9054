import type { Job } from "@/lib/domain/job";
import type { Result } from "@/lib/result";
import type { GorgiasError } from "./errors";
import type { CallOptions, Transport } from "./request";
import { ticketPatchBody, type TicketPatch } from "./tickets";
import { job } from "./wire/job";

/** Which tickets an `updateTicket` job changes: listed ids, or a view's tickets as they are when it runs. */
export type JobSelection = { readonly ticketIds: readonly number[] } | { readonly viewId: number };

/**
 * Gorgias's background jobs (§12 of the reference): one request changes many tickets, which
 * Gorgias applies on its side over time. The updates are absolute values (`TicketPatch`), so
 * a job that ran twice leaves the same tickets; still, a create is never retried.
 */
export function jobsApi(send: Transport) {
  return {
    updateTickets: (selection: JobSelection, patch: TicketPatch, o?: CallOptions): Promise<Result<Job, GorgiasError>> =>
      send(
        {
          method: "POST",
          path: "/jobs",
          body: {
            type: "updateTicket",
            params: { ...("viewId" in selection ? { view_id: selection.viewId } : { ticket_ids: selection.ticketIds }), updates: ticketPatchBody(patch) },
          },
          schema: job,
        },
        o,
      ),
    get: (id: number, o?: CallOptions): Promise<Result<Job, GorgiasError>> => send({ method: "GET", path: `/jobs/${id}`, schema: job }, o),
    /** Stops what has not run yet; what ran stays applied. */
    cancel: (id: number, o?: CallOptions): Promise<Result<void, GorgiasError>> => send<void>({ method: "DELETE", path: `/jobs/${id}`, schema: null }, o),
  };
}
