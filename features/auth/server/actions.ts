"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth/config";
import { demoAgentKey } from "@/features/auth/server/demo-agents";
import { safeReturnTo } from "@/lib/auth/return-to";
import { SignInInput } from "@/lib/domain/contract/inputs";
import { SIGN_IN_FAILED } from "@/lib/domain/sign-in";
import { serverEnv } from "@/lib/env";
import type { SignInState } from "@/lib/domain/sign-in-state";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

async function signInWith(input: { accountDomain: string; email: string; apiKey: string }, callbackUrl: string): Promise<string | null> {
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { ...input, redirectTo: safeReturnTo(callbackUrl, input.accountDomain) });
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
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) {
    return { error: "Check the highlighted fields.", fields: z.flattenError(parsed.error).fieldErrors, values };
  }
  const error = await signInWith(parsed.data, text(form, "callbackUrl"));
  return { error, fields: {}, values };
}

/** One-click sign-in as a sandbox demo agent; refused outright against a real Gorgias. */
export async function demoSignInAction(form: FormData): Promise<void> {
  const apiKey = serverEnv().usesSandbox ? await demoAgentKey(text(form, "accountDomain"), text(form, "email")) : null;
  const error = apiKey ? await signInWith({ accountDomain: text(form, "accountDomain"), email: text(form, "email"), apiKey }, text(form, "callbackUrl")) : "demo";
  if (error) redirect("/sign-in?error=demo");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
