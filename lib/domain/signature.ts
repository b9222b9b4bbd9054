/**
 * E-mail signatures (docs/safety.md#signature). Gorgias keeps one per e-mail integration in
 * `meta.signature.{text,html}`, as a template with agent variables (`{{current_user.first_name}}`),
 * and fills it in in its own composer; the API does not sign what it is given. The Desk renders it
 * for the agent who sends, and the server appends it to e-mail replies, once.
 */

/** An integration's signature template, as Gorgias stores it. */
export interface Signature {
  readonly text: string;
  readonly html: string | null;
}

/** The signature filled in for one agent. `html` is null when the integration has only text. */
export interface RenderedSignature {
  readonly text: string;
  readonly html: string | null;
}

export interface SignatureAgent {
  readonly name: string;
  readonly email: string;
}

// Same token shape as macro templates; bounded so a hostile template cannot make the regex crawl.
const VARIABLE = /\{\{([^{}]{1,300}?)\}\}/g;
const DEFAULT_FILTER = /^default\(\s*(?:"([^"]*)"|'([^']*)')\s*\)$/;

const escapeHtml = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function agentValues(agent: SignatureAgent): Readonly<Record<string, string>> {
  const name = agent.name.trim();
  const words = name.includes("@") ? [] : name.split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  const last = words.slice(1).join(" ");
  return {
    "current_user.first_name": first,
    "current_user.firstname": first,
    "current_user.last_name": last,
    "current_user.lastname": last,
    "current_user.name": name,
    "current_user.email": agent.email,
  };
}

/**
 * Fills the template's variables; an unknown or empty one becomes blank, as in Gorgias (a signature
 * is not the agent's text to fix). Values are escaped for the HTML version and never expanded again.
 */
function fill(template: string, values: Readonly<Record<string, string>>, escape: (t: string) => string): string {
  return template.replace(VARIABLE, (_token, inner: string) => {
    const [rawPath = "", ...filters] = inner.split("|");
    const value = values[rawPath.replace(/\s+/g, "")] ?? "";
    if (value.trim()) return escape(value);
    for (const f of filters) {
      const m = DEFAULT_FILTER.exec(f.trim());
      if (m) return escape(m[1] ?? m[2] ?? "");
    }
    return "";
  });
}

/** Lines that carry text, each with its whitespace collapsed: what "the same signature" compares. */
const meaningfulLines = (text: string): string[] =>
  text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);

/** The signature for this agent, or null when it has nothing to say (no template, or only blanks). */
export function renderSignature(signature: Signature | null | undefined, agent: SignatureAgent): RenderedSignature | null {
  if (!signature) return null;
  const values = agentValues(agent);
  const text = fill(signature.text, values, (t) => t)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
  if (meaningfulLines(text).length === 0) return null;
  const html = signature.html?.trim() ? fill(signature.html, values, escapeHtml) : null;
  return { text, html };
}

/**
 * The body already ends with the signature (a macro's sign-off, or the agent pasted it): its last
 * lines with text are the signature's, whatever the blank lines and spacing between them.
 */
export function endsWithSignature(bodyText: string, signatureText: string): boolean {
  const sig = meaningfulLines(signatureText);
  if (sig.length === 0) return true;
  const body = meaningfulLines(bodyText);
  if (body.length < sig.length) return false;
  const tail = body.slice(body.length - sig.length);
  return tail.every((line, i) => line === sig[i]);
}

/** The text to send: the body, then the signature after a blank line, unless it already ends with it. */
export function signedText(bodyText: string, signature: RenderedSignature | null): string {
  if (!signature || endsWithSignature(bodyText, signature.text)) return bodyText;
  return `${bodyText.trimEnd()}\n\n${signature.text}`;
}
