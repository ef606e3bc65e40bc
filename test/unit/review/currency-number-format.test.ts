/**
 * An amount in a currency the review learns from its sheet is a figure whose number format shows
 * the currency as the sentences write it ("USD 963,000.00"), in both languages; a mark's characters
 * are shown as written, never read as the format's own, and a mark no format can hold is refused.
 */
import { Lang } from "../../../src/engine/i18n";
import {
  amountInCurrencyText,
  chartNumberFormat,
  formatCurrency,
  moneyInCurrencyFormat,
  numberFormat,
} from "../../../src/engine/review/formats";
import { renderedText } from "../../../src/engine/review/sheet-layout";

describe.each<Lang>(["en", "zh"])("in %s", (lang) => {
  test.each([
    ["USD", '"USD "#,##0.00;"USD "-#,##0.00'],
    // A bare sign's family as the sentences name it: the sign.
    ["dollar", '"$ "#,##0.00;"$ "-#,##0.00'],
    ["yen", '"¥ "#,##0.00;"¥ "-#,##0.00'],
    // A code a ledger names as written: its "#", "0" and "\" are shown, not read as the format's.
    ["#0\\X", '"#0\\X "#,##0.00;"#0\\X "-#,##0.00'],
    // A double quote cannot stand in a quoted literal: it stands escaped between two.
    ['US"D', '"US"\\""D "#,##0.00;"US"\\""D "-#,##0.00'],
    ['"Q', '\\""Q "#,##0.00;\\""Q "-#,##0.00'],
  ])("the format of an amount in %s is %s", (currency, code) => {
    const format = moneyInCurrencyFormat(currency, lang);
    expect(format).toBe(`money ${currency}`);
    expect(formatCurrency(format!)).toBe(currency);
    expect(numberFormat(format!, lang)).toBe(code);
  });

  test("the cell shows what the sentences write, below 0 too", () => {
    expect(renderedText(963_000, "money USD", lang)).toBe(amountInCurrencyText("963,000.00", "USD", lang));
    expect(renderedText(-1_234.5, "money EUR", lang)).toBe("EUR -1,234.50");
    expect(renderedText(1_500, "money yen", lang)).toBe("¥ 1,500.00");
  });

  test("a chart of such amounts labels them in whole units, with the currency", () => {
    expect(chartNumberFormat("money USD", lang)).toBe('"USD "#,##0;"USD "-#,##0');
    expect(chartNumberFormat("money", lang)).toBe("#,##0");
  });

  test("a mark no number format can show is refused: a line break, a private-use character, a noncharacter, a text longer than a format holds", () => {
    expect(moneyInCurrencyFormat("US\nD", lang)).toBeUndefined();
    expect(moneyInCurrencyFormat("US\uE000D", lang)).toBeUndefined();
    // No XML part can hold a noncharacter or half of a surrogate pair: a styles part with one is broken.
    expect(moneyInCurrencyFormat("US\uFFFFD", lang)).toBeUndefined();
    expect(moneyInCurrencyFormat("US\uD800D", lang)).toBeUndefined();
    expect(moneyInCurrencyFormat("X".repeat(300), lang)).toBeUndefined();
    expect(moneyInCurrencyFormat("X".repeat(100), lang)).toBe(`money ${"X".repeat(100)}`);
  });

  test("the formats naming no currency are as before", () => {
    expect(formatCurrency("money")).toBeUndefined();
    expect(numberFormat("money", lang)).toBe("#,##0.00");
    expect(numberFormat("text", lang)).toBe("@");
  });
});
