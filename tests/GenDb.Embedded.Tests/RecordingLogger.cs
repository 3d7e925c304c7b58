using Microsoft.Extensions.Logging;

namespace GenDb.Embedded.Tests;

/// <summary>Keeps every log event, with its structured properties, for assertions.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<LogEvent> _events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : [];
        lock (_events)
        {
            _events.Add(new LogEvent(eventId.Id, logLevel, formatter(state, exception), properties));
        }
    }
}

internal sealed record LogEvent(int Id, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties);
