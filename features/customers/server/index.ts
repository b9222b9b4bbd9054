import "server-only";
export { findCustomers } from "./find-customers";
