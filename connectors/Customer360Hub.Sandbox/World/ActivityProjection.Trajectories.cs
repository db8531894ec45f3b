namespace Customer360Hub.Sandbox.World;

/// <summary>
/// The last 90 days before the epoch as each unit's trajectory has them: support tickets and
/// their ratings, monthly invoices with their charges or payments (Stripe plans, the ERP's
/// customers), newsletters opened or not, and touches with the account team. Added after a unit's history on their own random stream and slots, so the
/// history stays as it was.
/// </summary>
internal static partial class ActivityProjection
{
    private const ulong RecentStream = 22;

    private static void Recent(int seed, SyntheticWorld world, WorldUnit unit, string source, IReadOnlyList<PartyView> parties, Context c)
    {
        var plan = world.PlanOf(unit.Index);
        var random = WorldRandom.For(seed, RecentStream, unit.Index, (long)WorldRandom.StableHash(source));
        switch (source)
        {
            case SourceNames.BusinessCentral:
                // One monthly bill per customer: duplicate records of a customer are not all invoiced.
                foreach (var customer in parties.Where(p => p.EntityType == "customers").DistinctBy(p => p.CustomerId))
                {
                    RecentErpBilling(ref random, c, plan, customer);
                }

                break;
            case SourceNames.Zendesk:
                RecentSupport(ref random, c, plan, parties.Where(p => p.EntityType == "users").ToList());
                break;
            case SourceNames.Stripe:
                foreach (var customer in parties)
                {
                    RecentBilling(ref random, c, plan, customer);
                }

                break;
            case SourceNames.HubSpot:
                foreach (var contact in parties.Where(p => p.EntityType == "contacts" && p.Email is not null))
                {
                    RecentNewsletters(ref random, c, plan, contact);
                }

                break;
            case SourceNames.Graph:
                RecentTouches(ref random, c, plan);
                break;
        }
    }

    /// <summary>A few tickets a month; a unit with support load gets a pile of them in the last 30 days, escalated, open and badly rated.</summary>
    private static void RecentSupport(ref WorldRandom random, Context c, TrajectoryPlan plan, List<PartyView> users)
    {
        if (users.Count == 0)
        {
            return;
        }

        var scale = Math.Sqrt(users.Count);
        for (var month = 1; month >= 0; month--)
        {
            var usual = (int)((0.35 * scale) + random.NextDouble());
            var extra = month == 0 && plan.SupportLoad > 0 ? 1 + (int)Math.Round(plan.SupportLoad * (2 + (4 * random.NextDouble())) * scale) : 0;
            for (var i = 0; i < usual + extra; i++)
            {
                var trouble = i >= usual;
                var user = random.Pick(users);
                var subject = random.Pick(TicketSubjects);
                var urgent = random.Chance(trouble ? 0.3 + (0.5 * plan.SupportLoad) : 0.15);
                var open = random.Chance(trouble ? 0.4 + (0.4 * plan.SupportLoad) : month == 0 ? 0.2 : 0);
                var rated = !open && random.Chance(0.5);
                var good = random.Chance(trouble ? 0.92 - (0.75 * plan.SupportLoad) : 0.92);
                var ratedAfter = TimeSpan.FromHours(random.Next(2, 72));
                if (c.Recent(ref random, 30 * month, (30 * month) + 29) is not { } at)
                {
                    continue;
                }

                var ticket = c.Add("tickets", user, at, o => o with { Status = open ? "open" : "solved", Title = subject, Product = urgent ? "urgent" : "normal" });
                if (rated && at + ratedAfter < c.Epoch)
                {
                    c.Add("satisfaction_ratings", user, at + ratedAfter, o => o with { Status = good ? "good" : "bad", RelatedRecordId = ticket.RecordId });
                }
            }
        }
    }

    /// <summary>
    /// The monthly invoices of the customer's live plan in the last 90 days (those its history has not
    /// billed yet), charged automatically; with payment trouble the latest (and maybe the one before)
    /// stays open after failed charges. Customers without a live plan get no monthly invoice.
    /// </summary>
    private static void RecentBilling(ref WorldRandom random, Context c, TrajectoryPlan plan, PartyView customer)
    {
        var subscription = c.Added.LastOrDefault(a => a.EntityType == "subscriptions" && a.PartyRecordId == customer.RecordId && a.Status is "active" or "past_due");
        if (subscription is null)
        {
            return;
        }

        var amount = subscription.Amount!.Value * (subscription.Quantity ?? 1);
        var currency = subscription.Currency;
        var billed = c.Added.Count(a => a.EntityType == "invoices" && a.RelatedRecordId == subscription.RecordId);
        for (var period = billed; ; period++)
        {
            var at = subscription.OccurredAt.AddDays(30 * period);
            if (at >= c.Epoch)
            {
                break;
            }

            var daysAgo = (c.Epoch - at).TotalDays;
            if (daysAgo > 90)
            {
                continue;
            }

            var latest = daysAgo <= 30;
            var failing = plan.PaymentTrouble > 0
                ? random.Chance(latest ? 0.6 + (0.4 * plan.PaymentTrouble) : 0.5 * plan.PaymentTrouble)
                : random.Chance(latest ? 0.03 : 0.01);
            var retried = failing && random.Chance(0.6);
            var invoice = c.Add("invoices", customer, at, o => o with { Amount = amount, Currency = currency, Status = failing ? "open" : "paid", Product = subscription.Product, RelatedRecordId = subscription.RecordId });
            var intent = c.Add("payment_intents", customer, at, o => o with { Amount = amount, Currency = currency, Status = failing ? "requires_payment_method" : "succeeded", RelatedRecordId = invoice.RecordId });
            c.Add("charges", customer, at, o => o with { Amount = amount, Currency = currency, Status = failing ? "failed" : "succeeded", RelatedRecordId = intent.RecordId });
            if (retried && at.AddDays(3) < c.Epoch)
            {
                c.Add("charges", customer, at.AddDays(3), o => o with { Amount = amount, Currency = currency, Status = "failed", RelatedRecordId = intent.RecordId });
            }
        }
    }

    /// <summary>
    /// The ERP bills each customer once a month on its own billing day, net 30: the invoices of the
    /// last three months that fell due, and the current one. Most are paid around the due date and a
    /// good payer is late now and then; with payment trouble invoices are paid weeks late or not yet,
    /// the latest most often. An invoice paid by the epoch has its payment posted against it.
    /// </summary>
    private static void RecentErpBilling(ref WorldRandom random, Context c, TrajectoryPlan plan, PartyView customer)
    {
        var lines = Lines(ref random, customer.PartyType == CustomerType.Organization ? 3 : 1);
        var total = lines.Sum(l => l.Quantity * l.UnitPrice);
        var currency = Currency(customer.Country);
        var billingDay = random.Next(30);
        for (var month = 3; month >= 0; month--)
        {
            // Month 0 is the current invoice, not due yet; month 1 fell due in the last 30 days.
            var late = plan.PaymentTrouble > 0
                ? random.Chance(month == 1 ? 0.6 + (0.4 * plan.PaymentTrouble) : 0.5 * plan.PaymentTrouble)
                : random.Chance(0.05);
            var daysAfterDue = late ? random.Next(5, 60) : random.Next(-20, 3);
            var daysAgo = billingDay + (30 * month) + random.NextDouble();
            if (c.Recent(ref random, daysAgo, daysAgo) is not { } at)
            {
                continue;
            }

            var paidAt = at.AddDays(30 + daysAfterDue).AddHours(random.Next(1, 8));
            var paid = paidAt < c.Epoch;
            var invoice = c.Add("salesInvoices", customer, at, o => o with { Amount = total, Currency = currency, Status = paid ? "Paid" : "Open", Lines = lines, Product = lines[0].Product });
            if (paid)
            {
                c.Add("customerPayments", customer, paidAt, o => o with { Amount = total, Currency = currency, Status = "Posted", RelatedRecordId = invoice.RecordId });
            }
        }
    }

    /// <summary>A newsletter a month: opened about half the time, rarely once a unit disengages.</summary>
    private static void RecentNewsletters(ref WorldRandom random, Context c, TrajectoryPlan plan, PartyView contact)
    {
        var email = contact.Email!.Trim();
        for (var month = 2; month >= 0; month--)
        {
            var opened = random.Chance(0.5 * (1 - plan.Disengagement));
            var clicked = opened && random.Chance(0.3);
            if (c.Recent(ref random, (30 * month) + 18, (30 * month) + 22) is not { } at)
            {
                continue;
            }

            var title = "Newsletter " + at.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            c.Add("email-events", contact, at, o => o with { Status = "SENT", Title = title, Email = email });
            if (opened)
            {
                c.Add("email-events", contact, at.AddHours(random.Next(1, 30)), o => o with { Status = "OPEN", Title = title, Email = email });
            }

            if (clicked)
            {
                c.Add("email-events", contact, at.AddHours(random.Next(30, 40)), o => o with { Status = "CLICK", Title = title, Email = email });
            }
        }
    }

    /// <summary>Mail and meetings with the account team in the last weeks; a disengaged unit last heard from us two or three months ago.</summary>
    private static void RecentTouches(ref WorldRandom random, Context c, TrajectoryPlan plan)
    {
        var quiet = plan.Disengagement > 0 && random.Chance(0.4 + (0.6 * plan.Disengagement));
        foreach (var person in c.Unit.People)
        {
            var email = person.AccountId is not null ? person.WorkEmail : random.Chance(0.15) ? person.PersonalEmail : null;
            if (email is null)
            {
                continue;
            }

            if (quiet)
            {
                if (random.Chance(0.6) && c.Recent(ref random, 62, 88) is { } last)
                {
                    c.AddInteraction("messages", person, email, last, random.Pick(MailSubjects), "received");
                }

                continue;
            }

            var messages = random.Next(1, 4);
            for (var i = 0; i < messages; i++)
            {
                var inbound = random.Chance(0.5);
                if (c.Recent(ref random, 1, 45) is { } at)
                {
                    c.AddInteraction("messages", person, email, at, random.Pick(MailSubjects), inbound ? "received" : "sent");
                }
            }

            if (person.AccountId is not null && random.Chance(0.5) && c.Recent(ref random, 3, 80) is { } meeting)
            {
                c.AddInteraction("events", person, email, meeting, random.Pick(["Quarterly business review", "Product demo", "Renewal call", "Onboarding session"]), "accepted");
            }
        }
    }
}
