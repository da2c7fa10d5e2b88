import { describe, expect, it } from 'vitest';
import { byLabel, cssString, labels, localizedLabels, namePattern, nameStartsWith } from '@/lib/sites/labels';

describe('the UI label table', () => {
  it('lists English first, then the other languages, each label once', () => {
    expect(labels('send').slice(0, 3)).toEqual(['Send', 'Senden', 'Envoyer']);
    expect(labels('send').filter((l) => l === 'Enviar')).toHaveLength(1);
    expect(localizedLabels('to', 'cc', 'bcc')).not.toContain('Cc');
    expect(localizedLabels('to', 'cc', 'bcc')).toContain('CC');
  });

  it('matches names whatever their case, spacing and apostrophe', () => {
    const share = namePattern('share', 'copyLink');
    for (const name of ['Share', 'TEILEN', '  Link   kopieren ', 'copier le lien', 'リンクをコピー'])
      expect(share.test(name)).toBe(true);
    for (const name of ['Done', 'Fertig', 'Share with', 'Dela']) expect(share.test(name)).toBe(false);
    expect(nameStartsWith("Planifier l'envoi…", 'scheduleSend')).toBe(true);
    expect(nameStartsWith('senden planen', 'scheduleSend')).toBe(true);
    expect(nameStartsWith('Senden', 'scheduleSend')).toBe(false);
  });

  it('builds valid selectors, and one that matches nothing for no labels', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(byLabel(['Senden', '送信'], (l) => `button[aria-label=${l}]`)).toBe(
      'button[aria-label="Senden"],button[aria-label="送信"]',
    );
    expect(byLabel([], (l) => `button[aria-label=${l}]`)).toBe(':not(*)');
  });
});
