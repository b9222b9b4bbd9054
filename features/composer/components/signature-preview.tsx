import { endsWithSignature } from "@/lib/domain/signature";

/**
 * The signature the server will append to this e-mail reply (docs/safety.md#signature), as the
 * customer will see it under the text; or why it will not be added again.
 */
export function SignaturePreview({ signature, bodyText }: { signature: string; bodyText: string }) {
  const already = bodyText.trim() !== "" && endsWithSignature(bodyText, signature);
  return (
    <figure className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700" data-testid="signature-preview">
      <figcaption className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {already ? "Signature · your text already ends with it, so it will not be added again" : "Signature · added when the email is sent"}
      </figcaption>
      <p className="mt-1 whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{signature}</p>
    </figure>
  );
}
