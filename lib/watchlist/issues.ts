import type { ParseIssue } from './types';

/**
 * A firm list with one systematic mistake could otherwise report a million identical lines;
 * the first hundred say what is wrong, the count says how much.
 */
export const MAX_LISTED_ISSUES = 100;

export interface IssueCollector {
  add(line: number, message: string): void;
  /** The issues, with a closing line-0 issue counting those not listed. */
  done(): ParseIssue[];
}

export function createIssueCollector(limit = MAX_LISTED_ISSUES): IssueCollector {
  const issues: ParseIssue[] = [];
  let unlisted = 0;
  return {
    add(line, message) {
      if (issues.length < limit) issues.push({ line, message });
      else unlisted += 1;
    },
    done() {
      if (unlisted === 0) return issues;
      return [...issues, { line: 0, message: `…and ${unlisted} more problem${unlisted === 1 ? '' : 's'} not listed.` }];
    },
  };
}
