import { useIntl } from 'react-intl';
import type { ReasonOut } from '../../../../common/placements/offer-schemas';

/** A ranking reason as a short sentence; a language code is named in the reader's language. */
export function useReasonText() {
  const intl = useIntl();
  return (r: Pick<ReasonOut, 'code' | 'params'>) => {
    const params: Record<string, string | number> = { ...r.params };
    if (typeof params.language === 'string')
      params.language = intl.formatMessage({ id: `placements.offers.enum.language.${params.language}` });
    return intl.formatMessage({ id: `placements.offers.reason.${r.code}` }, params);
  };
}

/** Why an offer sits where it does: blocking reasons first, then those that cost or gave points. */
export function Reasons({ reasons }: { reasons: ReasonOut[] }) {
  const text = useReasonText();
  const ordered = [...reasons].sort((a, b) => Number(b.blocking) - Number(a.blocking));
  return (
    <ul className="reasons">
      {ordered.map((r) => (
        <li key={r.code} className={r.blocking ? 'reason reason--blocking' : 'reason'}>
          {text(r)}
        </li>
      ))}
    </ul>
  );
}
