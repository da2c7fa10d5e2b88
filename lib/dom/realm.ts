/**
 * Type tests that hold across windows. A node adopted into another same-origin window (Outlook's
 * pop-out compose) keeps the JS wrapper of the realm that first touched it, so `instanceof` with
 * this window's constructors is false for it. These look at the node itself instead.
 */
export function isNode(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Node).nodeType === 'number' &&
    'ownerDocument' in value
  );
}

export function isElement(value: unknown): value is Element {
  return isNode(value) && value.nodeType === 1;
}

export function isHtmlElement(value: unknown): value is HTMLElement {
  return isElement(value) && 'style' in value && 'focus' in value;
}

export function isTextControl(el: Element): el is HTMLInputElement | HTMLTextAreaElement {
  return el.localName === 'input' || el.localName === 'textarea';
}
