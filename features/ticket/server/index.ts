import "server-only";
export { loadMessageBody, loadTicketThread } from "./ticket-thread";
