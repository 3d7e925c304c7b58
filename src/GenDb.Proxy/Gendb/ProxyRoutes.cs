using System.Collections.Concurrent;
using GenDb.Commands.Routing;

namespace GenDb.Proxy.Gendb;

/// <summary>One routing request kept by the proxy: what <c>return_generated</c> was called with.</summary>
public sealed record ProxyRoute(string? Include, string? Exclude, string Scenario);

/// <summary>
/// Routing with <c>scope => 'proxy'</c>: kept for every later session of the same user and
/// database, and applied right after each session authenticates and after each reset
/// (<c>DISCARD ALL</c>/<c>DISCARD TEMP</c>), so pooled connections keep seeing generated data.
/// Routes given at start-up (<c>gendb serve --route</c>) apply to every user and database.
/// </summary>
public sealed class ProxyRoutes
{
    private readonly ConcurrentDictionary<(string User, string Database), List<ProxyRoute>> _routes = new();
    private readonly IReadOnlyList<ProxyRoute> _everywhere;

    public ProxyRoutes(IEnumerable<ProxyRoute>? everywhere = null) => _everywhere = (everywhere ?? []).ToList();

    public IReadOnlyList<ProxyRoute> For(string user, string database)
    {
        if (!_routes.TryGetValue((user, database), out var routes))
        {
            return _everywhere;
        }

        lock (routes)
        {
            return [.. _everywhere, .. routes];
        }
    }

    /// <summary>Whether any route applies to this user and database; cheap enough for the relay's hot path.</summary>
    public bool Any(string user, string database) =>
        _everywhere.Count > 0 || (_routes.TryGetValue((user, database), out var routes) && routes.Count > 0);

    public void Add(string user, string database, ProxyRoute route)
    {
        var routes = _routes.GetOrAdd((user, database), _ => []);
        lock (routes)
        {
            routes.RemoveAll(r => r == route);
            routes.Add(route);
        }
    }

    /// <summary>Forgets the routes of this user and database: all of them, or those asked for with the same include.</summary>
    public int Remove(string user, string database, string? include)
    {
        if (!_routes.TryGetValue((user, database), out var routes))
        {
            return 0;
        }

        lock (routes)
        {
            return routes.RemoveAll(r => include is null || r.Include == include);
        }
    }

    /// <summary>Whether a proxy route of this user and database would route the table.</summary>
    public bool Routes(string user, string database, string schema, string table) =>
        For(user, database).Any(r =>
        {
            var candidate = new TableCandidate(schema, table, IsOnSearchPath: true);
            var include = TablePatterns.Parse(r.Include);
            return (include.IsEmpty || include.Matches(candidate)) && !TablePatterns.Parse(r.Exclude).Matches(candidate);
        });
}
