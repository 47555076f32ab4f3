import { type FormEvent, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { publicForumFeedbackApi, publicForumsApi } from '../../../../common/forums/endpoints';
import { eventFeedbackLink } from '../../../../common/forums/feedback-links';
import { FEEDBACK_AGAIN, type FeedbackInput } from '../../../../common/forums/feedback-schemas';
import { isLanguage, type Language } from '../../../../common/i18n/locales';
import { call, useEndpoint } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Loading } from '../../../app/ui/feedback';
import { Checkbox, Form, TextArea } from '../../../app/ui/fields';
import { PageHeader } from '../../../app/ui/layout';
import { LanguageSwitch, linkToken, PageLanguage, usePageError } from '../../../app/ui/PageLanguage';
import { useForumWords, whenText } from '../words';
import { ChoiceField } from './RatingField';
import './feedback.css';

const LANGUAGES = ['fr', 'nl', 'en'] as const;

/**
 * The feedback form a registrant reaches from the mail after the event, in French, Dutch or English
 * (?lang=, else the visitor's). The token stays in the fragment and is posted with the answers; the page
 * says nothing about whether it is valid until the answer is sent (then one message for any bad link).
 */
export function FeedbackPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const asked = eventFeedbackLink.read(location.search).lang;
  const { language } = useLanguage();
  const lang: Language = isLanguage(asked) ? asked : language;
  return (
    <PageLanguage language={lang}>
      <Feedback id={id} lang={lang} />
    </PageLanguage>
  );
}

function Feedback({ id, lang }: { id: string; lang: Language }) {
  const w = useForumWords();
  // The event's title and dates, from its public page (French for an English reader: titles are FR/NL).
  const q = useEndpoint(
    publicForumsApi.get,
    { params: { id }, query: { lang: lang === 'nl' ? 'nl' : 'fr' } },
    { retry: false },
  );
  return (
    <div className="stack">
      <LanguageSwitch
        current={lang}
        languages={LANGUAGES}
        href={(l) => `${eventFeedbackLink.href({ id }, { lang: l })}${window.location.hash}`}
        label={w.m('public.language')}
      />
      <PageHeader
        title={w.m('feedback.form.title')}
        description={q.data ? `${q.data.title} · ${whenText(w, q.data.startsAt, q.data.endsAt)}` : undefined}
      />
      {q.isLoading ? <Loading /> : <FeedbackForm eventId={id} lang={lang} />}
    </div>
  );
}

type State = Omit<FeedbackInput, 'token' | 'overall' | 'usefulness' | 'again'> & {
  overall: number | null;
  usefulness: number | null;
  again: FeedbackInput['again'] | null;
};

export function FeedbackForm({ eventId, lang }: { eventId: string; lang: Language }) {
  const w = useForumWords();
  const [s, setS] = useState<State>({
    language: lang,
    overall: null,
    usefulness: null,
    again: null,
    mostUseful: null,
    suggestions: null,
    consentContact: false,
    website: '',
  });
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const token = linkToken();
  const inPageLanguage = usePageError();
  const set =
    <K extends keyof State>(k: K) =>
    (v: State[K]) =>
      setS((x) => ({ ...x, [k]: v }));
  const scale = (low: string, high: string) =>
    [1, 2, 3, 4, 5].map((n) => ({
      value: n,
      label: n === 1 ? `1 (${low})` : n === 5 ? `5 (${high})` : String(n),
    }));
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    if (s.overall === null || s.usefulness === null || s.again === null)
      return setProblem(w.m('feedback.form.missing'));
    setProblem(null);
    setBusy(true);
    try {
      const { overall, usefulness, again } = s;
      await call(publicForumFeedbackApi.answer, {
        params: { id: eventId },
        body: { ...s, language: lang, overall, usefulness, again, token },
      });
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!token) return <Alert tone="warning">{w.m('feedback.form.no_token')}</Alert>;
  if (sent) return <Alert tone="success">{w.m('feedback.form.thanks')}</Alert>;
  return (
    <section className="card">
      <p>{w.m('feedback.form.intro')}</p>
      <Form onSubmit={submit}>
        <ChoiceField
          name="overall"
          legend={w.m('feedback.field.overall')}
          options={scale(w.m('feedback.scale.low'), w.m('feedback.scale.high'))}
          value={s.overall}
          onChange={set('overall')}
        />
        <ChoiceField
          name="usefulness"
          legend={w.m('feedback.field.usefulness')}
          options={scale(w.m('feedback.scale.not_useful'), w.m('feedback.scale.very_useful'))}
          value={s.usefulness}
          onChange={set('usefulness')}
        />
        <ChoiceField
          name="again"
          legend={w.m('feedback.field.again')}
          options={FEEDBACK_AGAIN.map((a) => ({ value: a, label: w.m(`feedback.again.${a}`) }))}
          value={s.again}
          onChange={set('again')}
        />
        <TextArea
          label={w.m('feedback.field.most_useful')}
          value={s.mostUseful ?? ''}
          onChange={(v) => set('mostUseful')(v.trim() ? v : null)}
        />
        <TextArea
          label={w.m('feedback.field.suggestions')}
          description={w.m('feedback.field.suggestions_hint')}
          value={s.suggestions ?? ''}
          onChange={(v) => set('suggestions')(v.trim() ? v : null)}
        />
        <Checkbox isSelected={s.consentContact} onChange={set('consentContact')}>
          {w.m('feedback.field.consent_contact')}
        </Checkbox>
        {/* The honeypot, as on the registration form: hidden from people and assistive technology. */}
        <div className="visually-hidden" aria-hidden="true">
          <label>
            {w.m('public.honeypot')}
            <input
              tabIndex={-1}
              autoComplete="off"
              name="website"
              value={s.website ?? ''}
              onChange={(e) => set('website')(e.target.value)}
            />
          </label>
        </div>
        <p className="description">{w.m('feedback.form.privacy')}</p>
        {problem && (
          <p role="alert" className="field-error">
            {problem}
          </p>
        )}
        <ErrorAlert error={inPageLanguage(error)} />
        <Button type="submit" isDisabled={busy}>
          {w.m('feedback.form.submit')}
        </Button>
      </Form>
    </section>
  );
}
