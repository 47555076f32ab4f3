import type { Participants } from '../../../../common/accompaniment/experimentations-schemas';
import { TextField } from '../../../app/ui/fields';
import type { ExperimentationWords } from './words';

/** Participants counted by category (never named), with their total. */
export function ParticipantsFields({
  w,
  value,
  onChange,
}: {
  w: ExperimentationWords;
  value: Participants;
  onChange: (v: Participants) => void;
}) {
  const field = (k: keyof Participants) => (
    <TextField
      label={w.m(`field.${k}`)}
      type="number"
      inputMode="numeric"
      value={String(value[k])}
      onChange={(v) => onChange({ ...value, [k]: Math.max(0, Number.parseInt(v, 10) || 0) })}
    />
  );
  return (
    <fieldset className="stack">
      <legend>{w.m('field.participants')}</legend>
      <p className="description">{w.m('form.participants_hint')}</p>
      <div className="row">
        {field('newcomers')}
        {field('professionals')}
        {field('volunteers')}
      </div>
      <p>{w.m('field.total', { n: value.newcomers + value.professionals + value.volunteers })}</p>
    </fieldset>
  );
}
