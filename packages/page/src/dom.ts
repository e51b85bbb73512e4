/**
 * A small element builder for the page: `h("td", { class: "num" }, "94.51")`. Text is always set
 * as text, never parsed as HTML, so a name in the data can never become markup.
 */

/**
 * Attribute values: a string sets, `false`/`undefined` leaves the attribute out, `true` sets it empty.
 *
 * @example
 * ```ts
 * const attrs: Attrs = { class: "num", hidden: true, title: undefined };
 * ```
 */
export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

/**
 * A child: an element, text, or nothing.
 *
 * @example
 * ```ts
 * const children: Child[] = [h("b", {}, "总分"), "：94.51", null];
 * ```
 */
export type Child = Node | string | null | undefined | false;

/**
 * Builds an element with attributes and children.
 *
 * @param tag - The element's tag name.
 * @param attrs - Its attributes.
 * @param children - Its children; strings become text nodes.
 * @returns The element.
 * @example
 * ```ts
 * h("td", { class: "num" }, "94.51").outerHTML; //=> '<td class="num">94.51</td>'
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: readonly (Child | readonly Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(parent: Node, children: readonly (Child | readonly Child[])[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(parent, child);
    else if (typeof child === "string") parent.appendChild(document.createTextNode(child));
    else if (child instanceof Node) parent.appendChild(child);
  }
}

/**
 * Replaces an element's children.
 *
 * @example
 * ```ts
 * fill(section, h("h2", {}, "排名"), table);
 * ```
 */
export function fill(parent: Element, ...children: readonly (Child | readonly Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/**
 * Finds an element the page's shell must contain.
 *
 * @throws Error when the shell lacks it (a build defect, not a user error).
 * @example
 * ```ts
 * byId("ranking").tagName; //=> "SECTION"
 * ```
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no element #${id}`);
  return element as T;
}
