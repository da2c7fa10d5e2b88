import { normalizeDomain } from './clients';

/** A recipient as compared by the assessor: lower-case address and its domain. */
export interface Recipient {
  address: string;
  /** The part after the last `@`; for a bare domain (share "anyone at acme.com") the whole. */
  domain: string;
}

/** Reads `j.doe@acme.com`, `Jane Doe <j.doe@acme.com>` or `acme.com`; null when empty. */
export function parseRecipient(raw: string): Recipient | null {
  const bracketed = /<([^<>]*)>/.exec(raw);
  const address = (bracketed?.[1] ?? raw).trim().toLowerCase();
  if (address === '') return null;
  const at = address.lastIndexOf('@');
  return { address, domain: normalizeDomain(at < 0 ? address : address.slice(at + 1)) };
}

/** Whether `domain` is `parent` or one of its subdomains (mail.acme.com is inside acme.com). */
export function isInDomain(domain: string, parent: string): boolean {
  return parent !== '' && (domain === parent || domain.endsWith(`.${parent}`));
}

/** "a", "a and b", "a, b and 2 more": lists stay short enough to read in a notice. */
export function listForPeople(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items[0]}, ${items[1]} and ${items.length - 2} more`;
}
