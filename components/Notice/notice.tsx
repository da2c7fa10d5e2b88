import type { JSX } from 'preact';
import { placeWords } from '@/lib/verdict/summary';
import { levelLabel } from '@/lib/log/format';
import type { NoticeContent } from '@/lib/verdict/question';

export type NoticeProps = NoticeContent;

function quoted(words: string[]): string {
  return words.map((w) => `“${w}”`).join(', ');
}

/**
 * The inline notice by a compose box (docs/design.md#inline-notice): the level in words and colour, then one line
 * per client or matter with the reason. A polite live region (`role="status"`, never "alert":
 * it updates as the user types, and an assertive region would interrupt a screen-reader user
 * mid-word); it stays mounted while empty so the first warning is announced.
 */
export function Notice({ level, items }: NoticeProps): JSX.Element {
  return (
    <section role="status" aria-label="Matterguard" class={`notice ${level ? `level-${level}` : 'empty'}`}>
      {level && items.length > 0 ? (
        <>
          <p class="head">
            <span class="badge">{levelLabel(level)}</span>
            <span class="brand" aria-hidden="true">
              Matterguard
            </span>
          </p>
          <ul>
            {items.map((item) => (
              <li key={`${item.level}|${item.target}|${item.reason}`} class={`item level-${item.level}`}>
                <strong>{item.target}</strong>
                {' · '}
                <span class="reason">{item.reason}</span>
                <span class="words">
                  {' · '}
                  {quoted(item.words)}
                  {placeWords(item)}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
