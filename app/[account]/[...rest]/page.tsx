import { notFound } from "next/navigation";

// Any other path under an account is answered inside the account's shell (its not-found page), so
// the agent keeps the top bar and a way back, rather than a bare 404.
export default function UnknownAccountPath(): never {
  notFound();
}
