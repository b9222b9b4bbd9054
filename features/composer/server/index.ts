import "server-only";
// The exactly-once pipeline is shared with new tickets (features/new-ticket/server/create-ticket.ts).
export { ticketDrafts } from "./drafts";
export { accountEmailSenders } from "./send/derive";
export { runExactlyOnce, type Refusal } from "./send/exactly-once";
export { newTicketHash } from "./send/hash";
export { OBSERVER_REFUSAL } from "./send/messages";
export { resolveContext, type SendContext } from "./send/policy";
