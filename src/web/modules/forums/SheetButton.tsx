import { useState } from 'react';
import { attendanceApi } from '../../../common/forums/endpoints';
import { hrefOf } from '../../app/client';
import { downloadFile } from '../../app/download';
import { useLanguage } from '../../app/i18n';
import { Button } from '../../app/ui/Button';
import { ErrorAlert } from '../../app/ui/feedback';
import type { ForumWords } from './words';

/** Downloads the bilingual attendance sheet (PDF); a refusal shows on the page. */
export function SheetButton({ w, eventId }: { w: ForumWords; eventId: string }) {
  const { language } = useLanguage();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const get = async () => {
    setError(null);
    setBusy(true);
    try {
      await downloadFile(hrefOf(attendanceApi.sheet, { params: { id: eventId }, query: {} }), language, {
        fallbackName: 'attendance.pdf',
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="secondary" isDisabled={busy} onPress={() => void get()}>
        {w.m('checkin.sheet')}
      </Button>
      <ErrorAlert error={error} />
    </>
  );
}
