import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { API_ROUTES, apiUrl, type ApiRouteName } from "@/lib/domain/api-routes";
import { apiContract, InboxListRequest } from "@/lib/domain/contract/routes";
import { parseInboxQuery } from "@/lib/domain/inbox-query";

describe("the route table", () => {
  it.each(Object.keys(API_ROUTES) as ApiRouteName[])("%s has a handler at its path, built from its own contract entry", (name) => {
    const file = path.join(process.cwd(), "app", API_ROUTES[name], "route.ts");
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toContain(`agentRoute(apiContract.${name},`);
    expect(apiContract[name].path).toBe(API_ROUTES[name]);
  });

  it("builds URLs with every segment encoded and empty search values left out", () => {
    expect(apiUrl("messageBody", { account: "acme", ticketId: 12, messageId: 7 }, { theme: "dark", images: undefined })).toBe(
      "/api/acme/tickets/12/messages/7/body?theme=dark",
    );
    expect(apiUrl("ticket", { account: "a/b", ticketId: "1?x=2" })).toBe("/api/a%2Fb/tickets/1%3Fx%3D2");
    expect(apiUrl("customers", { account: "acme" }, { q: "jane doe & co" })).toBe("/api/acme/customers?q=jane+doe+%26+co");
  });
});

describe("the list route reads the inbox fields as the browser does", () => {
  const value = fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom("updated:asc", "created:desc", " 12 ", "0", "1e3", "", "x".repeat(201)));
  const params = fc.record({ view: value, q: value, customer: value, order: value }, { requiredKeys: [] });

  it("accepts exactly what parseInboxQuery accepts, with the same values", () => {
    fc.assert(
      fc.property(params, (p) => {
        const browser = parseInboxQuery(p);
        const route = InboxListRequest.safeParse(p);
        expect(route.success).toBe(browser.ok);
        if (route.success && browser.ok) {
          const { view, q, customer, order } = route.data;
          expect({ view, q, customer, order }).toEqual(browser.value);
        }
      }),
      { numRuns: 500 },
    );
  });
});
