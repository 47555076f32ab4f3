import { type ReactNode, useState } from 'react';
import type { CallInput } from '../../../../common/kernel/endpoint';
import type { placementsEndpoints } from '../../../../common/placements/endpoints';
import type { FollowUpView } from '../../../../common/placements/followup-schemas';
import { call } from '../../../app/client';
import { Button } from '../../../app/ui/Button';
import { ErrorAlert } from '../../../app/ui/feedback';
import { Form } from '../../../app/ui/fields';
import { Reveal } from '../../../app/ui/Reveal';
import { useFollowUpChange } from './useFollowUp';
import { useBodyCheck } from './validate';

/** The follow-up's collections a new entry is added to. */
type EntryEndpoint =
  | typeof placementsEndpoints.reportIncident
  | typeof placementsEndpoints.logMobility
  | typeof placementsEndpoints.recordStay;

/**
 * One new follow-up entry (incident, journey, stay): the values as typed, the body checked against the
 * shared schema before it is sent, the server's field errors on the same fields, and a blank form again
 * once saved.
 */
export function useEntryForm<V extends Record<string, unknown>>(opts: {
  placementId: string;
  /** Where the entry is added; its body schema is the one checked before sending. */
  endpoint: EntryEndpoint;
  blank: V;
  /** The request body, and the errors the schema cannot see (numbers typed the local way). */
  toBody: (v: V) => { body: Record<string, unknown>; errors?: Record<string, string> };
  onSaved?: (next: FollowUpView) => void;
}) {
  const { check, fromApi } = useBodyCheck();
  const [v, setV] = useState(opts.blank);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set =
    <K extends keyof V>(k: K) =>
    (x: V[K]) =>
      setV((s) => ({ ...s, [k]: x }));
  const add = useFollowUpChange(
    opts.placementId,
    // submit() sends only a body the endpoint's schema accepted: the cast names what was checked.
    (body: Record<string, unknown>) =>
      call(opts.endpoint, { params: { id: opts.placementId }, body } as CallInput<EntryEndpoint>),
    (next) => {
      opts.onSaved?.(next);
      setV(opts.blank);
    },
  );
  const submit = () => {
    const { body, errors: local = {} } = opts.toBody(v);
    // Undefined members are left out, as they would be on the wire.
    const found = { ...check(opts.endpoint.body!, JSON.parse(JSON.stringify(body))), ...local };
    setErrors(found);
    if (!Object.keys(found).length) add.mutate(body, { onError: (x) => setErrors(fromApi(x)) });
  };
  return { v, set, errors, add, submit };
}

/**
 * The form around an entry's fields: an optional hint, the server's error and the add button, closed
 * behind a button named by its title ("Report an incident") so that the card shows its entries first.
 */
export function EntryForm({
  title,
  hint,
  submitLabel,
  entry,
  children,
}: {
  title: ReactNode;
  hint?: ReactNode;
  submitLabel: ReactNode;
  entry: { add: { error: unknown; isPending: boolean }; submit: () => void };
  children: ReactNode;
}) {
  return (
    <Reveal label={title}>
      <Form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          entry.submit();
        }}
      >
        {hint && <p className="muted">{hint}</p>}
        <ErrorAlert error={entry.add.error} />
        {children}
        <div className="row">
          <Button type="submit" isDisabled={entry.add.isPending}>
            {submitLabel}
          </Button>
        </div>
      </Form>
    </Reveal>
  );
}
