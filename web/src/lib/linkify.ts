// Splits plain text into text and http(s) links, so that the development mailbox can show an
// email's text part with clickable links without ever rendering its HTML.
export type Piece = { text: string } | { url: string };

const URL_RE = /https?:\/\/[^\s<>"']+/g;

export function linkify(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    // Trailing punctuation belongs to the sentence, not to the link.
    const url = m[0].replace(/[.,;:!?)\]»]+$/, '');
    const start = m.index;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ url });
    last = start + url.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
