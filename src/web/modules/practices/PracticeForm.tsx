import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { organisationsApi, programmesApi } from '../../../common/network/endpoints';
import { sheetProblems } from '../../../common/practices/rules';
import {
  PRACTICE_TEXTS,
  PracticeInput,
  type PracticeLanguage,
  type PracticeText,
  type PracticeTheme,
} from '../../../common/practices/schemas';
import type { FieldError } from '../../../common/validation/errors';
import { schemaErrors } from '../../../common/validation/text';
import { ApiError } from '../../app/api';
import { useEndpoint } from '../../app/client';
import { useSession } from '../../app/session';
import { Button } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import { Checkbox, CheckboxGroup, Form, Select, TextArea, TextField } from '../../app/ui/fields';
import { Card } from '../../app/ui/layout';
import { inputOf, type PracticeFormState } from './form-state';
import { VersionMark } from './TranslationMark';
import { usePracticeWords } from './words';

const NONE = 'none';

/** The texts of one language version, labelled in the page's language, typed in the version's. */
function VersionFields({
  language,
  state,
  onChange,
  errors,
}: {
  language: PracticeLanguage;
  state: PracticeFormState;
  onChange: (text: PracticeText, value: string) => void;
  errors: Record<string, string>;
}) {
  const intl = useIntl();
  const w = usePracticeWords();
  const original = state.originalLanguage === language;
  const present = PRACTICE_TEXTS.some((t) => state[language][t].trim() !== '');
  return (
    <fieldset className="practice-version stack" lang={language}>
      <legend>
        {w.languageName(language)}{' '}
        <VersionMark
          language={language}
          originalLanguage={state.originalLanguage}
          present={present || original}
        />
      </legend>
      {errors[language] && (
        <p className="field-error" role="alert">
          {errors[language]}
        </p>
      )}
      {PRACTICE_TEXTS.map((t) => {
        const label = intl.formatMessage({ id: `practices.field.${t}` });
        const props = {
          label,
          value: state[language][t],
          onChange: (v: string) => onChange(t, v),
          error: errors[`${language}.${t}`],
          isRequired: original && (t === 'title' || t === 'description'),
        };
        return t === 'title' ? (
          <TextField key={t} {...props} maxLength={200} />
        ) : (
          <TextArea key={t} {...props} />
        );
      })}
    </fieldset>
  );
}

/**
 * The sheet form (create and edit): what the sheet is about (themes, tags, partner organisations,
 * programme, contact e-mail), then the French and Dutch versions side by side — stacked on a narrow
 * screen — with which one is the original. Checked with the API's own schema and rules before sending.
 */
export function PracticeForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: PracticeFormState;
  submitLabel: string;
  onSubmit: (input: PracticeInput) => Promise<void>;
}) {
  const intl = useIntl();
  const w = usePracticeWords();
  const session = useSession();
  const [state, setState] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const orgs = useEndpoint(
    organisationsApi.list,
    { query: { status: 'active', pageSize: 100 } },
    { staleTime: 300_000 },
  );
  const programmes = useEndpoint(
    programmesApi.list,
    { query: { org: session.activeOrgId ?? undefined, pageSize: 100 } },
    { enabled: !!session.activeOrgId, staleTime: 300_000 },
  );
  const show = (fields: ReadonlyArray<Pick<FieldError, 'path' | 'code' | 'params'> & { message?: string }>) =>
    setErrors(
      Object.fromEntries(
        fields.map((f) => [
          f.path.startsWith('tags') ? 'tags' : f.path,
          f.message ?? intl.formatMessage({ id: f.code }, f.params),
        ]),
      ),
    );
  const submit = async () => {
    if (sending) return;
    setError(null);
    const input = inputOf(state);
    const problems = [...schemaErrors(PracticeInput, input), ...sheetProblems(input)];
    show(problems);
    if (problems.length) return;
    setSending(true);
    try {
      await onSubmit(input);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.fields.length) show(e.fields);
    } finally {
      setSending(false);
    }
  };
  const orgName = (id: string) => {
    const o = orgs.data?.items.find((x) => x.id === id);
    return o ? w.org({ ...o, shortName: o.shortName }) : id;
  };
  const partnerChoices = (orgs.data?.items ?? [])
    .filter((o) => o.id !== session.activeOrgId && !state.partnerOrgIds.includes(o.id))
    .map((o) => ({ id: o.id, label: w.org(o) }));
  const set = <K extends keyof PracticeFormState>(k: K, v: PracticeFormState[K]) =>
    setState((s) => ({ ...s, [k]: v }));
  return (
    <Form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorAlert error={error} />
      <Card title={<FormattedMessage id="practices.form.about" />}>
        <div className="stack">
          <CheckboxGroup
            label={intl.formatMessage({ id: 'practices.field.themes' })}
            value={state.themes}
            onChange={(v) => set('themes', v as PracticeTheme[])}
            options={w.themeOptions()}
            error={errors.themes}
            description={<FormattedMessage id="practices.form.themes_help" />}
          />
          <TextField
            label={intl.formatMessage({ id: 'practices.field.tags' })}
            description={<FormattedMessage id="practices.form.tags_help" />}
            value={state.tags}
            onChange={(v) => set('tags', v)}
            error={errors.tags}
          />
          <div className="stack">
            <Select
              label={intl.formatMessage({ id: 'practices.form.add_partner' })}
              value={null}
              onChange={(id) => set('partnerOrgIds', [...state.partnerOrgIds, id])}
              options={partnerChoices}
              error={errors.partnerOrgIds}
            />
            {state.partnerOrgIds.length > 0 && (
              <ul className="row" aria-label={intl.formatMessage({ id: 'practices.field.partnerOrgs' })}>
                {state.partnerOrgIds.map((id) => (
                  <li key={id} className="tag">
                    {orgName(id)}{' '}
                    <Button
                      variant="ghost"
                      aria-label={intl.formatMessage(
                        { id: 'practices.form.remove_partner' },
                        { name: orgName(id) },
                      )}
                      onPress={() =>
                        set(
                          'partnerOrgIds',
                          state.partnerOrgIds.filter((x) => x !== id),
                        )
                      }
                    >
                      ✕
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <Select
            label={intl.formatMessage({ id: 'practices.field.programme' })}
            description={<FormattedMessage id="practices.form.programme_help" />}
            value={state.programmeId || NONE}
            onChange={(v) => set('programmeId', v === NONE ? '' : v)}
            options={[
              { id: NONE, label: intl.formatMessage({ id: 'practices.form.no_programme' }) },
              ...(programmes.data?.items ?? []).map((p) => ({
                id: p.id,
                label: p.acronym ?? (w.language === 'nl' ? p.nameNl : p.nameFr),
              })),
            ]}
            error={errors.programmeId}
          />
          <TextField
            label={intl.formatMessage({ id: 'practices.field.contactEmail' })}
            type="email"
            value={state.contactEmail}
            onChange={(v) => set('contactEmail', v)}
            error={errors.contactEmail}
          />
          <Checkbox isSelected={state.contactPublic} onChange={(v) => set('contactPublic', v)}>
            <FormattedMessage id="practices.field.contactPublic" />
          </Checkbox>
          <Select
            label={intl.formatMessage({ id: 'practices.field.originalLanguage' })}
            description={<FormattedMessage id="practices.form.original_help" />}
            value={state.originalLanguage}
            onChange={(v) => set('originalLanguage', v === 'nl' ? 'nl' : 'fr')}
            options={(['fr', 'nl'] as const).map((l) => ({ id: l, label: w.languageName(l) }))}
            isRequired
          />
        </div>
      </Card>
      <div className="practice-versions">
        {(state.originalLanguage === 'fr' ? (['fr', 'nl'] as const) : (['nl', 'fr'] as const)).map((l) => (
          <VersionFields
            key={l}
            language={l}
            state={state}
            errors={errors}
            onChange={(t, v) => setState((s) => ({ ...s, [l]: { ...s[l], [t]: v } }))}
          />
        ))}
      </div>
      <div className="row">
        <Button type="submit" isDisabled={sending}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
