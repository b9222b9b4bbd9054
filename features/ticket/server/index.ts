import "server-only";
export { loadCustomerTickets, loadMessageBody, loadTicketThread, ThreadQuery, TicketIdParam } from "./ticket-thread";
