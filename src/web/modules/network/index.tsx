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
import type { WebModule } from '../../app/module';
import { DirectoryPage } from './directory/DirectoryPage';
import { ServicePage } from './directory/ServicePage';
import { OrganisationCreatePage, OrganisationEditPage } from './organisations/OrganisationFormPages';
import { OrganisationPage } from './organisations/OrganisationPage';
import { OrganisationsPage } from './organisations/OrganisationsPage';
import { PartnersPage } from './programmes/PartnersPage';
import { ProgrammeFormPage } from './programmes/ProgrammeFormPage';
import { ProgrammePage } from './programmes/ProgrammePage';
import { ProgrammesPage } from './programmes/ProgrammesPage';
import { StructurePage } from './programmes/StructurePage';
import { NetworkLinksPage } from './service-links/NetworkLinksPage';
import { EditServicePage, NewServicePage } from './services/ServiceFormPage';
import { ServicesListPage } from './services/ServicesListPage';
import { TerritoriesPage } from './territories/TerritoriesPage';

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
