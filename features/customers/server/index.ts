import "server-only";
export { findCustomers } from "./find-customers";
export { loadCustomerTickets } from "./customer-tickets";
