import "server-only";
export { loadMessageBody, loadTicketThread, ThreadQuery, TicketIdParam } from "./ticket-thread";
