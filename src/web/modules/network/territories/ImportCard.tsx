import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { territoriesApi } from '../../../../common/network/endpoints';
import type { TerritoryImportResult } from '../../../../common/network/territory-schemas';
import { ApiError } from '../../../app/api';
import { hrefOf, invalidate } from '../../../app/client';
import { useLanguage } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { Button } from '../../../app/ui/Button';
import { Alert, ErrorAlert, Spinner } from '../../../app/ui/feedback';
import { Form } from '../../../app/ui/fields';
import { Card } from '../../../app/ui/layout';
import { uploadFile } from './upload';

type State =
  | { step: 'idle' }
  | { step: 'sending'; sent: number }
  | { step: 'done'; result: TerritoryImportResult }
  | { step: 'failed'; error: unknown };

/** Where a refused record is: the server names it 'line.12' or 'feature.3'. */
function Problem({ path, message }: { path: string; message: string }) {
  const [kind, n] = path.split('.');
  if (kind === 'line')
    return <FormattedMessage id="network.territories.import.at_line" values={{ line: n, message }} />;
  if (kind === 'feature')
    return <FormattedMessage id="network.territories.import.at_feature" values={{ feature: n, message }} />;
  return <>{message}</>;
}

/** The import form for platform admins: one file, progress while it goes, then counts or every problem. */
export function ImportCard() {
  const intl = useIntl();
  const session = useSession();
  const { language } = useLanguage();
  const client = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<State>({ step: 'idle' });
  const refused = state.step === 'failed' && state.error instanceof ApiError && state.error.fields.length > 0;
  return (
    <Card title={<FormattedMessage id="network.territories.import.title" />}>
      <p className="muted">
        <FormattedMessage id="network.territories.import.intro" />
      </p>
      <Form
        className="stack"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) {
            setState({
              step: 'failed',
              error: new ApiError(
                400,
                'network.territories.errors.no_file',
                intl.formatMessage({ id: 'network.territories.errors.no_file' }),
              ),
            });
            return;
          }
          setState({ step: 'sending', sent: 0 });
          try {
            const result = await uploadFile<TerritoryImportResult>(
              hrefOf(territoriesApi.import),
              file,
              { 'x-csrf-token': session.csrfToken, 'x-samen-language': language },
              (sent) => setState({ step: 'sending', sent }),
            );
            setState({ step: 'done', result });
            await invalidate(client, territoriesApi.list, territoriesApi.get);
          } catch (error) {
            setState({ step: 'failed', error });
          }
        }}
      >
        <div className="field">
          <label htmlFor={inputId}>
            <FormattedMessage id="network.territories.import.file" />
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.tsv,.txt,.json,.geojson,.topojson,text/csv,application/json,application/geo+json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ step: 'idle' });
            }}
          />
        </div>
        <Button type="submit" isDisabled={state.step === 'sending'}>
          <FormattedMessage id="network.territories.import.submit" />
        </Button>
      </Form>
      {state.step === 'sending' && (
        <div aria-live="polite" className="stack">
          {state.sent < 1 ? (
            <>
              <progress
                max={1}
                value={state.sent}
                aria-label={intl.formatMessage({ id: 'network.territories.import.file' })}
              />
              <FormattedMessage
                id="network.territories.import.uploading"
                values={{ percent: Math.round(state.sent * 100) }}
              />
            </>
          ) : (
            <p>
              <Spinner /> <FormattedMessage id="network.territories.import.processing" />
            </p>
          )}
        </div>
      )}
      {state.step === 'done' && (
        <Alert tone="success">
          <FormattedMessage id="network.territories.import.done" values={{ ...state.result }} />
        </Alert>
      )}
      {state.step === 'failed' && !refused && <ErrorAlert error={state.error} />}
      {state.step === 'failed' && refused && state.error instanceof ApiError && (
        <Alert tone="error" title={state.error.message}>
          <ul>
            {state.error.fields.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: problems are listed in file order and never reordered
              <li key={i}>
                <Problem path={f.path} message={f.message} />
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </Card>
  );
}
