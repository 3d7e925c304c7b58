using GenDb.Commands;

namespace GenDb.Proxy.Gendb;

/// <summary>The hook factory that gives each session the interception of <c>CALL gendb.…</c>.</summary>
public static class GendbHooks
{
    public static Func<SessionInfo, IClientMessageHook?> Factory(ProcedureCatalog? catalog = null)
    {
        var procedures = catalog ?? ProcedureCatalog.Default;
        return _ => new GendbSessionHook(procedures);
    }
}
