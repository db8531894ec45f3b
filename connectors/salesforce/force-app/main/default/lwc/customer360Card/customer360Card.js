import { LightningElement, api, wire } from 'lwc';
import getCard from '@salesforce/apex/Customer360Service.getCard';

const BAND_CLASSES = {
    green: 'slds-badge slds-theme_success',
    yellow: 'slds-badge slds-theme_warning',
    red: 'slds-badge slds-theme_error'
};

const METRIC_LABELS = {
    order: 'Orders',
    invoice: 'Invoices',
    payment: 'Payments',
    subscription: 'Subscriptions',
    ticket: 'Tickets',
    opportunity: 'Opportunities',
    interaction: 'Interactions',
    marketingEvent: 'Marketing touches',
    usage: 'Usage events'
};

/**
 * The Customer 360 card for Account and Contact record pages. Everything it shows comes from the
 * hub already scoped to the integration's role: a field the role may not see is simply absent.
 */
export default class Customer360Card extends LightningElement {
    @api recordId;

    card;
    error;
    loaded = false;

    @wire(getCard, { recordId: '$recordId' })
    wiredCard({ data, error }) {
        if (data) {
            this.card = data;
            this.error = undefined;
            this.loaded = true;
        } else if (error) {
            this.card = undefined;
            this.error = error;
            this.loaded = true;
        }
    }

    get loading() {
        return !this.loaded;
    }

    get errorMessage() {
        const body = this.error && this.error.body;
        return (body && body.message) || 'Customer 360 is not available right now.';
    }

    get notFound() {
        return this.loaded && !this.error && this.card && !this.card.found;
    }

    get profile() {
        return this.card && this.card.found ? this.card.profile : undefined;
    }

    get name() {
        const fields = (this.profile && this.profile.fields) || {};
        const value = fields.fullName || fields.companyName;
        return value ? value.value : this.profile.id;
    }

    /** The hub's health model when it serves one; otherwise the preliminary data-completeness score, labelled as such. */
    get health() {
        const profile = this.profile;
        if (profile && profile.health) {
            const band = profile.health.band || 'yellow';
            return {
                label: `${profile.health.score} · ${band}`,
                badgeClass: BAND_CLASSES[band] || 'slds-badge',
                explanation: profile.health.explanation,
                preliminary: false
            };
        }
        if (profile && profile.score) {
            return {
                label: `Completeness ${Math.round(profile.score.completeness * 100)}%`,
                badgeClass: 'slds-badge',
                explanation: profile.score.note,
                preliminary: true
            };
        }
        return undefined;
    }

    get metrics() {
        const profile = this.profile;
        if (!profile) {
            return [];
        }
        const metrics = Object.entries(profile.transactionCounts || {}).map(([kind, count]) => ({
            key: kind,
            label: METRIC_LABELS[kind] || kind,
            value: String(count)
        }));
        if (profile.sources) {
            metrics.push({ key: 'sources', label: 'Source systems', value: String(profile.sources.length) });
        }
        return metrics;
    }

    get hasMetrics() {
        return this.metrics.length > 0;
    }

    get signals() {
        return ((this.profile && this.profile.signals) || []).map((signal, index) => ({
            key: signal.id || String(index),
            title: signal.title,
            nextStep: signal.nextStep
        }));
    }

    get hasSignals() {
        return this.signals.length > 0;
    }

    get timeline() {
        return ((this.card && this.card.timeline) || []).map((item) => ({
            key: item.id,
            kind: METRIC_LABELS[item.kind] ? METRIC_LABELS[item.kind].replace(/s$/, '') : item.kind,
            title: item.title || item.kind,
            occurredAt: item.occurredAt,
            amount: item.amount !== undefined && item.amount !== null ? `${item.amount} ${item.currency || ''}`.trim() : undefined
        }));
    }

    get hasTimeline() {
        return this.timeline.length > 0;
    }
}
