import { describe, expect, it } from "vitest";
import { visibleFieldErrors } from "@/features/new-ticket/client/field-errors";
import { INPUT_MESSAGES } from "@/lib/domain/inputs";

const valid = { customerEmail: "ann@example.com", customerName: "", subject: "Order", bodyText: "Hello" };
const broken = { ...valid, customerEmail: "ann@", subject: "" };

describe("new-ticket field errors", () => {
  it("show nothing before the first attempt", () => {
    expect(visibleFieldErrors(broken, false, null)).toEqual({});
  });

  it("after an attempt, clear as each field is fixed, and return if it breaks again", () => {
    const first = visibleFieldErrors(broken, true, null);
    expect(first.customerEmail).toEqual([INPUT_MESSAGES.email]);
    expect(first.subject).toBeDefined();
    const emailFixed = visibleFieldErrors({ ...broken, customerEmail: "ann@example.com" }, true, null);
    expect(emailFixed.customerEmail).toBeUndefined();
    expect(emailFixed.subject).toBeDefined();
    expect(visibleFieldErrors(valid, true, null)).toEqual({});
    expect(visibleFieldErrors({ ...valid, customerEmail: "nope" }, true, null).customerEmail).toEqual([INPUT_MESSAGES.email]);
  });

  it("keep the server's error on a field until that field changes", () => {
    const server = { errors: { customerEmail: ["Gorgias refused this address"] }, values: valid };
    expect(visibleFieldErrors(valid, true, server).customerEmail).toEqual(["Gorgias refused this address"]);
    expect(visibleFieldErrors({ ...valid, subject: "Other" }, true, server).customerEmail).toEqual(["Gorgias refused this address"]);
    expect(visibleFieldErrors({ ...valid, customerEmail: "bob@example.com" }, true, server)).toEqual({});
  });
});
