import type { ReactNode } from 'react';
import { type Key, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useSearchParams } from 'react-router';

export interface PageTab {
  id: string;
  title: ReactNode;
  content: ReactNode;
}

/**
 * A long page split into tabs, the chosen one kept in the address (`?tab=…`) so that a link or a reload
 * opens the same tab. An unknown or missing value opens `defaultTab`. react-aria gives the tab roles,
 * the arrow keys and the panel's labelling.
 */
export function PageTabs({
  label,
  tabs,
  defaultTab,
  param = 'tab',
}: {
  /** Names the tab list for assistive technologies. */
  label: string;
  tabs: PageTab[];
  defaultTab: string;
  param?: string;
}) {
  const [search, setSearch] = useSearchParams();
  const asked = search.get(param);
  const selected = tabs.some((t) => t.id === asked) ? (asked as string) : defaultTab;
  const select = (key: Key) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(param, String(key));
        return next;
      },
      // Switching tabs is no new page: Back leaves the page rather than walking the tabs.
      { replace: true, preventScrollReset: true },
    );
  return (
    <Tabs className="tabs" selectedKey={selected} onSelectionChange={select}>
      <TabList aria-label={label} className="tab-list no-print">
        {tabs.map((t) => (
          <Tab key={t.id} id={t.id} className="tab">
            {t.title}
          </Tab>
        ))}
      </TabList>
      {tabs.map((t) => (
        <TabPanel key={t.id} id={t.id} className="tab-panel stack">
          {t.content}
        </TabPanel>
      ))}
    </Tabs>
  );
}
