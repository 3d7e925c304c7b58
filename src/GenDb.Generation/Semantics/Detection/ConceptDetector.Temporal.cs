using GenDb.Generation.Semantics.Columns;

namespace GenDb.Generation.Semantics.Detection;

/// <summary>Dates, times and intervals: where on the row's timeline a column sits.</summary>
internal static partial class ConceptDetector
{
    private static ConceptMatch Temporal(ColumnFacts f)
    {
        if (f.Shape.Kind == ValueKind.Time)
        {
            // Closing words first: open_until and opens_to are closing times.
            var variant = f.HasAny("end", "ends", "close", "closes", "closing", "closed", "until", "to", "till") ? "closing"
                : f.HasAny("start", "starts", "open", "opens", "opening", "opened", "begin", "begins", "from") ? "opening"
                : "daytime";
            return Found(Concept.TimeOfDay, "type time", variant);
        }

        if (f.Shape.Kind == ValueKind.Interval)
        {
            return Found(Concept.Duration, "type interval", "interval");
        }

        var kind = f.Shape.Kind == ValueKind.Date ? "type date" : "type timestamp";
        if (f.HasAny("birth", "birthday", "dob", "born"))
        {
            return Found(Concept.BirthDate);
        }

        if (f.HasAny("hire", "hired", "hiring", "employment", "onboarded"))
        {
            return Found(Concept.HireDate);
        }

        if (f.HasAny("created", "create", "creation", "added", "inserted", "registered", "registration", "signup", "joined", "enrolled", "since", "opened"))
        {
            return Found(Concept.CreatedAt);
        }

        if (f.HasAny("login", "logon", "seen", "active", "access", "accessed", "activity", "visited", "sign", "signin") && (f.Has("last") || f.HasAny("seen", "login")))
        {
            return Found(Concept.LastSeenAt);
        }

        if (f.HasAny("updated", "update", "modified", "modify", "modification", "changed", "edited", "revised", "refreshed", "synced", "touched"))
        {
            return Found(Concept.UpdatedAt);
        }

        if (f.HasAny("deleted", "removed", "archived", "deactivated", "cancelled", "canceled", "terminated", "disabled", "banned", "voided"))
        {
            return Found(Concept.DeletedAt);
        }

        // Invoices and tasks fall due weeks after they are made, not years like a contract.
        if (f.HasAny("due", "deadline") && !f.HasAny("expiry", "expiration", "expires", "renewal", "maturity"))
        {
            return Found(Concept.MilestoneAt, ColumnName, "due");
        }

        if (f.HasAny("expiry", "expiration", "expires", "expire", "expired", "renewal", "renew", "maturity", "until"))
        {
            return Found(Concept.ExpiresAt);
        }

        if (f.HasAny("shipped", "dispatched", "sent", "confirmed", "approved", "accepted", "processed", "verified", "reviewed", "acknowledged", "assigned"))
        {
            return Found(Concept.MilestoneAt);
        }

        if (f.HasAny("end", "ended", "ends", "finish", "finished", "completed", "complete", "completion", "stop", "stopped", "return",
            "returned", "checkout", "departure", "delivered", "resolved", "closed", "to", "through"))
        {
            return Found(Concept.EndedAt);
        }

        if (f.HasAny("start", "started", "starts", "begin", "began", "from", "rental", "order", "ordered", "booking", "booked", "purchase",
            "purchased", "invoice", "payment", "paid", "transaction", "issued", "posted", "published", "release", "released",
            "scheduled", "event", "arrival", "occurred", "logged", "recorded", "checkin", "taken", "visit", "appointment", "placed", "submitted"))
        {
            return Found(Concept.StartedAt);
        }

        return Found(Concept.StartedAt, kind);
    }
}
