// Entry point. Fonts and styles are imported here so Vite bundles them as hashed files under
// dist/assets/ (the CSP allows only same-origin fonts and stylesheets, no inline styles).
import '@fontsource-variable/inter/wght.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/cards.css';
import './styles/pages.css';
import './styles/forms.css';
import './styles/feedback.css';
import './styles/status.css';
import './styles/header.css';
import './styles/account.css';
import './styles/lists.css';
import './styles/areas.css';
import './styles/directory.css';
import './styles/directory-search.css';
import './styles/directory-results.css';
import './styles/directory-practitioner.css';
import './styles/area-tabs.css';
import './styles/profile-editor.css';
import './styles/agenda.css';
import './styles/agenda-week.css';
import './styles/agenda-panels.css';
import './styles/agenda-hours.css';
import './styles/booking-flow.css';
import './styles/booking-parts.css';
import './styles/appointments.css';
import './styles/agenda-bookings.css';
import './styles/consultation.css';
import './styles/consultation-pages.css';
import './styles/consultation-room.css';
import { render } from 'preact';
import { App } from './app';

const root = document.getElementById('app');
if (!root) throw new Error('index.html must contain <div id="app">');
render(<App />, root);
