// HTTP integrations template their url, headers and body with Jinja-style variables such as
// `{{ticket.id}}` or `{{ticket.customer.email}}`, looked up in the context object
// `{ticket, message, event}`. `{{context}}` is that whole object as JSON. Any other variable that
// is not a string prints the way Gorgias's Python templating prints it (True, None,
// {'id': 1}) — public integrations had to undo exactly that — and an unknown one prints nothing.

const VARIABLE = /\{\{\s*([A-Za-z_]\w*(?:\.\w+|\[\d+\])*)\s*\}\}/g;

export type TemplateContext = Record<string, unknown>;

function lookup(context: TemplateContext, path: string): unknown {
  let value: unknown = context;
  for (const key of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const escaped = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
    return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(", ")}}`;
}

function print(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return pythonRepr(value);
}

export function renderString(template: string, context: TemplateContext): string {
  return template.replace(VARIABLE, (_, path: string) => (path === "context" ? JSON.stringify(context) : print(lookup(context, path))));
}

/** Renders every string inside a form object, keeping its shape. */
export function renderValue(value: unknown, context: TemplateContext): unknown {
  if (typeof value === "string") return renderString(value, context);
  if (Array.isArray(value)) return value.map((v) => renderValue(v, context));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderValue(v, context)]));
  }
  return value;
}
