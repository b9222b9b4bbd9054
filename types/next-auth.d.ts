import "next-auth";
import "next-auth/jwt";
import type { SignedInAgent } from "@/lib/auth/signed-in-agent";

declare module "next-auth/jwt" {
  /** The cookie's only claim besides Auth.js's own timestamps: an opaque, revocable session token. */
  interface JWT {
    sid?: string;
  }
}

declare module "next-auth" {
  interface Session {
    agent: SignedInAgent | null;
  }
}
