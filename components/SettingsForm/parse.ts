/** Turning what people type into policy values, with the mistakes they make named. */

// Labels of letters, digits and inner hyphens, at least two of them: "harrowvale.example".
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Domains from free text: one per line, or separated by commas, semicolons or spaces; a
 * leading "@" (people paste "@firm.com") is dropped; case folded; duplicates collapse.
 */
export function parseDomains(text: string): { domains: string[]; invalid: string[] } {
  const domains = new Set<string>();
  const invalid: string[] = [];
  for (const token of text.split(/[\s,;]+/)) {
    const domain = token.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
    if (domain === '') continue;
    if (DOMAIN.test(domain)) domains.add(domain);
    else invalid.push(token.trim());
  }
  return { domains: [...domains], invalid };
}

/** Empty is allowed (the log then says "unknown user"); otherwise it must look like an address. */
export function isEmailOrEmpty(text: string): boolean {
  const value = text.trim();
  return value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
