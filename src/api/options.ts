/**
 * Options as JavaScript callers may pass them: `null`, a number or any other non-object counts as
 * no options, so a call from untyped code never fails with a `TypeError` on the options.
 *
 * @internal
 */
export function optionsOf<T extends object>(value: T | null | undefined): Partial<T> {
  return typeof value === "object" && value !== null ? value : {};
}
