import "server-only";
export { assistantTokensOf } from "./tokens";
export { handleMcpRequest } from "./http";
