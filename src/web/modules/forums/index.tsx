import { eventFeedbackLink } from '../../../common/forums/feedback-links';
import {
  cancelRegistrationLink,
  eventCheckInLink,
  eventEditLink,
  eventLink,
  eventNewLink,
  eventsLink,
  publicEventLink,
} from '../../../common/forums/links';
import { lazyPage } from '../../app/lazy';
import type { WebModule } from '../../app/module';

const CancelRegistrationPage = lazyPage('forums', () =>
  import('./CancelPage').then((m) => m.CancelRegistrationPage),
);
const CheckInPage = lazyPage('forums', () => import('./CheckInPage').then((m) => m.CheckInPage));
const EditEventPage = lazyPage('forums', () => import('./EventFormPage').then((m) => m.EditEventPage));
const NewEventPage = lazyPage('forums', () => import('./EventFormPage').then((m) => m.NewEventPage));
const EventPage = lazyPage('forums', () => import('./EventPage').then((m) => m.EventPage));
const EventsPage = lazyPage('forums', () => import('./EventsPage').then((m) => m.EventsPage));
const FeedbackPage = lazyPage('forums', () => import('./feedback/FeedbackPage').then((m) => m.FeedbackPage));
const PublicEventPage = lazyPage('forums', () => import('./PublicEventPage').then((m) => m.PublicEventPage));

/**
 * Forums and events (see src/server/modules/forums/index.ts): the network's events and the organiser's
 * pages for signed-in users; an event's public page with its registration form, and the cancellation link.
 */
export const forumsModule: WebModule = {
  nav: [{ to: eventsLink.href(), labelId: 'forums.nav', permission: 'forum.view', order: 47 }],
  routes: [
    { path: eventsLink.pattern, element: <EventsPage /> },
    { path: eventNewLink.pattern, element: <NewEventPage /> },
    { path: eventLink.pattern, element: <EventPage /> },
    { path: eventEditLink.pattern, element: <EditEventPage /> },
    { path: eventCheckInLink.pattern, element: <CheckInPage /> },
  ],
  publicRoutes: [
    { path: publicEventLink.pattern, element: <PublicEventPage /> },
    { path: cancelRegistrationLink.pattern, element: <CancelRegistrationPage /> },
    { path: eventFeedbackLink.pattern, element: <FeedbackPage /> },
  ],
};
