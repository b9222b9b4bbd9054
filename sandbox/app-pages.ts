import type { AccountStore } from "./store/account-store.js";

// Stand-ins for pages of Gorgias's own web app (`https://{domain}.gorgias.com/app/…`), so a link
// the Desk builds to "open in Gorgias" leads somewhere in the sandbox too. Only the customer page.

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The HTML of `/{domain}/app/customer/{id}`, or null when there is no such customer. */
export function appPage(store: AccountStore, rest: readonly string[]): string | null {
  if (rest[0] !== "customer" || rest.length !== 2) return null;
  const customer = store.data.customers.get(Number(rest[1]));
  if (!customer) return null;
  const name = escapeHtml(customer.name || customer.email || `Customer #${customer.id}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name} · Gorgias sandbox</title></head><body><h1>${name}</h1><p>Customer #${customer.id} of ${escapeHtml(store.profile.companyName)}, as Gorgias's own app would show them.</p></body></html>`;
}
