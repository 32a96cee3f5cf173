// Fills {token} placeholders of a translated string with text or elements (links, emphasis),
// so that translators keep whole sentences and word order stays theirs.
import type { ComponentChild } from 'preact';

export function fill(template: string, parts: Record<string, ComponentChild>): ComponentChild[] {
  const out: ComponentChild[] = [];
  const re = /\{(\w+)\}/g;
  let last = 0;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    const key = m[1] ?? '';
    out.push(template.slice(last, m.index));
    // An unknown token stays visible as written: a missing part is a bug to see, not to hide.
    out.push(key in parts ? parts[key] : m[0]);
    last = m.index + m[0].length;
  }
  out.push(template.slice(last));
  return out.filter((p) => p !== '');
}

/** Title shown in the browser tab: the home page has its own, other pages end with the brand. */
export function pageTitle(page: string | null, homeTitle: string, suffix: string): string {
  return page ? `${page}${suffix}` : homeTitle;
}

/** Plain-text version of `fill`, for attributes and live regions: "{name}" → value. */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) =>
    key in values ? String(values[key]) : m,
  );
}
