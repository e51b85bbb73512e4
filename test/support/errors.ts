/** Test helpers for code that throws `InputError`. */
import { InputError } from "../../src/index.js";

/** The issues of the `InputError` that `run` throws; fails the test when it throws nothing or something else. */
export function thrownIssues(run: () => unknown): InputError["issues"] {
  try {
    run();
  } catch (cause) {
    if (cause instanceof InputError) return cause.issues;
    throw cause;
  }
  throw new Error("expected an InputError");
}
