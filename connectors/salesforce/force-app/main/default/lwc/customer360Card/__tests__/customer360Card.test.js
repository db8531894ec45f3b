import { createElement } from 'lwc';
import Customer360Card from 'c/customer360Card';
import getCard from '@salesforce/apex/Customer360Service.getCard';

jest.mock(
    '@salesforce/apex/Customer360Service.getCard',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

const FULL_CARD = {
    found: true,
    profile: {
        id: 'p-00000000000000000001',
        fields: { fullName: { value: 'Jane Doe' } },
        sources: ['salesforce', 'stripe'],
        transactionCounts: { order: 4, ticket: 2 },
        health: { score: 62, band: 'yellow', explanation: 'Dropped 15 points: support tickets tripled this month.' },
        signals: [{ id: 's1', title: 'Renewal in 45 days with yellow health', nextStep: 'Book a renewal call with the champion.' }]
    },
    timeline: [
        { id: 't1', kind: 'invoice', title: 'Invoice INV-1001', occurredAt: '2026-11-01T10:00:00+00:00', amount: 1200, currency: 'USD' },
        { id: 't2', kind: 'ticket', title: 'Cannot log in', occurredAt: '2026-10-30T08:00:00+00:00' }
    ]
};

function mount() {
    const element = createElement('c-customer360-card', { is: Customer360Card });
    element.recordId = '001A000001JaneDoeAAA';
    document.body.appendChild(element);
    return element;
}

const text = (element, selector) => Array.from(element.shadowRoot.querySelectorAll(selector)).map((node) => node.textContent.trim());

describe('c-customer360-card', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner until the card arrives', () => {
        const element = mount();
        expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('asks the Apex service for the record on the page', async () => {
        mount();
        await Promise.resolve();
        expect(getCard.getLastConfig()).toEqual({ recordId: '001A000001JaneDoeAAA' });
    });

    it('renders the health badge with its explanation, metrics, signals with next steps and the recent timeline', async () => {
        const element = mount();
        getCard.emit(FULL_CARD);
        await Promise.resolve();

        expect(text(element, '.c360-name')).toEqual(['Jane Doe']);
        const badge = element.shadowRoot.querySelector('.c360-health span');
        expect(badge.textContent).toBe('62 · yellow');
        expect(badge.className).toContain('slds-theme_warning');
        expect(text(element, '.c360-explanation')).toEqual(['Dropped 15 points: support tickets tripled this month.']);
        expect(element.shadowRoot.querySelector('.c360-preliminary')).toBeNull();
        expect(text(element, '.c360-metrics dt')).toEqual(['Orders', 'Tickets', 'Source systems']);
        expect(text(element, '.c360-metrics dd')).toEqual(['4', '2', '2']);
        expect(text(element, '.c360-signal strong')).toEqual(['Renewal in 45 days with yellow health']);
        expect(text(element, '.c360-next-step')).toEqual(['Next step: Book a renewal call with the champion.']);
        const items = element.shadowRoot.querySelectorAll('.c360-timeline-item');
        expect(items.length).toBe(2);
        expect(items[0].textContent).toContain('Invoice INV-1001');
        expect(text(element, '.c360-amount')).toEqual(['1200 USD']);
    });

    it('labels the preliminary completeness score when the hub serves no health model yet', async () => {
        const element = mount();
        getCard.emit({
            found: true,
            profile: { id: 'p-1', fields: {}, score: { completeness: 0.714, note: 'Preliminary: completeness only.' } },
            timeline: []
        });
        await Promise.resolve();

        expect(element.shadowRoot.querySelector('.c360-health span').textContent).toBe('Completeness 71%');
        expect(element.shadowRoot.querySelector('.c360-preliminary')).not.toBeNull();
        expect(text(element, '.c360-explanation')).toEqual(['Preliminary: completeness only.']);
        expect(text(element, '.c360-name')).toEqual(['p-1']);
        expect(element.shadowRoot.querySelector('.c360-timeline')).toBeNull();
    });

    it('leaves out what the role may not see instead of showing empty sections', async () => {
        const element = mount();
        getCard.emit({ found: true, profile: { id: 'p-2', fields: { companyName: { value: 'Contoso' } } }, timeline: [] });
        await Promise.resolve();

        expect(text(element, '.c360-name')).toEqual(['Contoso']);
        expect(element.shadowRoot.querySelector('.c360-health')).toBeNull();
        expect(element.shadowRoot.querySelector('.c360-metrics')).toBeNull();
        expect(element.shadowRoot.querySelector('.c360-signals')).toBeNull();
    });

    it('says so when no profile holds the record', async () => {
        const element = mount();
        getCard.emit({ found: false });
        await Promise.resolve();

        expect(text(element, '.c360-not-found')).toEqual(['No Customer 360 profile is linked to this record yet.']);
    });

    it('shows the hub problem title when the call fails', async () => {
        const element = mount();
        getCard.error({ message: 'Not allowed for this role. (HTTP 403)' });
        await Promise.resolve();

        expect(text(element, '.c360-error')).toEqual(['Not allowed for this role. (HTTP 403)']);
    });
});
