import "server-only";
export { liveBus } from "./bus";
export { liveDesk } from "./desk";
export { liveStream } from "./stream";
