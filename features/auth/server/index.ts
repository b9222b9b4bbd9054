import "server-only";
export { listDemoAgents } from "./demo-agents";
