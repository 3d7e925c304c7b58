namespace GenDb.Generation.Constraints;

/// <summary>
/// Folds the facts of any number of CHECKs (all of which must hold) into one <see cref="CheckAnalysis"/>:
/// two lower bounds keep the higher, two lists of allowed values keep what both allow, and so on.
/// </summary>
internal sealed class RuleAccumulator
{
    private readonly Dictionary<string, ColumnState> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<ColumnRelation> _relations = [];
    private readonly List<NullCoupling> _couplings = [];
    private bool _exact = true;

    public void Add(Conjunction conjunction)
    {
        _exact &= conjunction.Exact;
        foreach (var fact in conjunction.Facts)
        {
            Add(fact);
        }
    }

    public CheckAnalysis Build()
    {
        var columns = new Dictionary<string, ColumnRules>(StringComparer.Ordinal);
        foreach (var name in _order)
        {
            var rules = _columns[name].ToRules();
            if (!rules.IsEmpty)
            {
                columns[name] = rules;
            }
        }

        return new CheckAnalysis(columns, [.. _relations], [.. _couplings], _exact);
    }

    private void Add(CheckFact fact)
    {
        switch (fact)
        {
            case BoundFact bound:
                _exact &= State(bound.Column).Tighten(bound);
                break;
            case AllowedFact allowed:
                State(allowed.Column).Allow(allowed.Values);
                break;
            case ForbiddenFact forbidden:
                State(forbidden.Column).Forbid(forbidden.Values);
                break;
            case LengthFact length:
                State(length.Column).Length(length.Min, length.Max);
                break;
            case PatternFact pattern:
                State(pattern.Column).Match(pattern.Pattern, pattern.CaseInsensitive);
                break;
            case NotBlankFact notBlank:
                State(notBlank.Column).NotBlank = true;
                break;
            case NullnessFact { MustBeNull: false } notNull:
                State(notNull.Column).NotNull = true;
                break;
            case NullnessFact:
                // "must be NULL" has no place in ColumnRules.
                _exact = false;
                break;
            case RelationFact relation when !_relations.Contains(relation.Relation):
                _relations.Add(relation.Relation);
                break;
            case CouplingFact coupling when !_couplings.Contains(coupling.Coupling):
                _couplings.Add(coupling.Coupling);
                break;
            default:
                break;
        }
    }

    private ColumnState State(string column)
    {
        if (!_columns.TryGetValue(column, out var state))
        {
            state = new ColumnState();
            _columns.Add(column, state);
            _order.Add(column);
        }

        return state;
    }

    private sealed class ColumnState
    {
        private readonly List<TypedLiteral> _forbidden = [];
        private readonly List<string> _patterns = [];
        private readonly List<string> _caseInsensitivePatterns = [];
        private BoundFact? _lower;
        private BoundFact? _upper;
        private List<TypedLiteral>? _allowed;
        private int? _minLength;
        private int? _maxLength;

        public bool NotBlank { get; set; }

        public bool NotNull { get; set; }

        /// <summary>Keeps the tighter of two bounds; false when they cannot be ordered (one is then lost).</summary>
        public bool Tighten(BoundFact bound)
        {
            ref var current = ref bound.IsLower ? ref _lower : ref _upper;
            if (current is null)
            {
                current = bound;
                return true;
            }

            var order = LiteralOrder.AreEqual(bound.Literal, current.Literal) ? 0 : LiteralOrder.Compare(bound.Literal, current.Literal);
            if (order is not { } comparison)
            {
                return false;
            }

            var tighter = comparison == 0 ? !bound.Inclusive : (bound.IsLower ? comparison > 0 : comparison < 0);
            if (tighter)
            {
                current = bound;
            }

            return true;
        }

        public void Allow(IReadOnlyList<TypedLiteral> values)
        {
            var distinct = new List<TypedLiteral>();
            foreach (var value in values)
            {
                if (!distinct.Any(d => LiteralOrder.AreEqual(d, value)))
                {
                    distinct.Add(value);
                }
            }

            _allowed = _allowed is null ? distinct : [.. _allowed.Where(a => distinct.Any(d => LiteralOrder.AreEqual(a, d)))];
        }

        public void Forbid(IReadOnlyList<TypedLiteral> values)
        {
            foreach (var value in values)
            {
                if (!_forbidden.Any(f => f.Text == value.Text))
                {
                    _forbidden.Add(value);
                }
            }
        }

        public void Length(int? min, int? max)
        {
            if (min is { } atLeast)
            {
                _minLength = Math.Max(_minLength ?? atLeast, atLeast);
            }

            if (max is { } atMost)
            {
                _maxLength = Math.Min(_maxLength ?? atMost, atMost);
            }
        }

        public void Match(string pattern, bool caseInsensitive)
        {
            var patterns = caseInsensitive ? _caseInsensitivePatterns : _patterns;
            if (!patterns.Contains(pattern))
            {
                patterns.Add(pattern);
            }
        }

        public ColumnRules ToRules() => new()
        {
            Lower = _lower is { } lower ? new ValueBound(lower.Literal.Text!, lower.Inclusive) : null,
            Upper = _upper is { } upper ? new ValueBound(upper.Literal.Text!, upper.Inclusive) : null,
            AllowedValues = _allowed is null ? null : [.. _allowed.Where(IsPossible).Select(a => a.Text!)],
            ForbiddenValues = _forbidden.Count == 0 ? [] : [.. _forbidden.Select(f => f.Text!)],
            MinLength = _minLength,
            MaxLength = _maxLength,
            Patterns = _patterns.Count == 0 ? [] : [.. _patterns],
            CaseInsensitivePatterns = _caseInsensitivePatterns.Count == 0 ? [] : [.. _caseInsensitivePatterns],
            NotBlank = NotBlank,
            NotNull = NotNull,
        };

        /// <summary>
        /// An allowed value that a forbidden value or a bound rules out is dropped from the list (the
        /// other rules stay, so the result means the same).
        /// </summary>
        private bool IsPossible(TypedLiteral value)
        {
            if (_forbidden.Any(f => LiteralOrder.AreEqual(f, value)))
            {
                return false;
            }

            if (_lower is { } lower && LiteralOrder.Compare(value, lower.Literal) is { } fromLower
                && (fromLower < 0 || (fromLower == 0 && !lower.Inclusive)))
            {
                return false;
            }

            return _upper is not { } upper || LiteralOrder.Compare(value, upper.Literal) is not { } fromUpper
                || (fromUpper < 0 || (fromUpper == 0 && upper.Inclusive));
        }
    }
}
