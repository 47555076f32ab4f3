import {
  bookingLink,
  bookingNewLink,
  bookingsLink,
  externalBookingLink,
} from '../../../../common/accompaniment/interpreting-links';
import { lazyPage } from '../../../app/lazy';
import type { AccompanimentWebPart } from '../part';

const BookingFormPage = lazyPage('accompaniment', () =>
  import('./BookingFormPage').then((m) => m.BookingFormPage),
);
const BookingPage = lazyPage('accompaniment', () => import('./BookingPage').then((m) => m.BookingPage));
const BookingsPage = lazyPage('accompaniment', () => import('./BookingsPage').then((m) => m.BookingsPage));
const ExternalBookingPage = lazyPage('accompaniment', () =>
  import('./ExternalBookingPage').then((m) => m.ExternalBookingPage),
);

/** Interpreter bookings: list, form, booking page; the external interpreter's public page; the hub card. */
export const interpretingWebPart: AccompanimentWebPart = {
  routes: [
    { path: bookingsLink.pattern, element: <BookingsPage /> },
    { path: bookingNewLink.pattern, element: <BookingFormPage /> },
    { path: bookingLink.pattern, element: <BookingPage /> },
  ],
  publicRoutes: [{ path: externalBookingLink.pattern, element: <ExternalBookingPage /> }],
  // On the person page: a booking for this person, prefilled from the interpreter need on record.
  personLinks: [
    {
      key: 'interpreting-book',
      order: 60,
      labelId: 'accompaniment.interpreting.list.new',
      permission: 'interpreting.book',
      href: (personId) => bookingNewLink.href(undefined, { personId }),
    },
  ],
  sections: [
    {
      key: 'interpreting',
      order: 30,
      to: bookingsLink.href(),
      titleId: 'accompaniment.interpreting.hub.title',
      descriptionId: 'accompaniment.interpreting.hub.description',
      permission: 'interpreting.book',
    },
    {
      key: 'interpreting-provider',
      order: 31,
      to: bookingsLink.href(undefined, { view: 'provider' }),
      titleId: 'accompaniment.interpreting.hub.provider_title',
      descriptionId: 'accompaniment.interpreting.hub.provider_description',
      permission: 'interpreting.provide',
    },
  ],
};
