export { TicketView } from "./components/ticket-view";
export { TicketNotFound, TicketSkeleton } from "./components/ticket-states";
export { changeTicketOnDemand, preloadTicketUpdate } from "./client/ticket-update-on-demand";
export { ServerClock } from "./client/clock";
export { assignableUsersQuery } from "./client/queries";
