// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GateDialog, type GateDialogProps } from '@/components/GateDialog/gate-dialog';
import { DEFAULT_POLICY } from '@/lib/policy/defaults';

afterEach(cleanup);

/** A user's own input: browsers mark it trusted; happy-dom has no isTrusted, so the test does. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const press = (el: Element) => fireEvent(el, trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));

function dialog(over: Partial<GateDialogProps> = {}) {
  const onGoBack = vi.fn();
  const onOverride = vi.fn();
  const props: GateDialogProps = {
    variant: 'ask',
    title: 'Matterguard: check before sending',
    level: 'warn',
    items: [
      {
        level: 'warn',
        target: 'Acme Holdings Ltd — matter 12345-0001',
        reason: 'recipient gmail.com is outside acme.example',
        words: ['12345-0001'],
        elsewhere: [],
        inBody: true,
      },
    ],
    reasons: DEFAULT_POLICY.reasons,
    overrideLabel: 'Send anyway',
    error: null,
    busy: false,
    onGoBack,
    onOverride,
    ...over,
  };
  render(<GateDialog {...props} />);
  return { onGoBack, onOverride };
}

const sendAnyway = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Send anyway' });
const choose = (code: string) =>
  fireEvent.change(screen.getByRole('combobox', { name: 'Reason' }), { target: { value: code } });
const acknowledge = () => fireEvent.click(screen.getByRole('checkbox', { name: /^I understand/ }));

describe('the gate dialog', () => {
  it('is a named alertdialog listing what matched, with Go back focused', () => {
    dialog();
    const box = screen.getByRole('alertdialog', { name: 'Matterguard: check before sending' });
    expect(box.textContent).toContain(
      'Acme Holdings Ltd — matter 12345-0001 · recipient gmail.com is outside acme.example',
    );
    expect(box.textContent).toContain('Warning');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Go back' }));
  });

  it('offers the policy reasons in a labelled select', () => {
    dialog();
    const select = screen.getByRole('combobox', { name: 'Reason' });
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      'Choose a reason…',
      ...DEFAULT_POLICY.reasons.map((r) => r.label),
    ]);
  });

  it('enables Send anyway only with a reason and the acknowledgement, and details for Other', () => {
    const props = dialog();
    expect(sendAnyway().disabled).toBe(true);
    choose('other');
    acknowledge();
    expect(sendAnyway().disabled).toBe(true);
    fireEvent.input(screen.getByRole('textbox', { name: /^Details/ }), {
      target: { value: 'Counsel instructed by the client' },
    });
    expect(sendAnyway().disabled).toBe(false);
    press(sendAnyway());
    expect(props.onOverride).toHaveBeenCalledWith({
      reasonCode: 'other',
      reasonLabel: 'Other (explain below)',
      details: 'Counsel instructed by the client',
    });
  });

  it('needs no details for a listed reason', () => {
    const props = dialog();
    choose('client-authorised');
    expect(sendAnyway().disabled).toBe(true);
    acknowledge();
    press(sendAnyway());
    expect(props.onOverride).toHaveBeenCalledWith({
      reasonCode: 'client-authorised',
      reasonLabel: DEFAULT_POLICY.reasons[0]!.label,
      details: '',
    });
  });

  it('goes back with the button or Esc', () => {
    const props = dialog();
    press(screen.getByRole('button', { name: 'Go back' }));
    fireEvent(screen.getByRole('alertdialog'), trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(props.onGoBack).toHaveBeenCalledTimes(2);
  });

  it('ignores synthetic clicks and keys: only the user can answer', () => {
    const props = dialog();
    choose('client-authorised');
    acknowledge();
    fireEvent.click(sendAnyway());
    fireEvent.click(screen.getByRole('button', { name: 'Go back' }));
    fireEvent.keyDown(screen.getByRole('alertdialog'), { key: 'Escape' });
    expect(props.onOverride).not.toHaveBeenCalled();
    expect(props.onGoBack).not.toHaveBeenCalled();
  });

  it('in block mode offers only Go back and says the firm does not allow it', () => {
    dialog({ variant: 'refuse' });
    expect(screen.queryByRole('button', { name: 'Send anyway' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Reason' })).toBeNull();
    expect(screen.getByRole('alertdialog').textContent).toMatch(/does not allow sending this/);
    expect(screen.getByRole('button', { name: 'Go back' })).toBeTruthy();
  });

  it('says so when nothing could be checked, and offers only Go back', () => {
    dialog({
      variant: 'error',
      level: null,
      items: [],
      error: "Matterguard's background service did not answer (timeout).",
    });
    expect(screen.getByRole('alert').textContent).toContain('did not answer');
    expect(screen.getByRole('alertdialog').textContent).toContain('has not been sent');
    expect(screen.queryByRole('button', { name: 'Send anyway' })).toBeNull();
  });

  it('while the override is being logged, nothing can be pressed', () => {
    dialog({ busy: true });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Go back' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Logging…' }).disabled).toBe(true);
  });

  it('names its verb after the site: Share anyway', () => {
    dialog({ title: 'Matterguard: check before sharing', overrideLabel: 'Share anyway' });
    expect(screen.getByRole('alertdialog', { name: 'Matterguard: check before sharing' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Share anyway' })).toBeTruthy();
  });
});
