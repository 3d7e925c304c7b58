using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GenDb.IntegrationTests.Infrastructure;

/// <summary>Keeps every log line in memory so tests can assert on what the proxy logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyCollection<LogLine> Lines => _lines;

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    /// <summary>Waits up to a few seconds for a line to show up: sessions log their close after the client has gone.</summary>
    public async Task<LogLine> WaitForAsync(Func<LogLine, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = _lines.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("No such log line. Lines:\n" + string.Join('\n', _lines.TakeLast(30)));
            }

            await Task.Delay(25);
        }
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new LogLine(logLevel, eventId.Id, formatter(state, exception), exception));
    }
}

public sealed record LogLine(LogLevel Level, int EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} [{EventId}] {Message}";
}
