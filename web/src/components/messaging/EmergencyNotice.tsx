// "Pas pour les urgences": on every messaging screen of the patient (docs/messaging.md "Not
// for emergencies"), with the numbers as links a phone can call or text.
import { useI18n } from '../../i18n';
import { Icon } from '../Icon';

export function EmergencyNotice() {
  const { t } = useI18n();
  return (
    <div class="notice notice-danger emergency-notice" role="note" data-testid="emergency-notice">
      <Icon name="phone" />
      <div>
        <p class="notice-title">{t.messages.emergency}</p>
        <p>
          <a href="tel:15">15</a> · <a href="tel:112">112</a> · <a href="sms:114">114 (SMS)</a>
        </p>
        <p class="small">{t.messages.answerTime}</p>
      </div>
    </div>
  );
}
