import type { AgreementReading, ReadingItem } from '../../../../common/placements/agreement-reading';

/**
 * The whole agreement as HTML, from the same document the PDF is printed from (issue 9, item 6: the signer
 * read only a summary). One column: the signer's language. Headings start at h3, under the page's h1/h2.
 */
export function AgreementReadingView({ reading }: { reading: AgreementReading }) {
  return (
    <article className="stack" aria-label={reading.title}>
      {reading.blocks.map((b) => (
        <section key={b.id} className="stack" data-block={b.id}>
          {b.heading ? <h3>{b.heading}</h3> : null}
          <Items items={b.items} />
        </section>
      ))}
    </article>
  );
}

/** Consecutive fields form one description list; every other item stands on its own. */
function Items({ items }: { items: ReadingItem[] }) {
  type Field = Extract<ReadingItem, { kind: 'field' }>;
  const groups: Array<Exclude<ReadingItem, Field> | Field[]> = [];
  for (const i of items) {
    if (i.kind !== 'field') {
      groups.push(i);
      continue;
    }
    const last = groups[groups.length - 1];
    if (Array.isArray(last)) last.push(i);
    else groups.push([i]);
  }
  return (
    <>
      {groups.map((g, n) =>
        Array.isArray(g) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the document's items, in a fixed order
          <dl key={`f${n}`} className="facts">
            {g.map((f) => (
              <div key={f.id} style={{ display: 'contents' }}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the document's items, in a fixed order
          <Item key={`i${n}`} item={g} />
        ),
      )}
    </>
  );
}

function Item({ item }: { item: Exclude<ReadingItem, { kind: 'field' }> }) {
  switch (item.kind) {
    case 'subheading':
      return <h4>{item.text}</h4>;
    case 'paragraph':
      return item.notice ? (
        <p>
          <em>{item.text}</em>
        </p>
      ) : (
        <p style={{ whiteSpace: 'pre-line' }}>{item.text}</p>
      );
    case 'signature':
      return (
        <p>
          <strong>{item.label}</strong>
          {item.signer ? ` — ${item.signer}` : ''}
          <br />
          {item.status}
        </p>
      );
  }
}
