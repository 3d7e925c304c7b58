using BenchmarkDotNet.Attributes;
using GenDb.Commands;
using GenDb.Protocol;
using GenDb.Proxy;
using GenDb.Proxy.Gendb;

namespace GenDb.Benchmarks;

/// <summary>
/// Once the gendb hook is installed the relay asks <see cref="GendbSessionHook.Claims"/> about every
/// candidate client message, so for ordinary traffic it must answer "no" without allocating. Bodies
/// are the message bodies after the type byte and length, as the relay passes them.
/// </summary>
[MemoryDiagnoser]
public class GendbHookClaimsBenchmarks
{
    private const string GendbStatementName = "gendb_s1";

    private IClientMessageHook _hook = null!;
    private IClientMessageHook _hookWithGendbStatement = null!;
    private byte[] _queryBody = [];
    private byte[] _bindBody = [];
    private byte[] _preparedBindBody = [];
    private byte[] _executeBody = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _hook = NewSessionHook();

        _queryBody = Body(FrontendMessageType.Query, b => b.WriteCString("SELECT 1"));

        // Unnamed portal, unnamed statement, no parameter formats, no parameters, no result formats.
        _bindBody = Body(FrontendMessageType.Bind, b => b.WriteCString(string.Empty).WriteCString(string.Empty).WriteInt16(0).WriteInt16(0).WriteInt16(0));

        // pgbench -M prepared: unnamed portal, statement P0_1, one text parameter.
        _preparedBindBody = Body(FrontendMessageType.Bind, b => b
            .WriteCString(string.Empty).WriteCString("P0_1")
            .WriteInt16(0).WriteInt16(1).WriteInt32(5).WriteBytes("12345"u8).WriteInt16(0));

        // Unnamed portal, no row limit.
        _executeBody = Body(FrontendMessageType.Execute, b => b.WriteCString(string.Empty).WriteInt32(0));

        // A session that has prepared a named gendb statement: from then on every Bind looks its
        // statement name up among GenDB's, which is the path that decodes the name on the stack.
        _hookWithGendbStatement = NewSessionHook();
        var session = new ScriptedSession();
        var parseBody = Body(FrontendMessageType.Parse, b => b
            .WriteCString(GendbStatementName).WriteCString("CALL gendb.return_generated(include => 'users')").WriteInt16(0));
        await _hookWithGendbStatement.HandleAsync((byte)FrontendMessageType.Parse, parseBody, session, CancellationToken.None);
        await _hookWithGendbStatement.HandleAsync((byte)FrontendMessageType.Sync, ReadOnlyMemory<byte>.Empty, session, CancellationToken.None);

        var gendbBindBody = Body(FrontendMessageType.Bind, b => b.WriteCString(string.Empty).WriteCString(GendbStatementName).WriteInt16(0).WriteInt16(0).WriteInt16(0));
        if (!session.Answered((byte)BackendMessageType.ParseComplete) ||
            !_hookWithGendbStatement.Claims((byte)FrontendMessageType.Bind, gendbBindBody))
        {
            throw new InvalidOperationException("The gendb statement was not prepared: the after-prepare benchmark would measure the empty-session path.");
        }

        if (Claims_Query() || Claims_Bind() || Claims_Execute() || Claims_Sync() || Claims_Bind_AfterGendbPrepare())
        {
            throw new InvalidOperationException("An ordinary message was claimed: these benchmarks would not measure the relay's path.");
        }
    }

    [Benchmark]
    public bool Claims_Query() => _hook.Claims((byte)FrontendMessageType.Query, _queryBody);

    [Benchmark]
    public bool Claims_Bind() => _hook.Claims((byte)FrontendMessageType.Bind, _bindBody);

    [Benchmark]
    public bool Claims_Execute() => _hook.Claims((byte)FrontendMessageType.Execute, _executeBody);

    [Benchmark]
    public bool Claims_Sync() => _hook.Claims((byte)FrontendMessageType.Sync, []);

    [Benchmark]
    public bool Claims_Bind_AfterGendbPrepare() => _hookWithGendbStatement.Claims((byte)FrontendMessageType.Bind, _preparedBindBody);

    /// <summary>The hook a session gets from the proxy's factory, as the relay holds it: through the interface.</summary>
    private static IClientMessageHook NewSessionHook() =>
        GendbHooks.Factory(catalog: ProcedureCatalog.Default)(new SessionInfo(1, "127.0.0.1")) as GendbSessionHook
        ?? throw new InvalidOperationException("The gendb hook factory no longer makes a GendbSessionHook.");

    /// <summary>The body of a message built by <paramref name="write"/>, without its type byte and length.</summary>
    private static byte[] Body(FrontendMessageType type, Func<MessageBuilder, MessageBuilder> write)
    {
        var frame = write(new MessageBuilder().Begin(type)).End().ToArray();
        return frame[FrameHeader.Size..];
    }

    /// <summary>
    /// Just enough of a session for the hook to prepare a statement: an idle server that is never
    /// asked anything, and a client whose replies are kept to check what the hook answered.
    /// </summary>
    private sealed class ScriptedSession : ISessionChannel, IBackendLease
    {
        private readonly List<byte> _toClient = [];

        public SessionInfo Info { get; } = new(1, "127.0.0.1");

        public bool HasUnsyncedExtendedMessages => false;

        public TransactionStatus TransactionStatus => TransactionStatus.Idle;

        public ValueTask<IBackendLease> AcquireBackendAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IBackendLease>(this);

        public ValueTask SendToBackendAsync(ReadOnlyMemory<byte> messages, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Preparing a gendb statement does not talk to the server.");

        public CancellationToken ClientCancellation => CancellationToken.None;

        public ValueTask<BackendMessage> ReadBackendMessageAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Preparing a gendb statement does not talk to the server.");

        public ValueTask<BackendMessage?> TryReadBackendMessageAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Preparing a gendb statement does not talk to the server.");

        public ValueTask SendToClientAsync(ReadOnlyMemory<byte> messages, CancellationToken cancellationToken)
        {
            _toClient.AddRange(messages.Span);
            return ValueTask.CompletedTask;
        }

        public ValueTask ForwardToClientAsync(BackendMessage message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Preparing a gendb statement does not talk to the server.");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        /// <summary>True when the first message sent to the client has type <paramref name="type"/>.</summary>
        public bool Answered(byte type) => _toClient.Count > 0 && _toClient[0] == type;
    }
}
