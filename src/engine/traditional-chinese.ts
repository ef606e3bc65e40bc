/**
 * Traditional Chinese read as Simplified where the review recognises words: analysts in Taiwan
 * and Hong Kong head a column 信用額度 or 應收帳款 where the catalogues say 信用额度 and 应收账款.
 * One fold of the text a header is compared by, rather than every header written twice.
 *
 * The table holds the characters of the review's Chinese vocabulary (column headers, the
 * archive's and the policy sheets' labels, units, its sheets' names, the Z-score models' names) whose Traditional form differs, each mapped
 * to the Simplified one; a unit test holds it to that vocabulary. Other characters are left as
 * they are: a header is matched whole, so one no known word holds would change no match. Each
 * maps one UTF-16 unit to one, so a folded text keeps every index of the text it came from.
 */
const PAIRS =
  // Customer and ledger headers.
  "戶户編编號号碼码來来單单稱称業业簡简購购貨货歷历記记錄录況况約约風风險险場场聲声譽誉規规" +
  "評评額额賒赊銷销應应賬账帳账餘余數数負负聞闻動动資资產产計计債债總总潤润稅税費费營营" +
  "務务東东權权淨净凈净採采處处進进" +
  // The review's own columns, the archive's and the policy history's.
  "級级區区間间預预據据議议監监頻频復复複复審审長长問问題题發发實实結结幣币種种別别齡龄" +
  // The policy sheet's setting names.
  "觸触組组佔占慮虑係系無无時时設设" +
  // The review's sheets' names: 信用審查彙總 (匯總), 信用審查檔案.
  "彙汇匯汇檔档" +
  // Units and currencies: 萬元, 億元, 港幣, 新臺幣, 歐元, 英鎊.
  "萬万億亿圓圆塊块臺台歐欧鎊镑" +
  // Z-score models' names: 非製造業, 新興市場.
  "製制興兴" +
  // The archive's output check: 輸出校驗.
  "輸输驗验";

/** Each Traditional character of the vocabulary, to its Simplified form. */
export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  Array.from({ length: PAIRS.length / 2 }, (_, i) => [PAIRS[2 * i], PAIRS[2 * i + 1]] as const),
);

const TRADITIONAL = new RegExp(`[${[...TRADITIONAL_TO_SIMPLIFIED.keys()].join("")}]`, "gu");

/** The text with each Traditional character of the table in its Simplified form; everything else as it is. */
export function foldTraditional(text: string): string {
  return text.replace(TRADITIONAL, (character) => TRADITIONAL_TO_SIMPLIFIED.get(character)!);
}
