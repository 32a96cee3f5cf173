// Application root: language, session, routing and the page frame. One page module per screen.
import { LocationProvider, Route, Router } from 'preact-iso';
import { BrandProvider } from './components/BrandProvider';
import { Layout } from './components/Layout';
import { SessionProvider } from './components/SessionProvider';
import { I18nProvider } from './i18n';
import { ROUTES } from './lib/routes';
import { AccessibilityPage } from './pages/Accessibility';
import { AgendaPage } from './pages/Agenda';
import { AgendaHoursPage } from './pages/AgendaHours';
import { AppointmentDocumentsPage } from './pages/AppointmentDocuments';
import { AccessLogPage } from './pages/AccessLog';
import { AccountPage } from './pages/Account';
import { BookingPage } from './pages/Booking';
import { CancelLinkPage } from './pages/CancelLink';
import { ConfirmEmailPage } from './pages/ConfirmEmail';
import { ConsultationPage } from './pages/Consultation';
import { ConsultationClosePage } from './pages/ConsultationClose';
import { ConsultationTestPage } from './pages/ConsultationTest';
import { DevMailboxPage } from './pages/DevMailbox';
import { ForgotPasswordPage } from './pages/ForgotPassword';
import { HomePage } from './pages/Home';
import { InvitationPage } from './pages/InvitationPage';
import { LegalPage } from './pages/Legal';
import { LoginPage } from './pages/Login';
import { MedicalProfilePage } from './pages/MedicalProfile';
import { MessagesPage } from './pages/Messages';
import { MessageThreadPage, StaffThreadPage } from './pages/MessageThread';
import { MyAppointmentsPage } from './pages/MyAppointments';
import { MyDocumentsPage } from './pages/MyDocuments';
import { AccountDeletedPage, MyDataPage } from './pages/MyData';
import { NotFoundPage } from './pages/NotFound';
import { OperatorPage } from './pages/Operator';
import { OperatorAccountsPage } from './pages/OperatorAccounts';
import { OperatorLogPage } from './pages/OperatorLog';
import { OperatorStatsPage } from './pages/OperatorStats';
import { OperatorPartnersPage } from './pages/OperatorPartners';
import { OperatorSettingsPage } from './pages/OperatorSettings';
import { PatientPage } from './pages/Patient';
import { PractitionerPage } from './pages/Practitioner';
import { PractitionerConsultationsPage } from './pages/PractitionerConsultations';
import { PractitionerMessagesPage } from './pages/PractitionerMessages';
import { PractitionerNowPage } from './pages/PractitionerNow';
import { PractitionerProfileEditPage } from './pages/PractitionerProfileEdit';
import { PractitionerPublicPage } from './pages/PractitionerPublic';
import { PrivacyPage } from './pages/Privacy';
import { TermsPage } from './pages/Terms';
import { BenefitsPage } from './pages/Benefits';
import { QueueJoinPage } from './pages/QueueJoin';
import { QueuesPage } from './pages/Queues';
import { QueueWaitPage } from './pages/QueueWait';
import { RelativePage } from './pages/Relative';
import { RelativesPage } from './pages/Relatives';
import { ResetPasswordPage } from './pages/ResetPassword';
import { SearchPage } from './pages/Search';
import { SecurityPage } from './pages/Security';
import { SignUpPage } from './pages/SignUp';
import { SignUpAssistantPage } from './pages/SignUpAssistant';
import { SignUpPractitionerPage } from './pages/SignUpPractitioner';
import { VerifyPrescriptionPage } from './pages/VerifyPrescription';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <BrandProvider>
          <LocationProvider>
            <Layout>
              <Router>
                <Route path={ROUTES.home} component={HomePage} />
                <Route path={ROUTES.patient} component={PatientPage} />
                <Route path={ROUTES.myAppointments} component={MyAppointmentsPage} />
                <Route path={ROUTES.appointmentDocuments} component={AppointmentDocumentsPage} />
                <Route path={ROUTES.myDocuments} component={MyDocumentsPage} />
                <Route path={ROUTES.medicalProfile} component={MedicalProfilePage} />
                <Route path={ROUTES.messages} component={MessagesPage} />
                <Route path={ROUTES.messageThread} component={MessageThreadPage} />
                <Route path={ROUTES.practitioner} component={PractitionerPage} />
                <Route path={ROUTES.operator} component={OperatorPage} />
                <Route path={ROUTES.operatorAccounts} component={OperatorAccountsPage} />
                <Route path={ROUTES.operatorLog} component={OperatorLogPage} />
                <Route path={ROUTES.operatorStats} component={OperatorStatsPage} />
                <Route path={ROUTES.operatorPartners} component={OperatorPartnersPage} />
                <Route path={ROUTES.operatorSettings} component={OperatorSettingsPage} />
                <Route path={ROUTES.legal} component={LegalPage} />
                <Route path={ROUTES.privacy} component={PrivacyPage} />
                <Route path={ROUTES.terms} component={TermsPage} />
                <Route path={ROUTES.benefits} component={BenefitsPage} />
                <Route path={ROUTES.accessibility} component={AccessibilityPage} />
                <Route path={ROUTES.signup} component={SignUpPage} />
                <Route path={ROUTES.signupPractitioner} component={SignUpPractitionerPage} />
                <Route path={ROUTES.signupAssistant} component={SignUpAssistantPage} />
                <Route path={ROUTES.confirmEmail} component={ConfirmEmailPage} />
                <Route path={ROUTES.login} component={LoginPage} />
                <Route path={ROUTES.forgotPassword} component={ForgotPasswordPage} />
                <Route path={ROUTES.resetPassword} component={ResetPasswordPage} />
                <Route path={ROUTES.account} component={AccountPage} />
                <Route path={ROUTES.relatives} component={RelativesPage} />
                <Route path={ROUTES.relative} component={RelativePage} />
                <Route path={ROUTES.security} component={SecurityPage} />
                <Route path={ROUTES.accessLog} component={AccessLogPage} />
                <Route path={ROUTES.myData} component={MyDataPage} />
                <Route path={ROUTES.accountDeleted} component={AccountDeletedPage} />
                <Route path={ROUTES.devMailbox} component={DevMailboxPage} />
                <Route path={ROUTES.search} component={SearchPage} />
                <Route path={ROUTES.practitionerProfile} component={PractitionerProfileEditPage} />
                <Route path={ROUTES.agenda} component={AgendaPage} />
                <Route path={ROUTES.agendaHours} component={AgendaHoursPage} />
                <Route path={ROUTES.consultations} component={PractitionerConsultationsPage} />
                <Route path={ROUTES.staffMessages} component={PractitionerMessagesPage} />
                <Route path={ROUTES.staffThread} component={StaffThreadPage} />
                <Route path={ROUTES.practitionerQueue} component={PractitionerNowPage} />
                <Route path={ROUTES.consultationClose} component={ConsultationClosePage} />
                <Route path={ROUTES.practitionerPublic} component={PractitionerPublicPage} />
                <Route path={ROUTES.consultationTest} component={ConsultationTestPage} />
                <Route path={ROUTES.consultation} component={ConsultationPage} />
                <Route path={ROUTES.invitation} component={InvitationPage} />
                <Route path={ROUTES.verifyPrescription} component={VerifyPrescriptionPage} />
                <Route path={ROUTES.booking} component={BookingPage} />
                <Route path={ROUTES.queues} component={QueuesPage} />
                <Route path={ROUTES.queueEntry} component={QueueWaitPage} />
                <Route path={ROUTES.queueJoin} component={QueueJoinPage} />
                <Route path={ROUTES.cancelLink} component={CancelLinkPage} />
                <Route default component={NotFoundPage} />
              </Router>
            </Layout>
          </LocationProvider>
        </BrandProvider>
      </SessionProvider>
    </I18nProvider>
  );
}
