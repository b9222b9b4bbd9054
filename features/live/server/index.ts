import "server-only";
export { liveBus } from "./bus";
export { liveDesk } from "./desk";
export { liveStream } from "./stream";
export { readMessages, readThread } from "./thread-reads";
export type { CachedThread } from "./shared-cache";
export { knownMessages, shareMessage, shareTicket, writeShare } from "./after-write";
export { feedReport } from "./feed-report";
export { presenceHub } from "./presence-hub";
