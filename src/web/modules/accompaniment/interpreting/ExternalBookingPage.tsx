import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useLocation, useParams } from 'react-router';
import { publicInterpretingApi as pub } from '../../../../common/accompaniment/interpreting-endpoints';
import { externalBookingLink } from '../../../../common/accompaniment/interpreting-links';
import type { ExternalBooking } from '../../../../common/accompaniment/interpreting-schemas';
import { type Language, localized } from '../../../../common/i18n/locales';
import { call } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { Alert, Loading } from '../../../app/ui/feedback';
import { Card, Facts, PageHeader } from '../../../app/ui/layout';
import { LanguageSwitch, linkToken, PageLanguage } from '../../../app/ui/PageLanguage';
import { useInterpretingWords } from './words';

const LANGUAGES = ['fr', 'nl', 'en'] as const;

/**
 * The external interpreter's page (no account): the token comes from the mailed link's fragment and goes
 * to the server in a POST body only. It shows that booking — language, slot, modality, place or number,
 * domain, briefing — from 24 h before its start to its end; otherwise one refusal, whatever the reason.
 */
export function ExternalBookingPage() {
  const location = useLocation();
  const { language: shell } = useLanguage();
  const asked = externalBookingLink.read(location.search).lang;
  const language: Language = LANGUAGES.includes(asked as Language) ? (asked as Language) : shell;
  return (
    <PageLanguage language={language}>
      <ExternalBookingView language={language} />
    </PageLanguage>
  );
}

function ExternalBookingView({ language }: { language: Language }) {
  const { id = '' } = useParams();
  const w = useInterpretingWords();
  const intl = useIntl();
  const [state, setState] = useState<{ b?: ExternalBooking; refused?: boolean }>({});
  useEffect(() => {
    const token = linkToken();
    if (token.length < 20) {
      setState({ refused: true });
      return;
    }
    call(pub.booking, { params: { id }, body: { token } })
      .then((b) => setState({ b }))
      .catch(() => setState({ refused: true }));
  }, [id]);
  const switcher = (
    <LanguageSwitch
      current={language}
      languages={LANGUAGES}
      label={intl.formatMessage({ id: 'accompaniment.interpreting.public.title' })}
      href={(l) => `${externalBookingLink.href({ id }, { lang: l })}${window.location.hash}`}
    />
  );
  if (state.refused)
    return (
      <div className="stack">
        <PageHeader title={w.m('public.title')} actions={switcher} />
        <Alert tone="warning">{w.m('public.refused')}</Alert>
      </div>
    );
  if (!state.b) return <Loading />;
  const b = state.b;
  const where = b.modality === 'on_site' ? b.place : b.modality === 'phone' ? b.phone : b.videoUrl;
  return (
    <div className="stack">
      <PageHeader title={w.m('public.title')} description={w.m('public.intro')} actions={switcher} />
      <Card>
        <Facts
          items={[
            [w.m('field.slot'), w.slot(b.startsAt, b.endsAt)],
            [w.m('field.language'), `${w.language(b.language)}${b.dialect ? ` – ${b.dialect}` : ''}`],
            [w.m('field.modality'), w.m(`modality.${b.modality}`)],
            [
              w.m(
                b.modality === 'on_site'
                  ? 'field.place'
                  : b.modality === 'phone'
                    ? 'field.phone'
                    : 'field.video',
              ),
              where ?? '—',
            ],
            [w.m('field.domain'), w.m(`domain.${b.domain}`)],
            [w.m('public.booker'), localized(language, b.booker.nameFr, b.booker.nameNl)],
            [w.m('field.interpreter'), b.interpreterName ?? '—'],
          ]}
        />
        {b.briefing && (
          <>
            <h2>{w.m('field.briefing')}</h2>
            <p style={{ whiteSpace: 'pre-wrap' }}>{b.briefing}</p>
          </>
        )}
      </Card>
    </div>
  );
}
