using GenDb.Commands;
using GenDb.Commands.Execution;

namespace GenDb.Proxy.Gendb;

/// <summary>The hook factory that gives each session the interception of <c>CALL gendb.…</c>.</summary>
public static class GendbHooks
{
    /// <param name="routes">Proxy-scope routing shared by every session of this proxy; a new, empty set when null.</param>
    /// <param name="catalog">The procedures; <see cref="ProcedureCatalog.Default"/> when null.</param>
    /// <param name="defaults">Defaults from gendb.yaml for the commands (generate_data's rows and seed).</param>
    public static Func<SessionInfo, IClientMessageHook?> Factory(ProxyRoutes? routes = null, ProcedureCatalog? catalog = null, CommandContext? defaults = null)
    {
        var procedures = catalog ?? ProcedureCatalog.Default;
        var shared = routes ?? new ProxyRoutes();
        return info => new GendbSessionHook(procedures, shared, info, defaults: defaults);
    }
}
