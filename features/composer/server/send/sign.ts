/**
 * The signature of an e-mail reply, added by the server (docs/safety.md#signature): Gorgias does not
 * sign what the API gives it, so the Desk does, from the integration the reply actually leaves from
 * (never from anything the browser says) and for the agent who sends it.
 */
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";
import type { Integration } from "@/lib/domain/integration";
import { endsWithSignature, renderSignature, signedText, type RenderedSignature } from "@/lib/domain/signature";
import { plainTextToHtml } from "@/lib/email";

/** The signature of this integration, filled in for this agent; null when it has none. */
export function signatureFor(integrations: readonly Integration[], integrationId: number | null | undefined, agent: Pick<SignedInAgent, "name" | "email">): RenderedSignature | null {
  const integration = integrations.find((i) => i.id === integrationId);
  return renderSignature(integration?.signature, agent);
}

export interface SignedBody {
  readonly bodyText: string;
  /** Null when nothing was added: Gorgias then builds the HTML from the text, as for any reply. */
  readonly bodyHtml: string | null;
}

/**
 * Body text and HTML with the signature appended once: not when the text already ends with it (a
 * macro's sign-off, or the agent pasted it). The same input always gives the same body, so a retry
 * of one send posts what the first attempt posted.
 */
export function signBody(bodyText: string, signature: RenderedSignature | null): SignedBody {
  if (!signature || endsWithSignature(bodyText, signature.text)) return { bodyText, bodyHtml: null };
  const text = signedText(bodyText, signature);
  // The signature's HTML is the admin's, as Gorgias's own composer inserts it; the agent's text is escaped.
  const html = `${plainTextToHtml(bodyText.trimEnd())}<br><div class="gorgias-signature">${signature.html ?? plainTextToHtml(signature.text)}</div>`;
  return { bodyText: text, bodyHtml: html };
}
