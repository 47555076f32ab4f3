import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router';
import { publicPracticesApi } from '../../../common/practices/endpoints';
import { libraryLink } from '../../../common/practices/links';
import type { AttachmentView } from '../../../common/practices/schemas';
import { hrefOf, useEndpoint } from '../../app/client';
import { downloadFile } from '../../app/download';
import { useLanguage } from '../../app/i18n';
import { LinkButton } from '../../app/ui/Button';
import { ErrorAlert, Loading } from '../../app/ui/feedback';
import { PracticeView } from './PracticeView';

/** A sheet opened to the public, read without sign-in: no take-ups, the contact only if the owner chose. */
export function PublicPracticePage() {
  const { id = '' } = useParams();
  const { language } = useLanguage();
  const q = useEndpoint(publicPracticesApi.get, { params: { id } });
  const [error, setError] = useState<unknown>(null);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const download = async (a: AttachmentView) => {
    setError(null);
    try {
      await downloadFile(
        hrefOf(publicPracticesApi.attachment, { params: { id, attachmentId: a.id } }),
        language,
        {
          fallbackName: a.filename,
        },
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack">
      <ErrorAlert error={error} />
      <PracticeView
        sheet={q.data}
        onDownload={(a) => void download(a)}
        actions={
          <LinkButton to={libraryLink.href()} variant="secondary">
            <FormattedMessage id="practices.library.back" />
          </LinkButton>
        }
      />
    </div>
  );
}
