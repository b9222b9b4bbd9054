import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fillVariable,
  macroContext,
  removeVariable,
  renderMacro,
  templateSegments,
  unfilledVariables,
  variableLabel,
} from "@/lib/domain/macro-template";

const ORDER = "{{ticket.customer.integrations.shopify.orders[0].name}}";
const SEEDED = `Hi {{ticket.customer.firstname}},\n\nYour order ${ORDER} is on its way.\n\n{{current_user.firstname}}`;

const jane = macroContext({
  ticket: { id: 42, subject: "Where is my order?", customer: { name: "Jane Doe", firstname: "Jane", email: "jane@example.com" } },
  agent: { name: "Sam Rivera" },
});

describe("renderMacro", () => {
  it("fills customer and agent variables from the ticket", () => {
    const out = renderMacro(SEEDED, macroContext({
      ticket: { id: 1, subject: null, customer: { firstname: "Jane" } },
      agent: { name: "Sam Rivera" },
      order: { name: "#1042" },
    }));
    expect(out.text).toBe("Hi Jane,\n\nYour order #1042 is on its way.\n\nSam");
    expect(out.missing).toEqual([]);
  });

  it("keeps a variable with no value as a visible token and reports it once", () => {
    const out = renderMacro(`${SEEDED} ${ORDER}`, jane);
    expect(out.text).toContain(ORDER);
    expect(out.text.startsWith("Hi Jane,")).toBe(true);
    expect(out.missing).toEqual(["ticket.customer.integrations.shopify.orders[0].name"]);
  });

  it("treats an empty or blank value as missing, never as a blank like Gorgias does", () => {
    const out = renderMacro("Hi {{ticket.customer.firstname}},", { "ticket.customer.firstname": "  " });
    expect(out).toEqual({ text: "Hi {{ticket.customer.firstname}},", missing: ["ticket.customer.firstname"] });
  });

  it("normalises spacing inside the braces and honours a literal default filter", () => {
    expect(renderMacro("Hi {{ ticket.customer.firstname }}", jane).text).toBe("Hi Jane");
    expect(renderMacro("Hi {{ticket.customer.firstname|default('there')}}", {}).text).toBe("Hi there");
    expect(renderMacro('Hi {{ticket.customer.firstname | default("there") }}', {}).missing).toEqual([]);
  });

  it("derives a first name from the full name but never from an address", () => {
    const fromName = macroContext({ ticket: { id: 1, subject: null, customer: { name: "Ana María López" } }, agent: {} });
    expect(fromName["ticket.customer.firstname"]).toBe("Ana");
    const fromEmail = macroContext({ ticket: { id: 1, subject: null, customer: { name: "jo@example.com" } }, agent: {} });
    expect(fromEmail["ticket.customer.firstname"]).toBeNull();
  });

  it("does not expand a value that itself looks like a variable", () => {
    const out = renderMacro("Hi {{ticket.customer.firstname}}", {
      "ticket.customer.firstname": "{{current_user.email}}",
      "current_user.email": "agent@shop.example",
    });
    expect(out.text).toBe("Hi {{current_user.email}}");
    expect(out.text).not.toContain("agent@shop.example");
  });

  it("ignores inherited keys such as __proto__ or constructor", () => {
    expect(renderMacro("{{constructor}} {{__proto__}}", {}).missing).toEqual(["constructor", "__proto__"]);
  });
});

describe("unfilled variables", () => {
  it("lists what is left and what fill/remove change", () => {
    const text = renderMacro(`${SEEDED} ${ORDER}`, jane).text;
    const path = "ticket.customer.integrations.shopify.orders[0].name";
    expect(unfilledVariables(text)).toEqual([path]);
    expect(unfilledVariables(fillVariable(text, path, "#1"))).toEqual([]);
    expect(fillVariable(text, path, "#1")).toContain("Your order #1 is");
    expect(removeVariable(text, path)).not.toContain("{{");
    expect(variableLabel(path)).toBe("Order number");
    expect(variableLabel("ticket.customer.firstname")).toBe("Customer first name");
    expect(variableLabel("order.gift_note")).toBe("Gift note");
  });
});

describe("properties", () => {
  const pieces = fc.oneof(
    fc.string(),
    fc.constantFrom("{{", "}}", "{", "}", "|", "default('x')", "<script>alert(1)</script>", "<img src=x onerror=1>", "ticket.customer.firstname", "{{ticket.customer.firstname}}", `{{current_user.name|default("x")}}`, "{{}}"),
  );
  const template = fc.array(pieces, { maxLength: 12 }).map((a) => a.join(""));
  const context = fc.dictionary(fc.constantFrom("ticket.customer.firstname", "current_user.name", "x"), fc.option(fc.string(), { nil: null }));

  it("never throws, and its segments always join back to the text", () => {
    fc.assert(
      fc.property(template, context, (t, ctx) => {
        const out = renderMacro(t, ctx);
        expect(templateSegments(out.text).map((s) => s.text).join("")).toBe(out.text);
        for (const path of out.missing) expect(out.text).toContain(`{{${path}}}`);
      }),
    );
  });

  it("never adds markup: every '<' in the output came from the template or a value", () => {
    const safeValue = fc.string().filter((s) => !s.includes("<"));
    fc.assert(
      fc.property(template.filter((t) => !t.includes("<")), fc.dictionary(fc.constantFrom("ticket.customer.firstname", "current_user.name"), safeValue), (t, ctx) => {
        expect(renderMacro(t, ctx).text).not.toContain("<");
      }),
    );
  });

  it("is a fixed point once nothing is missing", () => {
    fc.assert(
      fc.property(template, context, (t, ctx) => {
        const out = renderMacro(t, ctx);
        if (out.missing.length === 0 && unfilledVariables(out.text).length === 0) expect(renderMacro(out.text, {}).text).toBe(out.text);
      }),
    );
  });
});
