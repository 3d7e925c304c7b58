namespace GenDb.Generation.Semantics.Data;

/// <summary>A handful of values and how often each occurs, in whole-number weights (most common first).</summary>
internal sealed record ChoiceSet(string Name, IReadOnlyList<(string Value, int Weight)> Items);

/// <summary>The value sets of status, type, role and similar columns, by what they describe.</summary>
internal static class ChoiceSets
{
    public static readonly ChoiceSet AccountStatus = new("status", [("active", 70), ("inactive", 15), ("pending", 10), ("suspended", 5)]);
    public static readonly ChoiceSet OrderStatus = new("order status", [("delivered", 55), ("shipped", 15), ("processing", 10), ("pending", 10), ("cancelled", 7), ("returned", 3)]);
    public static readonly ChoiceSet PaymentStatus = new("payment status", [("paid", 75), ("pending", 12), ("failed", 5), ("refunded", 5), ("cancelled", 3)]);
    public static readonly ChoiceSet InvoiceStatus = new("invoice status", [("paid", 70), ("open", 15), ("overdue", 10), ("void", 5)]);
    public static readonly ChoiceSet TicketStatus = new("ticket status", [("resolved", 30), ("closed", 25), ("open", 25), ("in_progress", 20)]);
    public static readonly ChoiceSet TaskStatus = new("task status", [("done", 40), ("todo", 30), ("in_progress", 25), ("blocked", 5)]);
    public static readonly ChoiceSet PublishStatus = new("publication status", [("published", 70), ("draft", 25), ("archived", 5)]);
    public static readonly ChoiceSet Role = new("role", [("member", 75), ("editor", 10), ("admin", 5), ("moderator", 5), ("guest", 5)]);
    public static readonly ChoiceSet Priority = new("priority", [("medium", 45), ("low", 30), ("high", 20), ("urgent", 5)]);
    public static readonly ChoiceSet Severity = new("severity", [("low", 40), ("medium", 35), ("high", 20), ("critical", 5)]);
    public static readonly ChoiceSet Tier = new("tier", [("free", 60), ("basic", 20), ("pro", 15), ("enterprise", 5)]);
    public static readonly ChoiceSet GenericType = new("type", [("standard", 60), ("premium", 25), ("basic", 10), ("other", 5)]);
    public static readonly ChoiceSet AddressType = new("address type", [("home", 50), ("work", 25), ("billing", 15), ("shipping", 10)]);
    public static readonly ChoiceSet PhoneType = new("phone type", [("mobile", 70), ("home", 20), ("work", 10)]);
    public static readonly ChoiceSet PaymentMethod = new("payment method", [("credit_card", 55), ("debit_card", 20), ("paypal", 15), ("bank_transfer", 7), ("cash", 3)]);
    public static readonly ChoiceSet Channel = new("channel", [("web", 50), ("mobile", 30), ("email", 10), ("phone", 5), ("store", 5)]);
    public static readonly ChoiceSet Size = new("size", [("M", 35), ("L", 30), ("S", 20), ("XL", 10), ("XS", 5)]);
    public static readonly ChoiceSet Frequency = new("frequency", [("monthly", 50), ("weekly", 20), ("yearly", 20), ("daily", 10)]);
    public static readonly ChoiceSet AccountType = new("account type", [("checking", 50), ("savings", 35), ("credit", 10), ("investment", 5)]);
    public static readonly ChoiceSet MaritalStatus = new("marital status", [("married", 50), ("single", 35), ("divorced", 10), ("widowed", 5)]);
    public static readonly ChoiceSet CardBrand = new("card brand", [("visa", 55), ("mastercard", 35), ("amex", 7), ("discover", 3)]);

    /// <summary>ABO and Rh blood groups, about as common as in the US population.</summary>
    public static readonly ChoiceSet BloodType = new("blood type", [("O+", 38), ("A+", 34), ("B+", 9), ("O-", 7), ("A-", 6), ("AB+", 3), ("B-", 2), ("AB-", 1)]);
    public static readonly ChoiceSet TransactionType = new("transaction type", [("payment", 45), ("deposit", 25), ("withdrawal", 20), ("transfer", 10)]);

    /// <summary>A yes/no flag that is mostly on (<c>active</c>, <c>enabled</c>, <c>verified</c>).</summary>
    public static readonly ChoiceSet MostlyOn = new("flag, mostly set", [("1", 85), ("0", 15)]);

    /// <summary>A yes/no flag that is mostly off (<c>deleted</c>, <c>archived</c>, <c>banned</c>).</summary>
    public static readonly ChoiceSet MostlyOff = new("flag, mostly unset", [("0", 92), ("1", 8)]);

    /// <summary>Gender as PostgreSQL text: mostly the two binary values, a few others.</summary>
    public static readonly ChoiceSet Gender = new("gender", [("female", 49), ("male", 49), ("other", 2)]);

    /// <summary>Weights for values known only by their order (a CHECK's list, an enum's labels): 1/(i+1), a gentle Zipf.</summary>
    public static ChoiceSet Ordered(string name, IReadOnlyList<string> values) =>
        new(name, [.. values.Select((v, i) => (v, Math.Max(1, 1000 / (i + 1))))]);

    /// <summary>The set for a status-like column, from its words and its table's.</summary>
    public static ChoiceSet ForStatus(IReadOnlyCollection<string> columnWords, IReadOnlyCollection<string> tableWords)
    {
        bool Any(params string[] words) => words.Any(w => columnWords.Contains(w) || tableWords.Contains(w));
        return columnWords.Contains("marital") ? MaritalStatus
            : Any("order", "shipment", "delivery", "fulfillment", "fulfilment") ? OrderStatus
            : Any("payment", "transaction", "charge", "refund") ? PaymentStatus
            : Any("invoice", "bill") ? InvoiceStatus
            : Any("ticket", "issue", "incident", "bug", "case", "request") ? TicketStatus
            : Any("task", "todo", "job", "step") ? TaskStatus
            : Any("post", "article", "page", "document", "story", "blog", "content") ? PublishStatus
            : AccountStatus;
    }

    /// <summary>The set for a type/kind/class column, from its words and its table's.</summary>
    public static ChoiceSet ForType(IReadOnlyCollection<string> columnWords, IReadOnlyCollection<string> tableWords)
    {
        bool Col(params string[] words) => words.Any(columnWords.Contains);
        bool Any(params string[] words) => words.Any(w => columnWords.Contains(w) || tableWords.Contains(w));
        return Col("address") ? AddressType
            : Col("phone") ? PhoneType
            : Col("blood") ? BloodType
            : Col("card") ? CardBrand
            : Col("payment", "method") ? PaymentMethod
            : Col("account") || (Any("account") && Any("bank")) ? AccountType
            : Col("transaction") || Any("transaction") ? TransactionType
            : Col("channel", "source") ? Channel
            : Col("plan", "tier", "subscription", "membership", "level") ? Tier
            : Col("priority") ? Priority
            : Col("severity") ? Severity
            : Col("role") ? Role
            : Col("size") ? Size
            : Col("frequency", "interval", "period") ? Frequency
            : Any("address") ? AddressType
            : Any("phone") ? PhoneType
            : Any("payment") ? PaymentMethod
            : GenericType;
    }
}
