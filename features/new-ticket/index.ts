export { NewTicket } from "./components/new-ticket";
