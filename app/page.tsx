import { redirect } from "next/navigation";
import { currentAgent } from "@/lib/auth/session";

export default async function Home() {
  const agent = await currentAgent();
  redirect(agent ? `/${agent.accountDomain}` : "/sign-in");
}
