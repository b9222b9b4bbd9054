/**
 * A marketing-style email of about `chars` UTF-16 units: a document head with a stylesheet, then a
 * table of rows whose cells all carry inline styles and links, the shape that makes real bulk mail
 * heavy to sanitize. `seed` makes each one different.
 */
export function styledEmail(chars: number, seed: number): string {
  const row = (i: number) =>
    `<tr><td style="padding:8px 12px;border-bottom:1px solid #e5e7eb;font-family:Helvetica,Arial,sans-serif;font-size:14px;color:#374151;background-color:#f9fafb">` +
    `<span style="font-weight:600;color:#111827">Item ${seed}-${i}</span> <a href="https://shop.example.com/p/${seed}/${i}" style="color:#2563eb;text-decoration:underline">view</a></td>` +
    `<td style="padding:8px;text-align:right;color:#6b7280">$${(i % 97) + 3}.99</td></tr>`;
  const parts = [
    `<html><head><style>td{color:#374151}</style></head><body>`,
    `<p style="font-size:16px">Order summary ${seed}: everything you bought this year.</p>`,
    `<table width="600" cellpadding="0" cellspacing="0" style="max-width:600px;margin:0 auto">`,
  ];
  let length = parts.join("").length;
  for (let i = 0; length < chars; i++) {
    const r = row(i);
    parts.push(r);
    length += r.length;
  }
  parts.push(`</table><p>End of summary ${seed}.</p></body></html>`);
  return parts.join("");
}
