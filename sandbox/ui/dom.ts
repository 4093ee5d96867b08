/// <reference lib="dom" />
/** A tiny DOM builder: h('div', { class: 'x', onclick }, child, 'text'). */

type Attrs = Record<string, unknown>;
export type Child = Node | string | number | false | null | undefined | Child[];

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key === 'html') {
      el.innerHTML = String(value);
    } else if (key in el && key !== 'list' && key !== 'class' && key !== 'style') {
      (el as unknown as Record<string, unknown>)[key] = value;
    } else {
      el.setAttribute(key === 'class' ? 'class' : key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
};

export const append = (el: Node, children: Child[]): void => {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else
      el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
};

export const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Replaces an element's children. */
export const fill = (el: Element, ...children: Child[]): void => {
  el.replaceChildren();
  append(el, children);
};

/** Plain text of a Block Kit text object (or a string). */
export const plain = (t: unknown): string =>
  typeof t === 'string'
    ? t
    : t && typeof t === 'object' && 'text' in t
      ? String((t as { text: unknown }).text)
      : '';
