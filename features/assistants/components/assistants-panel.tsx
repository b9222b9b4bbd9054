import type { AssistantTokenView } from "@/lib/domain/assistant";
import { TokenForm } from "./token-form";
import { TokenList } from "./token-list";

export interface AssistantsPanelProps {
  readonly tokens: readonly AssistantTokenView[];
  /** Where MCP clients connect, e.g. `https://desk.acme.com/api/mcp`. */
  readonly endpoint: string;
  readonly readOnlyRole: boolean;
  readonly now: Date;
}

/** The settings page for assistants: how to connect, a new token, the agent's tokens and their calls. */
export function AssistantsPanel({ tokens, endpoint, readOnlyRole, now }: AssistantsPanelProps) {
  return (
    <section aria-labelledby="assistants-title" className="mx-auto flex w-full max-w-3xl flex-col gap-5 overflow-y-auto p-6">
      <div>
        <h1 id="assistants-title" className="text-lg font-semibold">
          Assistants
        </h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Let an AI assistant (an MCP client such as Claude or Cursor) work on tickets as you, with your Gorgias role. It writes internal notes unless a token may e-mail, and
          each e-mail it sends is previewed and confirmed in a second call. Everything it does is in the audit log, listed under its token below.
        </p>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="font-medium">Endpoint</dt>
          <dd>
            <code className="font-mono text-xs" data-testid="mcp-endpoint">
              {endpoint}
            </code>{" "}
            <span className="text-xs text-zinc-500">(Streamable HTTP)</span>
          </dd>
          <dt className="font-medium">Header</dt>
          <dd>
            <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>
          </dd>
        </dl>
      </div>
      <TokenForm readOnlyRole={readOnlyRole} />
      <div>
        <h2 className="text-sm font-semibold">Your tokens</h2>
        <TokenList tokens={tokens} now={now} />
      </div>
    </section>
  );
}
