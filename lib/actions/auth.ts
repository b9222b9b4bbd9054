"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { demoAgentKey } from "@/lib/auth/demo-agents";
import { SIGN_IN_FAILED, SignInInputSchema } from "@/lib/auth/sign-in-input";
import { serverEnv } from "@/lib/env";
import type { SignInState } from "./sign-in-state";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

async function signInWith(input: { accountDomain: string; email: string; apiKey: string }): Promise<string | null> {
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ...input, redirectTo: `/${input.accountDomain}` });
    return null;
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return code && code !== "credentials" ? code : SIGN_IN_FAILED;
    }
    throw error;
  }
}

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const fixedDomain = serverEnv().GORGIAS_ACCOUNT_DOMAIN;
  const raw = { accountDomain: fixedDomain ?? text(form, "accountDomain"), email: text(form, "email"), apiKey: text(form, "apiKey") };
  const values = { accountDomain: raw.accountDomain, email: raw.email };
  const parsed = SignInInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { error: "Check the highlighted fields.", fields: z.flattenError(parsed.error).fieldErrors, values };
  }
  const error = await signInWith(parsed.data);
  return { error, fields: {}, values };
}

/** One-click sign-in as a sandbox demo agent; refused outright against a real Gorgias. */
export async function demoSignInAction(form: FormData): Promise<void> {
  if (!serverEnv().usesSandbox) throw new Error("Demo sign-in is only available with the sandbox.");
  const accountDomain = text(form, "accountDomain");
  const email = text(form, "email");
  const apiKey = await demoAgentKey(accountDomain, email);
  if (!apiKey) throw new Error("That demo agent does not exist in the sandbox.");
  const error = await signInWith({ accountDomain, email, apiKey });
  if (error) throw new Error(error);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
