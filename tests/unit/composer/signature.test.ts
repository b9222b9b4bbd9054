import { describe, expect, it, vi } from "vitest";
import { endsWithSignature, renderSignature, signedText } from "@/lib/domain/signature";
import { signatureFor, signBody } from "@/features/composer/server/send/sign";
import type { Integration } from "@/lib/domain/integration";

vi.mock("server-only", () => ({}));

const agent = { name: "Alex Rivera", email: "alex@demo-store.example" };
const northpeak = { text: "{{current_user.first_name}}\nNorthpeak Outfitters Customer Care", html: "<div>{{current_user.first_name}}</div><div>Northpeak Outfitters Customer Care</div>" };

describe("renderSignature", () => {
  it("fills the agent variables in text and HTML, Gorgias's and the macros' spellings alike", () => {
    const r = renderSignature({ text: "{{ current_user.first_name }} {{current_user.lastname}} <{{current_user.email}}>\n{{current_user.name}}", html: "<b>{{current_user.firstname}}</b>" }, agent);
    expect(r).toEqual({ text: "Alex Rivera <alex@demo-store.example>\nAlex Rivera", html: "<b>Alex</b>" });
  });

  it("escapes values in the HTML and never expands a value again", () => {
    const r = renderSignature({ text: "{{current_user.name}}", html: "<p>{{current_user.name}}</p>" }, { name: "<img src=x onerror=alert(1)> {{current_user.email}}", email: "e@x.example" });
    expect(r?.html).toBe("<p>&lt;img src=x onerror=alert(1)&gt; {{current_user.email}}</p>");
    expect(r?.text).toBe("<img src=x onerror=alert(1)> {{current_user.email}}");
  });

  it("blanks unknown or empty variables, uses a default filter, and gives null for a signature with nothing to say", () => {
    expect(renderSignature({ text: "{{current_user.phone}}Team {{ current_user.nickname | default('Support') }}", html: null }, agent)).toEqual({ text: "Team Support", html: null });
    expect(renderSignature({ text: "{{current_user.phone}}\n  \n", html: "<div>x</div>" }, agent)).toBeNull();
    expect(renderSignature(null, agent)).toBeNull();
    expect(renderSignature(undefined, agent)).toBeNull();
  });

  it("takes the first word of the agent's name as the first name, and none from an e-mail address", () => {
    expect(renderSignature({ text: "{{current_user.first_name}}!", html: null }, { name: "alex@demo-store.example", email: "alex@demo-store.example" })?.text).toBe("!");
  });
});

describe("never sign twice", () => {
  const sig = renderSignature(northpeak, agent)!;

  it("appends the signature after a blank line to text that does not end with it", () => {
    expect(signedText("Your refund is on its way.  \n\n", sig)).toBe("Your refund is on its way.\n\nAlex\nNorthpeak Outfitters Customer Care");
  });

  it("leaves text that already ends with it (a macro's sign-off, a paste), whatever its spacing and line endings", () => {
    const macro = "Hi Sam,\n\nThanks for reaching out!\n\nAlex\nNorthpeak Outfitters Customer Care";
    expect(endsWithSignature(macro, sig.text)).toBe(true);
    expect(signedText(macro, sig)).toBe(macro);
    expect(endsWithSignature("Thanks!\r\n\r\n  Alex \r\n\r\nNorthpeak   Outfitters Customer Care\r\n", sig.text)).toBe(true);
  });

  it("still signs text that only mentions part of it, or has it higher up", () => {
    expect(endsWithSignature("Northpeak Outfitters Customer Care", sig.text)).toBe(false);
    expect(endsWithSignature("Alex\nNorthpeak Outfitters Customer Care\n\nP.S. one more thing", sig.text)).toBe(false);
  });

  it("signing is idempotent: the signed text signed again is unchanged (a retry never adds a second one)", () => {
    const once = signBody("See you soon.", sig);
    expect(signBody(once.bodyText, sig)).toEqual({ bodyText: once.bodyText, bodyHtml: null });
    expect(signBody("See you soon.", sig)).toEqual(once);
  });
});

describe("signBody", () => {
  const sig = renderSignature(northpeak, agent)!;

  it("gives both text and HTML the signature: the agent's text escaped, the admin's HTML as Gorgias holds it", () => {
    const body = signBody("Tracking: <b>not bold</b> https://track.example/1", sig);
    expect(body.bodyText).toBe("Tracking: <b>not bold</b> https://track.example/1\n\nAlex\nNorthpeak Outfitters Customer Care");
    expect(body.bodyHtml).toContain("Tracking: &lt;b&gt;not bold&lt;/b&gt;");
    expect(body.bodyHtml).toContain('<a href="https://track.example/1"');
    expect(body.bodyHtml).toContain('<div class="gorgias-signature"><div>Alex</div><div>Northpeak Outfitters Customer Care</div></div>');
    expect(body.bodyHtml!.match(/Northpeak Outfitters Customer Care/g)).toHaveLength(1);
  });

  it("builds the HTML from the text when the integration has none, and adds nothing without a signature", () => {
    expect(signBody("Hi", { text: "Sam & co", html: null }).bodyHtml).toContain("Sam &amp; co");
    expect(signBody("Hi", null)).toEqual({ bodyText: "Hi", bodyHtml: null });
  });

  it("takes the signature of the integration the reply leaves from", () => {
    const integrations: Integration[] = [
      { id: 1, name: "Support", type: "email", address: "support@x.example", active: true, signature: { text: "Support team", html: null } },
      { id: 2, name: "Brand B", type: "email", address: "hello@b.example", active: true, signature: { text: "{{current_user.first_name}} at Brand B", html: null } },
      { id: 3, name: "Old cache copy", type: "email", address: "old@x.example", active: true },
    ];
    expect(signatureFor(integrations, 2, agent)?.text).toBe("Alex at Brand B");
    expect(signatureFor(integrations, 1, agent)?.text).toBe("Support team");
    expect(signatureFor(integrations, 3, agent)).toBeNull();
    expect(signatureFor(integrations, 99, agent)).toBeNull();
  });
});
