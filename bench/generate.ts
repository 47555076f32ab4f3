import type { Engine } from '../src/server/platform/db/engine';

/**
 * Bulk synthetic data for benchmarks, inserted through the driver as the owner (set-based SQL, so a
 * few seconds even on PGlite). Names are built from word lists: nothing here is real.
 */
export async function generateOrganisations(engine: Engine, count: number): Promise<void> {
  await engine.rawQuery(
    `insert into organisations (kind, country, region, name_fr, name_nl, short_name, service_languages,
       municipality_code, postal_code, email)
     select (array['ccas','cpas','ocmw','association','host_site','service_provider'])[1 + i % 6],
       case when i % 2 = 0 then 'FR' else 'BE' end,
       case when i % 2 = 0 then 'FR-HDF' when i % 4 = 1 then 'BE-WAL' else 'BE-VLG' end,
       (array['Centre social','Maison solidaire','Atelier','Service d''accueil','Relais emploi'])[1 + i % 5]
         || ' ' || (array['Lys','Escaut','Deûle','Marque','Yser','Haine','Sambre'])[1 + i % 7] || ' ' || i,
       (array['Sociaal huis','Solidair huis','Werkplaats','Onthaaldienst','Jobpunt'])[1 + i % 5]
         || ' ' || (array['Leie','Schelde','Deule','Marke','IJzer','Haine','Samber'])[1 + i % 7] || ' ' || i,
       'ORG ' || i, array['fr','nl'],
       case when i % 2 = 0 then 'FR-59350' else 'BE-57096' end, '0000', 'bench' || i || '@bench.example'
     from generate_series(1, $1::int) as i`,
    [count],
  );
}
