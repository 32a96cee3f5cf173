// Application root: language, routing and the page frame. One page module per screen.
import { LocationProvider, Route, Router } from 'preact-iso';
import { Layout } from './components/Layout';
import { I18nProvider } from './i18n';
import { ROUTES } from './lib/routes';
import { AccessibilityPage } from './pages/Accessibility';
import { HomePage } from './pages/Home';
import { LegalPage } from './pages/Legal';
import { NotFoundPage } from './pages/NotFound';
import { OperatorPage } from './pages/Operator';
import { PatientPage } from './pages/Patient';
import { PractitionerPage } from './pages/Practitioner';
import { PrivacyPage } from './pages/Privacy';

export function App() {
  return (
    <I18nProvider>
      <LocationProvider>
        <Layout>
          <Router>
            <Route path={ROUTES.home} component={HomePage} />
            <Route path={ROUTES.patient} component={PatientPage} />
            <Route path={ROUTES.practitioner} component={PractitionerPage} />
            <Route path={ROUTES.operator} component={OperatorPage} />
            <Route path={ROUTES.legal} component={LegalPage} />
            <Route path={ROUTES.privacy} component={PrivacyPage} />
            <Route path={ROUTES.accessibility} component={AccessibilityPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </Layout>
      </LocationProvider>
    </I18nProvider>
  );
}
