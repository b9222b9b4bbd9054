import { z } from "zod";

export const SignInInputSchema = z.object({
  accountDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Enter the account's subdomain, e.g. acme for acme.gorgias.com"),
  email: z.string().trim().toLowerCase().email("Enter the email you use in Gorgias").max(320),
  apiKey: z.string().trim().min(8, "Enter an API key from Gorgias (Settings → REST API)").max(512),
});
export type SignInInput = z.infer<typeof SignInInputSchema>;

/** One message for every failure, so a prober learns nothing about which part was wrong. */
export const SIGN_IN_FAILED = "Those credentials did not work for that account. Check the email and API key and try again.";
