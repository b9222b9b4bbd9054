export { TicketView } from "./components/ticket-view";
export { TicketNotFound, TicketSkeleton } from "./components/ticket-states";
export { useTicketUpdate } from "./client/ticket-update";
