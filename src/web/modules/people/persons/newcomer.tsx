import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ISO639_3_LANGUAGES, languageLabelId } from '../../../../common/people/languages';
import {
  COUNTRY_CODES,
  INTERPRETER_GENDERS,
  INTERPRETER_MODALITIES,
  type InterpreterNeed,
  LITERACY_LEVELS,
  MAX_SPOKEN_LANGUAGES,
  NATIONALITY_OTHER,
  type SpokenLanguage,
} from '../../../../common/people/schemas';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { Checkbox, type Option, Select, TextField } from '../../../app/ui/fields';

/**
 * The newcomer fields of a person (issue 14): labels of nationalities (country names from
 * Intl.DisplayNames in the UI language), ISO 639-3 languages (the catalogues), approximate birth dates,
 * spoken languages and the interpreter need; and the spoken-languages editor of the person form.
 */
export function useNewcomerLabels() {
  const intl = useIntl();
  const { language } = useLanguage();
  return useMemo(() => {
    const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
    // A day as the reader writes dates, whatever the browser's time zone (as useCommonFormat's day).
    const day = (iso: string) =>
      intl.formatDate(`${iso.slice(0, 10)}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
    const regions = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(language);
    const byLabel = (a: Option, b: Option) => collator.compare(a.label, b.label);
    const nationality = (code: string | null | undefined) =>
      !code
        ? t('people.persons.enum.nationality.not_recorded')
        : (NATIONALITY_OTHER as readonly string[]).includes(code)
          ? t(`people.persons.enum.nationality.${code}`)
          : (regions.of(code) ?? code);
    const languageName = (code: string) => t(languageLabelId(code));
    const spoken = (l: SpokenLanguage) =>
      t('people.persons.spoken.value', {
        language: languageName(l.code),
        dialect: l.dialect || 'none',
        literacy: t(`people.persons.enum.literacy.${l.literacy}`),
      });
    // Computed once per UI language: ~250 country names and the languages, sorted in that language.
    const nationalityOptions: Option[] = [
      ...NATIONALITY_OTHER.map((c) => ({ id: c, label: nationality(c) })),
      ...COUNTRY_CODES.map((c) => ({ id: c, label: nationality(c) })).sort(byLabel),
    ];
    const languageOptions: Option[] = ISO639_3_LANGUAGES.map((c) => ({ id: c, label: languageName(c) })).sort(
      byLabel,
    );
    return {
      nationality,
      nationalityOptions: () => nationalityOptions,
      language: languageName,
      languageOptions: () => languageOptions,
      /** A birth date as sure as it is: "1998 (year only)", "20/10/1998 (estimated)", or the day. */
      birthDate: (date: string | null | undefined, precision: string | null | undefined) => {
        if (!date) return null;
        if (precision === 'year') return t('people.persons.birth_date.year_only', { year: date.slice(0, 4) });
        if (precision === 'estimated') return t('people.persons.birth_date.estimated', { date: day(date) });
        return day(date);
      },
      spoken,
      interpreter: (need: InterpreterNeed | null | undefined) =>
        need
          ? t('people.persons.interpreter.value', {
              language: languageName(need.language),
              modality: t(`people.persons.enum.interpreter_modality.${need.modality}`),
              gender: t(`people.persons.enum.interpreter_gender.${need.genderPreference}`),
            })
          : t('people.persons.interpreter.none'),
      literacyOptions: (): Option[] =>
        LITERACY_LEVELS.map((l) => ({ id: l, label: t(`people.persons.enum.literacy.${l}`) })),
      modalityOptions: (): Option[] =>
        INTERPRETER_MODALITIES.map((m) => ({
          id: m,
          label: t(`people.persons.enum.interpreter_modality.${m}`),
        })),
      genderOptions: (): Option[] =>
        INTERPRETER_GENDERS.map((g) => ({ id: g, label: t(`people.persons.enum.interpreter_gender.${g}`) })),
    };
  }, [intl, language]);
}

/** Spoken languages as a list: the main one first and marked. */
export function SpokenLanguagesList({ languages }: { languages: readonly SpokenLanguage[] }) {
  const labels = useNewcomerLabels();
  if (languages.length === 0)
    return (
      <p className="muted">
        <FormattedMessage id="people.persons.spoken.none" />
      </p>
    );
  const sorted = [...languages].sort((a, b) => Number(!!b.main) - Number(!!a.main));
  return (
    <ul>
      {sorted.map((l) => (
        <li key={`${l.code}|${l.dialect ?? ''}`}>
          {labels.spoken(l)}
          {l.main && (
            <>
              {' '}
              <span className="tag">
                <FormattedMessage id="people.persons.spoken.main_tag" />
              </span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A spoken language row of the form (an empty dialect: none). */
export interface SpokenRow {
  code: string;
  dialect: string;
  literacy: string;
  main: boolean;
}

/** The rows of the form for stored languages, and back (dialect trimmed, `main` only where true). */
export const toSpokenRows = (list: readonly SpokenLanguage[]): SpokenRow[] =>
  list.map((l) => ({ code: l.code, dialect: l.dialect ?? '', literacy: l.literacy, main: !!l.main }));
export const fromSpokenRows = (rows: readonly SpokenRow[]) =>
  rows.map((r) => ({
    code: r.code,
    ...(r.dialect.trim() ? { dialect: r.dialect.trim() } : {}),
    literacy: r.literacy,
    ...(r.main ? { main: true } : {}),
  }));

/** The spoken-languages editor: one row per language (language, dialect, literacy, main), up to ten. */
export function SpokenLanguagesEditor({
  rows,
  onChange,
  errors,
}: {
  rows: SpokenRow[];
  onChange: (rows: SpokenRow[]) => void;
  errors: Record<string, string>;
}) {
  const intl = useIntl();
  const labels = useNewcomerLabels();
  const t = (id: string) => intl.formatMessage({ id });
  const languageOptions = useMemo(() => labels.languageOptions(), [labels]);
  const literacyOptions = labels.literacyOptions();
  const update = (i: number, patch: Partial<SpokenRow>) =>
    onChange(
      rows.map((r, j) => {
        if (j === i) return { ...r, ...patch };
        // One main language: choosing one unsets the others.
        return patch.main ? { ...r, main: false } : r;
      }),
    );
  return (
    <div className="stack">
      <p className="muted">
        <FormattedMessage id="people.persons.spoken.hint" />
      </p>
      {rows.map((r, i) => {
        const err = (k: string) => errors[`spokenLanguages.${i}.${k}`];
        const name = r.code
          ? labels.language(r.code)
          : intl.formatMessage({ id: 'people.persons.spoken.row' }, { n: i + 1 });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
          <fieldset key={i} className="grid-2" aria-label={name}>
            <Select
              label={t('people.persons.field.spoken_language')}
              value={r.code || null}
              onChange={(v) => update(i, { code: v })}
              error={err('code') ?? errors[`spokenLanguages.${i}`]}
              options={languageOptions}
              isRequired
            />
            <TextField
              label={t('people.persons.field.dialect')}
              value={r.dialect}
              onChange={(v) => update(i, { dialect: v })}
              error={err('dialect')}
              maxLength={60}
            />
            <Select
              label={t('people.persons.field.literacy')}
              value={r.literacy || null}
              onChange={(v) => update(i, { literacy: v })}
              error={err('literacy')}
              options={literacyOptions}
              isRequired
            />
            <div className="row">
              <Checkbox isSelected={r.main} onChange={(v) => update(i, { main: v })}>
                <FormattedMessage id="people.persons.field.main_language" />
              </Checkbox>
              <Button variant="ghost" onPress={() => onChange(rows.filter((_, j) => j !== i))}>
                <FormattedMessage id="people.persons.spoken.remove" values={{ language: name }} />
              </Button>
            </div>
            {err('main') && <p className="field-error">{err('main')}</p>}
          </fieldset>
        );
      })}
      {rows.length < MAX_SPOKEN_LANGUAGES && (
        <div className="row">
          <Button
            variant="secondary"
            onPress={() =>
              onChange([...rows, { code: '', dialect: '', literacy: '', main: rows.length === 0 }])
            }
          >
            <FormattedMessage id="people.persons.spoken.add" />
          </Button>
        </div>
      )}
    </div>
  );
}
