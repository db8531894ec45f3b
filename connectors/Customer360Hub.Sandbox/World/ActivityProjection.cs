using System.Globalization;

namespace Customer360Hub.Sandbox.World;

/// <summary>
/// Produces the transactions each system holds for the party records of one unit. Business dates
/// fall between the unit joining and the epoch; the records' modification order is the unit's.
/// </summary>
internal static partial class ActivityProjection
{
    private const ulong ActivityStream = 21;

    /// <summary>Transaction slots start here; party records use the slots below.</summary>
    public const int FirstSlot = 64;

    private static readonly string[] Products = ["Starter plan", "Team plan", "Business plan", "Enterprise plan", "Onboarding package", "Support add-on", "Analytics add-on", "Hardware kit", "Training day", "Data migration"];
    private static readonly decimal[] Prices = [29m, 99m, 299m, 1200m, 1500m, 49m, 79m, 450m, 900m, 2500m];
    private static readonly string[] TicketSubjects = ["Cannot log in", "Invoice question", "Feature request", "Data export failing", "Billing address change", "Refund request", "Integration error", "Slow dashboard", "Cancel my plan", "Password reset"];
    private static readonly string[] MailSubjects = ["Quarterly review", "Renewal proposal", "Re: pricing question", "Follow-up from our call", "Contract draft", "Welcome aboard", "Project kickoff", "Invoice attached"];
    private static readonly string[] Stages = ["Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"];

    public static List<ActivityView> Project(int seed, SyntheticWorld world, WorldUnit unit, string source, IReadOnlyList<PartyView> parties)
    {
        var list = new List<ActivityView>();
        var random = WorldRandom.For(seed, ActivityStream, unit.Index, (long)WorldRandom.StableHash(source));
        var context = new Context(world, unit, source, list);
        switch (source)
        {
            case SourceNames.BusinessCentral:
                foreach (var party in parties.Where(p => p.EntityType == "customers"))
                {
                    BusinessCentral(ref random, context, party);
                }

                break;
            case SourceNames.Stripe:
                foreach (var party in parties)
                {
                    Stripe(ref random, context, party);
                }

                break;
            case SourceNames.Zendesk:
                foreach (var party in parties.Where(p => p.EntityType == "users"))
                {
                    Zendesk(ref random, context, party);
                }

                break;
            case SourceNames.HubSpot:
                foreach (var party in parties.Where(p => p.EntityType == "contacts" && p.Email is not null))
                {
                    HubSpot(ref random, context, party);
                }

                break;
            case SourceNames.Salesforce:
                foreach (var party in parties.Where(p => p.EntityType is "Account" or "Contact"))
                {
                    Salesforce(ref random, context, party);
                }

                break;
            case SourceNames.Graph:
                Graph(ref random, context);
                break;
        }

        Recent(seed, world, unit, source, parties, context);
        return list;
    }

    /// <summary>One new transaction for a party record after the epoch (a new order, invoice, ticket, email, case, ...).</summary>
    public static ActivityView? NewOne(SyntheticWorld world, WorldUnit unit, string source, PartyView? party, int slot, DateTimeOffset at)
    {
        var random = WorldRandom.For(world.Seed, ActivityStream + 1, RecordIds.Sequence(unit.Index, slot), (long)WorldRandom.StableHash(source));
        var list = new List<ActivityView>();
        var context = new Context(world, unit, source, list, slot);
        switch (source)
        {
            case SourceNames.BusinessCentral when party is { EntityType: "customers" }:
                var lines = Lines(ref random, 3);
                context.Add("salesOrders", party, at, o => o with { Amount = lines.Sum(l => l.Quantity * l.UnitPrice), Currency = Currency(party.Country), Status = "Released", Lines = lines, Product = lines[0].Product });
                break;
            case SourceNames.Stripe when party is not null:
                var plan = random.Next(4);
                context.Add("invoices", party, at, o => o with { Amount = Prices[plan], Currency = Currency(party.Country).ToLowerInvariant(), Status = "open", Product = Products[plan] });
                break;
            case SourceNames.Zendesk when party is { EntityType: "users" }:
                var subject = random.Pick(TicketSubjects);
                context.Add("tickets", party, at, o => o with { Status = "new", Title = subject, Product = "normal" });
                break;
            case SourceNames.HubSpot when party is { EntityType: "contacts", Email: not null }:
                var type = random.Pick(["SENT", "OPEN", "CLICK"]);
                context.Add("email-events", party, at, o => o with { Status = type, Title = "Newsletter " + at.ToString("yyyy-MM", CultureInfo.InvariantCulture), Email = party.Email!.Trim() });
                break;
            case SourceNames.Salesforce when party is { EntityType: "Contact" }:
                var caseSubject = random.Pick(TicketSubjects);
                context.Add("Case", party, at, o => o with { Status = "New", Title = caseSubject, Product = "Web" });
                break;
            case SourceNames.Salesforce when party is { EntityType: "Account" }:
                var product = random.Next(Products.Length);
                context.Add("Opportunity", party, at, o => o with { Amount = Prices[product] * 10, Currency = Currency(party.Country), Status = "Prospecting", Title = $"{party.CompanyName} - {Products[product]}", Product = Products[product] });
                break;
            case SourceNames.Graph:
                var person = unit.People.FirstOrDefault(p => p.AccountId is not null && p.WorkEmail is not null);
                if (person is not null)
                {
                    context.AddInteraction("messages", person, person.WorkEmail!, at, random.Pick(MailSubjects), "received");
                }

                break;
        }

        return list.Count == 0 ? null : list[0];
    }

    /// <summary>The transaction after its status moved on (ticket solved, invoice paid, deal won, ...); null when it cannot move.</summary>
    public static ActivityView? Progress(ActivityView current)
    {
        ArgumentNullException.ThrowIfNull(current);
        string? next = (current.EntityType, current.Status) switch
        {
            ("salesInvoices", "Open") => "Paid",
            ("subscriptions", "active") => "canceled",
            ("subscriptions", "trialing") => "active",
            ("invoices", "open") => "paid",
            ("tickets", "new") => "open",
            ("tickets", "open" or "pending") => "solved",
            ("tickets", "solved") => "closed",
            ("Opportunity", "Prospecting") => "Qualification",
            ("Opportunity", "Qualification") => "Proposal/Price Quote",
            ("Opportunity", "Proposal/Price Quote" or "Negotiation/Review") => "Closed Won",
            ("Case", "New" or "Working" or "Escalated") => "Closed",
            ("subscriptions", "SUBSCRIBED") => "NOT_SUBSCRIBED",
            _ => null,
        };
        return next is null ? null : current with { Status = next };
    }

    private static void BusinessCentral(ref WorldRandom random, Context c, PartyView customer)
    {
        var orders = customer.PartyType == CustomerType.Organization ? random.Next(0, 7) : random.Next(0, 3);
        for (var i = 0; i < orders; i++)
        {
            var at = c.BusinessTime(ref random);
            var lines = Lines(ref random, customer.PartyType == CustomerType.Organization ? 4 : 2);
            var total = lines.Sum(l => l.Quantity * l.UnitPrice);
            var currency = Currency(customer.Country);
            var order = c.Add("salesOrders", customer, at, o => o with { Amount = total, Currency = currency, Status = "Released", Lines = lines, Product = lines[0].Product, Title = "S-ORD" });
            if (random.Chance(0.8))
            {
                var invoiceAt = at.AddDays(random.Next(1, 10));
                var paidAt = random.Chance(0.85) ? invoiceAt.AddDays(random.Next(3, 40)) : (DateTimeOffset?)null;

                // The world ends at the epoch: an order of the last days is not invoiced yet, an invoice not paid yet.
                var paid = paidAt < c.Epoch;
                if (invoiceAt >= c.Epoch)
                {
                    continue;
                }

                var invoice = c.Add("salesInvoices", customer, invoiceAt, o => o with { Amount = total, Currency = currency, Status = paid ? "Paid" : "Open", Lines = lines, Product = lines[0].Product, RelatedRecordId = order.RecordId });
                if (paid)
                {
                    c.Add("customerPayments", customer, paidAt!.Value, o => o with { Amount = total, Currency = currency, Status = "Posted", RelatedRecordId = invoice.RecordId });
                }
            }
        }
    }

    private static void Stripe(ref WorldRandom random, Context c, PartyView customer)
    {
        // Most customers a business keeps in Stripe are there for a plan; the rest paid once.
        if (!random.Chance(0.85))
        {
            return;
        }

        var plan = random.Next(4);
        var price = Prices[plan];
        var currency = Currency(customer.Country).ToLowerInvariant();
        var started = c.BusinessTime(ref random);
        var status = random.NextDouble() switch { < 0.7 => "active", < 0.85 => "canceled", < 0.93 => "past_due", _ => "trialing" };
        var seats = 1 + random.Next(plan == 0 ? 1 : 20);
        var subscription = c.Add("subscriptions", customer, started, o => o with { Amount = price, Currency = currency, Status = status, Product = Products[plan], Quantity = seats });
        var months = random.Next(1, 7);
        for (var m = 0; m < months; m++)
        {
            var at = started.AddDays(30 * m);
            // The last 90 days are billed as the unit's trajectory has them (see Recent).
            if (at >= c.Epoch.AddDays(-90))
            {
                break;
            }

            var amount = price * subscription.Quantity!.Value;
            var failed = status == "past_due" && m == months - 1;
            var invoice = c.Add("invoices", customer, at, o => o with { Amount = amount, Currency = currency, Status = failed ? "open" : "paid", Product = Products[plan], RelatedRecordId = subscription.RecordId });
            var intent = c.Add("payment_intents", customer, at, o => o with { Amount = amount, Currency = currency, Status = failed ? "requires_payment_method" : "succeeded", RelatedRecordId = invoice.RecordId });
            var charge = c.Add("charges", customer, at, o => o with { Amount = amount, Currency = currency, Status = failed ? "failed" : "succeeded", RelatedRecordId = intent.RecordId });
            if (!failed && random.Chance(0.05))
            {
                c.Add("refunds", customer, at.AddDays(random.Next(1, 20)), o => o with { Amount = amount, Currency = currency, Status = "succeeded", RelatedRecordId = charge.RecordId });
            }
        }
    }

    private static void Zendesk(ref WorldRandom random, Context c, PartyView user)
    {
        var tickets = random.NextDouble() switch { < 0.45 => 0, < 0.75 => 1, < 0.9 => 2, _ => 3 + random.Next(3) };
        for (var i = 0; i < tickets; i++)
        {
            var at = c.BusinessTime(ref random);
            var status = random.NextDouble() switch { < 0.55 => "solved", < 0.7 => "closed", < 0.85 => "open", < 0.95 => "pending", _ => "new" };
            var subject = random.Pick(TicketSubjects);
            var priority = random.Chance(0.5) ? "urgent" : "normal";
            var ticket = c.Add("tickets", user, at, o => o with { Status = status, Title = subject, Product = priority });
            if (status is "solved" or "closed" && random.Chance(0.45))
            {
                var score = random.Chance(0.8) ? "good" : "bad";
                var comment = random.Chance(0.4) ? "Thanks for the quick help" : null;
                c.AddBeforeEpoch("satisfaction_ratings", user, at.AddDays(random.Next(1, 5)), o => o with { Status = score, Title = comment, RelatedRecordId = ticket.RecordId });
            }
        }
    }

    private static void HubSpot(ref WorldRandom random, Context c, PartyView contact)
    {
        var subscribed = random.Chance(0.8);
        c.Add("subscriptions", contact, c.BusinessTime(ref random), o => o with { Status = subscribed ? "SUBSCRIBED" : "NOT_SUBSCRIBED", Title = "Marketing Information", Product = "EMAIL", Email = contact.Email!.Trim() });
        var campaigns = random.Next(0, 5);
        for (var i = 0; i < campaigns; i++)
        {
            var at = c.BusinessTime(ref random);
            var title = "Newsletter " + at.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var email = contact.Email!.Trim();
            c.Add("email-events", contact, at, o => o with { Status = "SENT", Title = title, Email = email });
            var fate = random.NextDouble();
            if (fate < 0.05)
            {
                c.AddBeforeEpoch("email-events", contact, at.AddMinutes(1), o => o with { Status = "BOUNCE", Title = title, Email = email });
                continue;
            }

            if (fate < 0.55)
            {
                c.AddBeforeEpoch("email-events", contact, at.AddHours(random.Next(1, 48)), o => o with { Status = "OPEN", Title = title, Email = email });
                if (random.Chance(0.35))
                {
                    c.AddBeforeEpoch("email-events", contact, at.AddHours(random.Next(48, 60)), o => o with { Status = "CLICK", Title = title, Email = email });
                }

                if (random.Chance(0.04))
                {
                    c.AddBeforeEpoch("email-events", contact, at.AddHours(random.Next(60, 72)), o => o with { Status = "UNSUBSCRIBE", Title = title, Email = email });
                }
            }
        }
    }

    private static void Salesforce(ref WorldRandom random, Context c, PartyView party)
    {
        if (party.EntityType == "Account")
        {
            var opportunities = random.Next(0, 4);
            for (var i = 0; i < opportunities; i++)
            {
                var at = c.BusinessTime(ref random);
                var product = random.Next(Products.Length);
                var amount = Prices[product] * random.Next(5, 60);
                var stage = random.Pick(Stages);
                c.Add("Opportunity", party, at, o => o with { Amount = amount, Currency = Currency(party.Country), Status = stage, Title = $"{party.CompanyName} - {Products[product]}", Product = Products[product] });
            }

            return;
        }

        var cases = random.NextDouble() switch { < 0.6 => 0, < 0.9 => 1, _ => 2 };
        for (var i = 0; i < cases; i++)
        {
            var at = c.BusinessTime(ref random);
            var status = random.Pick(["New", "Working", "Escalated", "Closed"]);
            var subject = random.Pick(TicketSubjects);
            var origin = random.Pick(["Phone", "Email", "Web"]);
            c.Add("Case", party, at, o => o with { Status = status, Title = subject, Product = origin });
        }
    }

    /// <summary>Mail and meetings between our staff and the people of companies (and some consumers), known only by email address.</summary>
    private static void Graph(ref WorldRandom random, Context c)
    {
        foreach (var person in c.Unit.People)
        {
            var email = person.AccountId is not null ? person.WorkEmail : random.Chance(0.15) ? person.PersonalEmail : null;
            if (email is null)
            {
                continue;
            }

            var messages = random.Next(0, person.AccountId is not null ? 5 : 2);
            for (var i = 0; i < messages; i++)
            {
                var subject = random.Pick(MailSubjects);
                var inbound = random.Chance(0.5);
                c.AddInteraction("messages", person, email, c.BusinessTime(ref random), subject, inbound ? "received" : "sent");
            }

            if (person.AccountId is not null && random.Chance(0.4))
            {
                c.AddInteraction("events", person, email, c.BusinessTime(ref random), random.Pick(["Quarterly business review", "Product demo", "Renewal call", "Onboarding session"]), "accepted");
            }
        }
    }

    private static List<(string Product, int Quantity, decimal UnitPrice)> Lines(ref WorldRandom random, int max)
    {
        var count = random.Next(1, max + 1);
        var lines = new List<(string, int, decimal)>(count);
        for (var i = 0; i < count; i++)
        {
            var product = random.Next(Products.Length);
            lines.Add((Products[product], random.Next(1, 10), Prices[product]));
        }

        return lines;
    }

    private static string Currency(string? country) => country switch
    {
        "GB" or "UK" or "United Kingdom" or "Great Britain" or "England" => "GBP",
        "DE" or "NL" or "Deutschland" or "Germany" or "Nederland" or "Netherlands" or "The Netherlands" or "Holland" or "DEU" or "D" or "NLD" => "EUR",
        "CA" or "Canada" or "CAN" => "CAD",
        _ => "USD",
    };

    private sealed class Context(SyntheticWorld world, WorldUnit unit, string source, List<ActivityView> list, int firstSlot = FirstSlot)
    {
        private int _next = firstSlot;

        public WorldUnit Unit => unit;

        /// <summary>The transactions added so far (the history, when the last 90 days are added).</summary>
        public IReadOnlyList<ActivityView> Added => list;

        public DateTimeOffset Epoch => world.Options.Epoch;

        /// <summary>A business time between <paramref name="fromDaysAgo"/> and <paramref name="toDaysAgo"/> before the epoch; null when the unit had not joined yet.</summary>
        public DateTimeOffset? Recent(ref WorldRandom random, double fromDaysAgo, double toDaysAgo)
        {
            var at = world.Options.Epoch.AddDays(-(fromDaysAgo + ((toDaysAgo - fromDaysAgo) * random.NextDouble())));
            at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
            return at > world.JoinedAt(unit.Index) ? at : null;
        }

        /// <summary>A business time between the unit joining and the epoch.</summary>
        public DateTimeOffset BusinessTime(ref WorldRandom random)
        {
            // History units all join before the epoch, and their history ends there (even a unit that joined an hour before).
            var start = world.JoinedAt(unit.Index);
            var end = world.Options.Epoch;
            var at = start.AddTicks((long)(random.NextDouble() * (end - start).Ticks * 0.98));
            return at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        }

        public ActivityView Add(string entity, PartyView party, DateTimeOffset at, Func<ActivityView, ActivityView> fill)
        {
            var slot = _next++;
            var view = fill(new ActivityView
            {
                Source = source,
                EntityType = entity,
                RecordId = ActivityIds.Of(world.Seed, source, entity, unit.Index, slot),
                CustomerId = party.CustomerId,
                Unit = unit.Index,
                Slot = slot,
                PartyRecordId = party.RecordId,
                PartyEntityType = party.EntityType,
                OccurredAt = at,
            });
            list.Add(view);
            return view;
        }

        /// <summary>A follow-up of a history transaction (a rating, an email opened): left out when it would come after the epoch.</summary>
        public void AddBeforeEpoch(string entity, PartyView party, DateTimeOffset at, Func<ActivityView, ActivityView> fill)
        {
            if (at < Epoch)
            {
                Add(entity, party, at, fill);
            }
        }

        public void AddInteraction(string entity, TrueCustomer person, string email, DateTimeOffset at, string subject, string status)
        {
            var slot = _next++;
            list.Add(new ActivityView
            {
                Source = source,
                EntityType = entity,
                RecordId = ActivityIds.Of(world.Seed, source, entity, unit.Index, slot),
                CustomerId = person.Id,
                Unit = unit.Index,
                Slot = slot,
                Email = email,
                OccurredAt = at,
                Title = subject,
                Status = status,
            });
        }
    }
}
