/**
 * Simplified Chinese written in Traditional characters, for tests: each character of the review's
 * Chinese vocabulary that Traditional Chinese writes otherwise, with the form Taiwan writes (账 is
 * 帳 there). Written by hand, independently of the engine's fold, which it is checked against.
 */
export const SIMPLIFIED_TO_TRADITIONAL: ReadonlyMap<string, string> = new Map(
  [
    ..."户戶编編号號码碼来來单單称稱业業简簡购購货貨历歷记記录錄况況约約风風险險场場声聲誉譽规規评評",
    ..."额額赊賒销銷应應账帳帐帳余餘数數负負闻聞动動资資产產计計债債总總润潤税稅费費营營务務东東",
    ..."权權净淨采採处處进進级級区區间間预預据據议議监監频頻复複审審长長问問题題发發实實结結币幣种種",
    ..."别別龄齡触觸组組占佔虑慮系係无無时時设設汇彙档檔制製兴興输輸验驗",
  ].flatMap((character, i, all) => (i % 2 === 0 ? [[character, all[i + 1]] as const] : [])),
);

/** A text in Traditional characters, by the table above. */
export function traditional(text: string): string {
  return [...text].map((c) => SIMPLIFIED_TO_TRADITIONAL.get(c) ?? c).join("");
}
