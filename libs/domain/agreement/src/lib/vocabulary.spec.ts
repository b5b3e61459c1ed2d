import { starterAgreement } from './starter';
import { ACTIVITY_SIGNAL_TYPES, STANDARD_SIGNAL_TYPES, signalTypeLabel } from './vocabulary';

describe('signalTypeLabel', () => {
  it('reads the types Accord knows as people write them', () => {
    expect(signalTypeLabel('EMAIL_CLICK')).toBe('E-mail click');
    expect(signalTypeLabel('EMAIL_SENT')).toBe('E-mail sent');
    expect(signalTypeLabel('CALL_MADE')).toBe('Call made');
  });

  it("agrees with the starter agreement's labels", () => {
    const starter = starterAgreement([]);
    for (const signal of starter.intent.signals) expect(signalTypeLabel(signal.type)).toBe(signal.label);
  });

  it('labels every standard and activity type', () => {
    for (const type of [...STANDARD_SIGNAL_TYPES, ...ACTIVITY_SIGNAL_TYPES]) {
      expect(signalTypeLabel(type)).not.toMatch(/_/);
    }
  });

  it("turns a workspace's own type into words, underscores or hyphens alike", () => {
    expect(signalTypeLabel('TRIAL_STARTED')).toBe('Trial started');
    expect(signalTypeLabel('pricing-page')).toBe('Pricing page');
    expect(signalTypeLabel('  ')).toBe('');
  });

  it('reads no inherited property as a label', () => {
    expect(signalTypeLabel('toString')).toBe('Tostring');
    expect(signalTypeLabel('constructor')).toBe('Constructor');
  });
});
