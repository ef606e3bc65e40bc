/** What the review recognised on the sheet, what is missing and what that switches off, and the manual mapping. */
import "../../engine/i18n/ui";
import { Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import { headerKey, InputField, INPUT_FIELDS } from "../../engine/review/fields";
import { ReviewResult } from "../../engine/review/review";
import {
  checkMissingText,
  labelled,
  ledgerNoticeText,
  previousScoreSourceLine,
  warningTitle,
  zWithoutSalesText,
} from "../../engine/review/texts";
import { useLang } from "../i18n";
import { MappableHeader, mappedField } from "../model";
import { usePanelStyles } from "./styles";

export interface ColumnsPanelProps {
  readonly result?: ReviewResult;
  /** Headers to offer for mapping (after a review, or when it could not start). */
  readonly mappable: readonly MappableHeader[];
  readonly mapping: Readonly<Record<string, InputField>>;
  readonly ledgerSheet?: string;
  readonly busy: boolean;
  onMap(header: string, field: InputField | ""): void;
}

export function ColumnsPanel({ result, mappable, mapping, ledgerSheet, busy, onMap }: ColumnsPanelProps) {
  const { lang, t } = useLang();
  const panel = usePanelStyles();
  const field = (f: InputField) => t(`ui.field.${f}`);
  const columns = result?.columns;
  const scoreSource = result && previousScoreSourceLine(result, lang);
  /** What a near-miss header likely misspells; its field too, when the list below names it otherwise. */
  const suggestionText = (s: NonNullable<MappableHeader["suggestion"]>) =>
    headerKey(s.header) === headerKey(field(s.field))
      ? t("ui.columns.suggestion", { header: s.header })
      : t("ui.columns.suggestionField", { header: s.header, field: field(s.field) });
  return (
    <div className={panel.section}>
      {!columns && mappable.length === 0 && <Text>{t("ui.columns.none")}</Text>}
      {columns && (
        <>
          <Text>{t("ui.columns.headerRow", { row: columns.headerRow })}</Text>
          {ledgerSheet && <Text>{t("ui.columns.ledger", { sheet: ledgerSheet })}</Text>}
          {result.ledgerNotices.map((n) => (
            <Text key={n.kind}>{ledgerNoticeText(n, lang)}</Text>
          ))}
          <section aria-labelledby="columns-found" className={panel.section}>
            <Subtitle2 className={panel.heading} as="h2" id="columns-found">
              {t("ui.columns.found")}
            </Subtitle2>
            <ul className={panel.list}>
              {columns.found.map((f) => (
                <li key={f.field}>
                  {t("ui.columns.foundItem", { field: field(f.field), header: f.header, column: f.column })}
                  {mappedField(mapping, f.header) === f.field && <span className={panel.muted}>{t("ui.columns.manual")}</span>}
                </li>
              ))}
            </ul>
            {scoreSource && <Text>{scoreSource}</Text>}
          </section>
          <section aria-labelledby="columns-missing" className={panel.section}>
            <Subtitle2 className={panel.heading} as="h2" id="columns-missing">
              {t("ui.columns.missing")}
            </Subtitle2>
            {columns.missingOptional.length === 0 ? (
              <Text>{t("ui.columns.nothingMissing")}</Text>
            ) : (
              <Text>{columns.missingOptional.map(field).join(t("ui.columns.and"))}</Text>
            )}
          </section>
          <section aria-labelledby="columns-skipped" className={panel.section}>
            <Subtitle2 className={panel.heading} as="h2" id="columns-skipped">
              {t("ui.columns.skipped")}
            </Subtitle2>
            {columns.skippedChecks.length === 0 && !columns.zWithoutSales ? (
              <Text>{t("ui.columns.skippedNone")}</Text>
            ) : (
              <ul className={panel.list}>
                {columns.skippedChecks.map((code) => (
                  <li key={code}>
                    {labelled(warningTitle(code, lang, result!.policy), checkMissingText(code, columns, lang), lang)}
                  </li>
                ))}
                {columns.zWithoutSales && <li>{zWithoutSalesText(result!.policy, lang)}</li>}
              </ul>
            )}
          </section>
          {columns.duplicates.length > 0 && (
            <section aria-labelledby="columns-duplicates" className={panel.section}>
              <Subtitle2 className={panel.heading} as="h2" id="columns-duplicates">
                {t("ui.columns.duplicates")}
              </Subtitle2>
              <ul className={panel.list}>
                {columns.duplicates.map((d) => (
                  <li key={d.column}>
                    {t("ui.columns.duplicateItem", { column: d.column, field: field(d.field), usedColumn: d.usedColumn })}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      {(columns || mappable.length > 0) && (
        <section aria-labelledby="columns-mapping" className={panel.section}>
          <Subtitle2 className={panel.heading} as="h2" id="columns-mapping">
            {t("ui.columns.mapping")}
          </Subtitle2>
          <Text className={panel.muted}>{t("ui.columns.mappingHint")}</Text>
          {mappable.length === 0 && <Text>{t("ui.columns.noUnknown")}</Text>}
          {mappable.map((m) => (
            <Field
              key={`${m.column}:${m.header}`}
              className={panel.narrowField}
              label={t("ui.columns.mapLabel", { column: m.column, header: m.header })}
              hint={m.suggestion && suggestionText(m.suggestion)}
            >
              <Select
                className={panel.shrink}
                value={mappedField(mapping, m.header) ?? ""}
                disabled={busy}
                onChange={(_, data) => onMap(m.header, data.value as InputField | "")}
              >
                <option value="">{t("ui.columns.notUsed")}</option>
                {INPUT_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {field(f)}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </section>
      )}
    </div>
  );
}
