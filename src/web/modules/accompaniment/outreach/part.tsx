import {
  contactEditLink,
  contactLink,
  contactNewLink,
  contactsLink,
} from '../../../../common/accompaniment/outreach-links';
import { lazyPage } from '../../../app/lazy';
import type { AccompanimentWebPart } from '../part';

const EditContactPage = lazyPage('accompaniment', () =>
  import('./ContactFormPage').then((m) => m.EditContactPage),
);
const NewContactPage = lazyPage('accompaniment', () =>
  import('./ContactFormPage').then((m) => m.NewContactPage),
);
const ContactPage = lazyPage('accompaniment', () => import('./ContactPage').then((m) => m.ContactPage));
const ContactsPage = lazyPage('accompaniment', () => import('./ContactsPage').then((m) => m.ContactsPage));

/** Outreach contacts: the log, the form, a contact's page with the "link to a record" flow; the hub card. */
export const outreachWebPart: AccompanimentWebPart = {
  routes: [
    { path: contactsLink.pattern, element: <ContactsPage /> },
    { path: contactNewLink.pattern, element: <NewContactPage /> },
    { path: contactLink.pattern, element: <ContactPage /> },
    { path: contactEditLink.pattern, element: <EditContactPage /> },
  ],
  sections: [
    {
      key: 'outreach',
      order: 40,
      to: contactsLink.href(),
      titleId: 'accompaniment.outreach.hub.title',
      descriptionId: 'accompaniment.outreach.hub.description',
      permission: 'outreach.record',
    },
  ],
};
