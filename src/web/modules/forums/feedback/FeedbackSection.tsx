import { useState } from 'react';
import { forumFeedbackApi as api } from '../../../../common/forums/endpoints';
import type { FeedbackSummary, RatingDistribution } from '../../../../common/forums/feedback-schemas';
import type { EventDetail } from '../../../../common/forums/schemas';
import { hrefOf, useEndpoint } from '../../../app/client';
import { downloadFile } from '../../../app/download';
import { useLanguage } from '../../../app/i18n';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Card } from '../../../app/ui/layout';
import { type ForumWords, useForumWords } from '../words';
import './feedback.css';

/**
 * The feedback on an event, for its organiser and partner organisations once it has ended: answers
 * against mails sent, both ratings (average and distribution), "again?" counts, and the comments without
 * names (a contact only where the person asked to be contacted). Others get a 404 and see nothing.
 */
export function FeedbackSection({ event }: { event: Pick<EventDetail, 'id' | 'status' | 'endsAt'> }) {
  const ended = event.status === 'published' && new Date(event.endsAt).getTime() <= Date.now();
  if (!ended) return null;
  return <Feedback id={event.id} />;
}

function Feedback({ id }: { id: string }) {
  const w = useForumWords();
  const { language } = useLanguage();
  const q = useEndpoint(api.summary, { params: { id } }, { retry: false });
  if (!q.data) return null;
  const exportCsv = () =>
    downloadFile(hrefOf(api.csv, { params: { id } }), language, { fallbackName: 'feedback.csv' });
  return <FeedbackSummaryCard w={w} summary={q.data} onExport={exportCsv} />;
}

export function FeedbackSummaryCard({
  w,
  summary: s,
  onExport,
}: {
  w: ForumWords;
  summary: FeedbackSummary;
  onExport?: () => Promise<void>;
}) {
  const [error, setError] = useState<unknown>(null);
  const exportFile = async () => {
    setError(null);
    try {
      await onExport?.();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card
      title={w.m('feedback.summary.title')}
      actions={
        onExport &&
        s.answers > 0 && (
          <Button variant="secondary" onPress={() => void exportFile()}>
            {w.m('feedback.summary.export')}
          </Button>
        )
      }
    >
      <p>{w.m('feedback.summary.counts', { answers: s.answers, sent: s.sent })}</p>
      {s.answers > 0 && (
        <div className="feedback-summary">
          <Ratings w={w} title={w.m('feedback.field.overall')} d={s.overall} />
          <Ratings w={w} title={w.m('feedback.field.usefulness')} d={s.usefulness} />
          <table className="data">
            <caption>{w.m('feedback.field.again')}</caption>
            <tbody>
              {(['yes', 'maybe', 'no'] as const).map((a) => (
                <tr key={a}>
                  <th scope="row">{w.m(`feedback.again.${a}`)}</th>
                  <td>{s.again[a]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s.comments.length > 0 && (
        <>
          <h3>{w.m('feedback.summary.comments')}</h3>
          <ul className="feedback-comments">
            {s.comments.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the comments have no id (nothing to identify them by)
              <li key={i} lang={c.language}>
                {c.mostUseful && (
                  <p className="pre-line">
                    <strong>{w.m('feedback.summary.most_useful')}</strong> {c.mostUseful}
                  </p>
                )}
                {c.suggestions && (
                  <p className="pre-line">
                    <strong>{w.m('feedback.summary.suggestions')}</strong> {c.suggestions}
                  </p>
                )}
                {c.contact && (
                  <p className="description">
                    {w.m('feedback.summary.contact', { name: c.contact.name, email: c.contact.email })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorAlert error={error} />
    </Card>
  );
}

/** A rating's distribution as a table with a bar per value (the numbers stay readable without the bars). */
function Ratings({ w, title, d }: { w: ForumWords; title: string; d: RatingDistribution }) {
  const max = Math.max(1, ...d.counts);
  return (
    <table className="data rating-bars">
      <caption>
        {title}
        {d.average !== null && ` — ${w.m('feedback.summary.average', { average: d.average })}`}
      </caption>
      <tbody>
        {d.counts.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the five values in order
          <tr key={i}>
            <th scope="row">{i + 1}</th>
            <td>{n}</td>
            <td aria-hidden="true" className="rating-bars__bar">
              <span style={{ width: `${(n / max) * 100}%` }} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
