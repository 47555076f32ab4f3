import { useState } from 'react';
import { useParams } from 'react-router';
import { publicForumsApi as pub } from '../../../common/forums/endpoints';
import { call } from '../../app/client';
import { Button } from '../../app/ui/Button';
import { Alert, ErrorAlert } from '../../app/ui/feedback';
import { PageHeader } from '../../app/ui/layout';
import { linkToken } from '../../app/ui/PageLanguage';
import { useForumWords } from './words';

/**
 * The cancellation link of a registration: the token stays in the address's fragment (never sent to a
 * server by the browser) and is posted only when the person confirms; it works once.
 */
export function CancelRegistrationPage() {
  const { id = '' } = useParams();
  const w = useForumWords();
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const token = linkToken();
  const cancel = async () => {
    setError(null);
    try {
      setDone((await call(pub.cancel, { params: { id }, body: { token } })).title);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack">
      <PageHeader title={w.m('cancel.title')} />
      {done !== null ? (
        <Alert tone="success">{w.m('cancel.done', { title: done })}</Alert>
      ) : (
        <>
          <p>{w.m('cancel.explain')}</p>
          <ErrorAlert error={error} />
          <Button variant="danger" onPress={() => void cancel()} isDisabled={!token}>
            {w.m('cancel.confirm')}
          </Button>
        </>
      )}
    </div>
  );
}
