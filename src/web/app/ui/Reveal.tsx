import type { ReactNode } from 'react';
import { Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { Button } from './Button';

/**
 * Something long kept closed until asked for (a form to add an entry): the button names what it opens
 * ("Report an incident"), so a page shows its summaries first and a form only when someone means to fill
 * it. react-aria gives the button aria-expanded and aria-controls and hides the closed panel; its content
 * stays mounted, so what was typed survives closing it.
 */
export function Reveal({
  label,
  children,
  level = 3,
}: {
  label: ReactNode;
  children: ReactNode;
  /** The heading level the button sits in, one below the card or block it belongs to. */
  level?: number;
}) {
  return (
    <Disclosure className="reveal">
      <Heading level={level} className="reveal-heading">
        <Button slot="trigger" variant="secondary">
          <span className="reveal-chevron" aria-hidden="true">
            ▸
          </span>
          {label}
        </Button>
      </Heading>
      <DisclosurePanel className="reveal-panel">{children}</DisclosurePanel>
    </Disclosure>
  );
}
