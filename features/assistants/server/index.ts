import "server-only";
export { assistantTokensOf } from "./tokens";
