import "server-only";
export { loadMessageBody, loadTicketThread } from "./ticket-thread";
export { changeTicketTags, updateTicketFields, type UpdateContext } from "./update-ticket";
export { threadRecords } from "./assistant-records";
export { pageTicketThread, isMissingTicketPath, serverEmailTheme } from "./page-thread";
