/** Why a document number may be refused (SPEC §5): data of results, so it lives with the model. */

/**
 * Why a document number may be refused.
 *
 * @example
 * ```ts
 * DOCUMENT_NUMBER_ERRORS.includes("zero-serial"); //=> true
 * ```
 */
export const DOCUMENT_NUMBER_ERRORS = ["unrecognized", "year-out-of-range", "zero-serial", "serial-too-large"] as const;
/** Why a document number was refused. */
export type DocumentNumberError = (typeof DOCUMENT_NUMBER_ERRORS)[number];
