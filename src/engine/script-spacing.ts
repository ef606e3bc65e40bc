/**
 * Where Chinese meets Latin text. Chinese typography sets a space between a Chinese character and
 * a Latin letter, digit or sign ("以 USD 计", "第 3 行"), and none between Chinese characters or
 * beside Chinese punctuation ("以人民币计", "（USD）"). Texts that join the two scripts at run
 * time (a message's parameter, a unit's two parts) go by this rule.
 */
import { CURLY_QUOTES, isWideCode } from "./text-width";

const HAN = /\p{Script=Han}/u;

/** Whether a character is set in a Latin run: a letter, digit or sign; not a wide character, a curly quote or a space. */
export function isLatinSide(char: string): boolean {
  if (char === "" || char.trim() === "") return false;
  const code = char.charCodeAt(0);
  return !isWideCode(code) && !(code >= CURLY_QUOTES[0] && code <= CURLY_QUOTES[1]);
}

/** Whether the end of `before` and the start of `after` are a Chinese character and a Latin one, either way round. */
export function hanMeetsLatin(before: string, after: string): boolean {
  const left = before.slice(-1);
  const right = after.charAt(0);
  return (HAN.test(left) && isLatinSide(right)) || (isLatinSide(left) && HAN.test(right));
}
