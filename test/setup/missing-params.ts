import { MessageKey, onMissingParam } from "../../src/engine/i18n";

// A text said without one of its parameters shows "{name}" to its reader: every suite fails there.
function failOnMissingParam(key: MessageKey, name: string): never {
  throw new Error(`text "${key}" was said without its parameter {${name}}`);
}
onMissingParam(failOnMissingParam);

/** Says texts with their placeholders allowed to stay as written: for the tests of that rule, and of templates read as they are. */
export function withPlaceholdersKept<T>(say: () => T): T {
  onMissingParam(undefined);
  try {
    return say();
  } finally {
    onMissingParam(failOnMissingParam);
  }
}
