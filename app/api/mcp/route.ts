import { handleMcpRequest } from "@/features/assistants/server";

/** The MCP endpoint for assistants (Streamable HTTP, stateless): see features/assistants/server/http.ts. */
export const POST = handleMcpRequest;
