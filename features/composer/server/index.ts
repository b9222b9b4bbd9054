import "server-only";
// The exactly-once pipeline is shared with new tickets (features/new-ticket/server/create-ticket.ts)
// and assistants (features/assistants/server).
export { ticketDrafts } from "./drafts";
export { replyFromOf } from "./send/reply-from";
export { uploadAttachment } from "./upload";
export { accountEmailSenders, replySubject } from "./send/derive";
export { runExactlyOnce, type Refusal } from "./send/exactly-once";
export { messageHash, newTicketHash, operationHash } from "./send/hash";
export { OBSERVER_REFUSAL, sendNote, sendReply } from "./send/messages";
export { resolveContext, type SendContext, type SendPolicy, type SendShare } from "./send/policy";
export { startSendDispatcher } from "./send/process-dispatcher";
