import {
  directoryLink,
  organisationEditLink,
  organisationLink,
  organisationNewLink,
  organisationsLink,
  programmeEditLink,
  programmeLink,
  programmeNewLink,
  programmePartnersLink,
  programmeStructureLink,
  programmesLink,
  serviceEditLink,
  serviceLink,
  serviceLinksNetworkLink,
  serviceNewLink,
  servicesLink,
  territoriesLink,
} from '../../../common/network/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const DirectoryPage = lazyPage('network', () =>
  import('./directory/DirectoryPage').then((m) => m.DirectoryPage),
);
const ServicePage = lazyPage('network', () => import('./directory/ServicePage').then((m) => m.ServicePage));
const OrganisationCreatePage = lazyPage('network', () =>
  import('./organisations/OrganisationFormPages').then((m) => m.OrganisationCreatePage),
);
const OrganisationEditPage = lazyPage('network', () =>
  import('./organisations/OrganisationFormPages').then((m) => m.OrganisationEditPage),
);
const OrganisationPage = lazyPage('network', () =>
  import('./organisations/OrganisationPage').then((m) => m.OrganisationPage),
);
const OrganisationsPage = lazyPage('network', () =>
  import('./organisations/OrganisationsPage').then((m) => m.OrganisationsPage),
);
const PartnersPage = lazyPage('network', () =>
  import('./programmes/PartnersPage').then((m) => m.PartnersPage),
);
const ProgrammeFormPage = lazyPage('network', () =>
  import('./programmes/ProgrammeFormPage').then((m) => m.ProgrammeFormPage),
);
const ProgrammePage = lazyPage('network', () =>
  import('./programmes/ProgrammePage').then((m) => m.ProgrammePage),
);
const ProgrammesPage = lazyPage('network', () =>
  import('./programmes/ProgrammesPage').then((m) => m.ProgrammesPage),
);
const StructurePage = lazyPage('network', () =>
  import('./programmes/StructurePage').then((m) => m.StructurePage),
);
const NetworkLinksPage = lazyPage('network', () =>
  import('./service-links/NetworkLinksPage').then((m) => m.NetworkLinksPage),
);
const EditServicePage = lazyPage('network', () =>
  import('./services/ServiceFormPage').then((m) => m.EditServicePage),
);
const NewServicePage = lazyPage('network', () =>
  import('./services/ServiceFormPage').then((m) => m.NewServicePage),
);
const ServicesListPage = lazyPage('network', () =>
  import('./services/ServicesListPage').then((m) => m.ServicesListPage),
);
const TerritoriesPage = lazyPage('network', () =>
  import('./territories/TerritoriesPage').then((m) => m.TerritoriesPage),
);

/**
 * The partner network: organisations, municipalities (and their import), programmes with their
 * partners, an organisation's own services, and the public services directory. Pages are mounted on
 * the links others point to them with.
 */
export const networkModule: WebModule = {
  nav: [
    {
      to: organisationsLink.href(),
      labelId: 'nav.organisations',
      permission: 'organisation.view',
      order: 10,
    },
    { to: programmesLink.href(), labelId: 'network.programmes.nav', permission: 'programme.view', order: 20 },
    { to: servicesLink.href(), labelId: 'network.services.nav', permission: 'service.manage', order: 30 },
    { to: directoryLink.href(), labelId: 'network.directory.nav', order: 31, public: true },
    {
      to: serviceLinksNetworkLink.href(),
      labelId: 'network.service_links.nav',
      permission: 'organisation.view',
      order: 32,
    },
    { to: territoriesLink.href(), labelId: 'nav.territories', permission: 'organisation.view', order: 60 },
  ],
  routes: [
    { path: organisationsLink.pattern, element: <OrganisationsPage /> },
    { path: organisationNewLink.pattern, element: <OrganisationCreatePage /> },
    { path: organisationLink.pattern, element: <OrganisationPage /> },
    { path: organisationEditLink.pattern, element: <OrganisationEditPage /> },
    { path: territoriesLink.pattern, element: <TerritoriesPage /> },
    { path: programmesLink.pattern, element: <ProgrammesPage /> },
    { path: programmeNewLink.pattern, element: <ProgrammeFormPage /> },
    { path: programmeLink.pattern, element: <ProgrammePage /> },
    { path: programmeEditLink.pattern, element: <ProgrammeFormPage /> },
    { path: programmePartnersLink.pattern, element: <PartnersPage /> },
    { path: programmeStructureLink.pattern, element: <StructurePage /> },
    { path: servicesLink.pattern, element: <ServicesListPage /> },
    { path: serviceNewLink.pattern, element: <NewServicePage /> },
    { path: serviceEditLink.pattern, element: <EditServicePage /> },
    { path: serviceLinksNetworkLink.pattern, element: <NetworkLinksPage /> },
  ],
  publicRoutes: [
    { path: directoryLink.pattern, element: <DirectoryPage /> },
    { path: serviceLink.pattern, element: <ServicePage /> },
  ],
};
