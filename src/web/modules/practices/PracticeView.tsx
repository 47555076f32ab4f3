import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  type AttachmentView,
  PRACTICE_TEXTS,
  type PracticeDetail,
  type PracticeLanguage,
} from '../../../common/practices/schemas';
import { Button } from '../../app/ui/Button';
import { Card, Facts } from '../../app/ui/layout';
import { TranslationMark, VersionMark } from './TranslationMark';
import { pickTitle, statusTone, usePracticeWords } from './words';

/** One language version of the sheet, its texts under their headings, in that language. */
function Version({ sheet, language }: { sheet: PracticeDetail; language: PracticeLanguage }) {
  const v = sheet[language];
  const w = usePracticeWords();
  return (
    <section className="practice-version" lang={language} aria-labelledby={`practice-version-${language}`}>
      <h2 id={`practice-version-${language}`}>
        {w.languageName(language)}{' '}
        <VersionMark language={language} originalLanguage={sheet.originalLanguage} present={v !== null} />
      </h2>
      {v ? (
        <>
          <h3>{v.title}</h3>
          {PRACTICE_TEXTS.filter((t) => t !== 'title' && v[t]).map((t) => (
            <div key={t} className="practice-text">
              <h4>
                <FormattedMessage id={`practices.field.${t}`} />
              </h4>
              <p>{v[t]}</p>
            </div>
          ))}
        </>
      ) : (
        <p className="muted">
          <FormattedMessage id="practices.sheet.no_version" values={{ language: w.languageName(language) }} />
        </p>
      )}
    </section>
  );
}

/**
 * A sheet as both its pages show it (signed in and public): header facts, the two language versions side by
 * side (stacked on a narrow screen, the reader's language first) with their translation marks, and its
 * attachments. `actions`, `attachmentActions` and `after` are the signed-in page's additions.
 */
export function PracticeView({
  sheet,
  actions,
  onDownload,
  attachmentExtra,
  after,
}: {
  sheet: PracticeDetail;
  actions?: ReactNode;
  onDownload: (a: AttachmentView) => void;
  attachmentExtra?: (a: AttachmentView) => ReactNode;
  after?: ReactNode;
}) {
  const intl = useIntl();
  const w = usePracticeWords();
  const title = pickTitle(w.language, sheet.fr?.title ?? null, sheet.nl?.title ?? null);
  const order: PracticeLanguage[] = w.language === 'nl' ? ['nl', 'fr'] : ['fr', 'nl'];
  const facts: Array<[ReactNode, ReactNode]> = [
    [<FormattedMessage key="o" id="practices.sheet.owner" />, w.org(sheet.org)],
    [<FormattedMessage key="r" id="practices.sheet.reference" />, sheet.reference],
    [<FormattedMessage key="t" id="practices.field.themes" />, sheet.themes.map(w.theme).join(', ')],
  ];
  if (sheet.tags.length)
    facts.push([<FormattedMessage key="g" id="practices.field.tags" />, sheet.tags.join(', ')]);
  if (sheet.partners.length)
    facts.push([
      <FormattedMessage key="p" id="practices.field.partnerOrgs" />,
      sheet.partners.map(w.org).join(', '),
    ]);
  if (sheet.programme)
    facts.push([<FormattedMessage key="m" id="practices.field.programme" />, sheet.programme.acronym]);
  if (sheet.sourceKind !== 'direct')
    facts.push([
      <FormattedMessage key="s" id="practices.sheet.source" />,
      intl.formatMessage({ id: `practices.enum.source.${sheet.sourceKind}` }),
    ]);
  if (sheet.publishedOn)
    facts.push([
      <FormattedMessage key="d" id="practices.sheet.published_on" />,
      intl.formatDate(sheet.publishedOn, { dateStyle: 'long', timeZone: 'UTC' }),
    ]);
  if (sheet.contactEmail)
    facts.push([
      <FormattedMessage key="c" id="practices.field.contactEmail" />,
      <a key="e" href={`mailto:${sheet.contactEmail}`}>
        {sheet.contactEmail}
      </a>,
    ]);
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <h1 lang={title.lang === w.language ? undefined : title.lang}>{title.text}</h1>
          <p className="row">
            <span className={statusTone(sheet.status)}>{w.status(sheet.status)}</span>
            <TranslationMark
              originalLanguage={sheet.originalLanguage}
              hasFr={sheet.fr !== null}
              hasNl={sheet.nl !== null}
            />
          </p>
        </div>
        {actions && <div className="row no-print">{actions}</div>}
      </div>
      <Card>
        <Facts items={facts} />
      </Card>
      <div className="practice-versions">
        {order.map((l) => (
          <Version key={l} sheet={sheet} language={l} />
        ))}
      </div>
      <Card title={<FormattedMessage id="practices.sheet.attachments" />}>
        {sheet.attachments.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="practices.sheet.no_attachments" />
          </p>
        ) : (
          <ul className="stack">
            {sheet.attachments.map((a) => (
              <li key={a.id} className="row">
                <Button
                  variant="ghost"
                  aria-label={intl.formatMessage({ id: 'practices.sheet.download' }, { name: a.filename })}
                  onPress={() => onDownload(a)}
                >
                  {a.filename}
                </Button>
                <span className="muted">
                  <FormattedMessage
                    id="practices.sheet.size"
                    values={{ kb: Math.max(1, Math.round(a.sizeBytes / 1024)) }}
                  />
                </span>
                {attachmentExtra?.(a)}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {after}
    </div>
  );
}
