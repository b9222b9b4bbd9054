import "server-only";
export { findCustomers } from "./find-customers";
export { loadCustomerTickets } from "./customer-tickets";
export { loadCustomerProfile } from "./customer-profile";
