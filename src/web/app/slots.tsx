import { createContext, type ReactNode, useContext } from 'react';
import type { WebModule } from './module';

/**
 * The modules' slots (person panels and links, caseload alerts), given to the pages that show them. A
 * context rather than an import, so a module's page never imports the list of modules it is part of.
 */
const ModulesContext = createContext<readonly WebModule[]>([]);

export function ModulesProvider({
  modules,
  children,
}: {
  modules: readonly WebModule[];
  children: ReactNode;
}) {
  return <ModulesContext.Provider value={modules}>{children}</ModulesContext.Provider>;
}

/** Every module's contributions to one slot, in their order. */
export function useSlot<K extends 'personPanels' | 'personLinks' | 'caseloadAlerts' | 'programmeLinks'>(
  slot: K,
): NonNullable<WebModule[K]> {
  const modules = useContext(ModulesContext);
  const all = modules.flatMap((m) => (m[slot] ?? []) as Array<NonNullable<WebModule[K]>[number]>);
  const ordered = all.some((x) => 'order' in x)
    ? [...all].sort((a, b) => ((a as { order?: number }).order ?? 0) - ((b as { order?: number }).order ?? 0))
    : all;
  return ordered as NonNullable<WebModule[K]>;
}
