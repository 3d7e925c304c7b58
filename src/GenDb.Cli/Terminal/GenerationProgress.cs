using System.Collections.Concurrent;
using System.Globalization;
using GenDb.Generation.Engine;
using GenDb.Schema;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GenDb.Cli.Terminal;

/// <summary>A table the run has filled, as <c>gendb generate</c> reports it.</summary>
internal sealed record FinishedTable(string Name, long Rows, long Milliseconds, string? Note)
{
    /// <summary>Whole rows per second, rounded down; a table done within a millisecond counts as 1 ms.</summary>
    public long RowsPerSecond => Rows * 1000 / Math.Max(Milliseconds, 1);

    /// <summary><c>public.customers: 500 rows in 120 ms (4,166 rows/s)</c>, then the engine's note if any.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Rows:N0} rows in {Milliseconds:N0} ms ({RowsPerSecond:N0} rows/s)")
        + (Note is { Length: > 0 } note ? $"; {note}" : string.Empty);
}

/// <summary>
/// Hears the engine as it fills tables and shows it: at a terminal, a Spectre progress bar per table
/// with rows, rows/s and the time left; anywhere else (a pipe, a file, CI), one plain line per
/// finished table, which a script can read.
/// </summary>
internal abstract class GenerationProgress : IGenerationObserver
{
    private readonly Lock _gate = new();
    private readonly List<FinishedTable> _finished = [];

    /// <summary>Every table finished so far, in the order they finished.</summary>
    public IReadOnlyList<FinishedTable> Finished
    {
        get
        {
            lock (_gate)
            {
                return [.. _finished];
            }
        }
    }

    /// <summary>
    /// A terminal that redraws: progress bars need both (Spectre draws them only then, and prints
    /// a bare snapshot now and then otherwise, which helps neither a person nor a script).
    /// </summary>
    public static bool IsTerminal(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Profile.Capabilities is { Interactive: true, Ansi: true };
    }

    /// <summary>Runs <paramref name="run"/> with the progress display that suits <paramref name="console"/>, live for as long as it runs.</summary>
    public static Task<T> RunAsync<T>(IAnsiConsole console, Func<GenerationProgress, Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        if (!IsTerminal(console))
        {
            return run(new PlainGenerationProgress(console.Profile.Out.Writer));
        }

        return RunLiveAsync(console, run);
    }

    private static async Task<T> RunLiveAsync<T>(IAnsiConsole console, Func<GenerationProgress, Task<T>> run)
    {
        GenerationProgress? progress = null;
        var result = await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new RowsColumn(),
                new RateColumn(),
                new RemainingTimeColumn())
            .StartAsync(context => run(progress = new LiveGenerationProgress(context)));

        // The bars have no room for the engine's notes (rows set aside, tables pulled in): under them.
        foreach (var table in progress!.Finished.Where(t => t.Note is { Length: > 0 }))
        {
            console.MarkupLine($"[grey]{Markup.Escape(table.Name)}: {Markup.Escape(table.Note!)}[/]");
        }

        return result;
    }

    /// <summary>The last line: how much, how long, and the seed that makes the same rows again.</summary>
    public static string Summary(IReadOnlyCollection<FinishedTable> tables, TimeSpan elapsed, long seed, string scenario)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var rows = tables.Sum(t => t.Rows);
        var time = elapsed.TotalSeconds < 10
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds:N0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:N1} s");
        return string.Create(CultureInfo.InvariantCulture,
            $"done: {rows:N0} rows in {tables.Count:N0} {(tables.Count == 1 ? "table" : "tables")} in {time} (seed {seed}, scenario {scenario})");
    }

    public ValueTask TableStartedAsync(QualifiedName table, long rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        OnStarted(table.ToString(), rows);
        return ValueTask.CompletedTask;
    }

    public void RowsWritten(QualifiedName table, long rowsSoFar)
    {
        ArgumentNullException.ThrowIfNull(table);
        OnRowsWritten(table.ToString(), rowsSoFar);
    }

    public ValueTask TableFinishedAsync(TableReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Finish(new FinishedTable(report.Table.ToString(), report.RowsInserted, report.Milliseconds, report.Note));
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The run's result, table by table: reports the tables the observer did not hear about (an
    /// engine that reports only at the end), so every table is shown once whatever the engine told.
    /// </summary>
    public void Complete(IEnumerable<FinishedTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables)
        {
            bool known;
            lock (_gate)
            {
                known = _finished.Any(f => f.Name == table.Name);
            }

            if (!known)
            {
                Finish(table);
            }
        }
    }

    protected abstract void OnStarted(string table, long rows);

    protected abstract void OnRowsWritten(string table, long rowsSoFar);

    protected abstract void OnFinished(FinishedTable table);

    private void Finish(FinishedTable table)
    {
        lock (_gate)
        {
            _finished.Add(table);
        }

        OnFinished(table);
    }

    /// <summary>One line per finished table, written whole and flushed, so a reader of the pipe sees it at once.</summary>
    private sealed class PlainGenerationProgress(TextWriter output) : GenerationProgress
    {
        private readonly Lock _write = new();

        protected override void OnStarted(string table, long rows)
        {
        }

        protected override void OnRowsWritten(string table, long rowsSoFar)
        {
        }

        protected override void OnFinished(FinishedTable table)
        {
            lock (_write)
            {
                output.WriteLine(table.ToString());
                output.Flush();
            }
        }
    }

    /// <summary>
    /// A Spectre task per table. <see cref="ProgressTask"/> locks its own state, so the generating
    /// thread sets values directly; Spectre redraws on its own timer.
    /// </summary>
    private sealed class LiveGenerationProgress(ProgressContext context) : GenerationProgress
    {
        private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

        protected override void OnStarted(string table, long rows) =>
            _tasks[table] = context.AddTask(Markup.Escape(table), autoStart: true, maxValue: Math.Max(rows, 1));

        protected override void OnRowsWritten(string table, long rowsSoFar)
        {
            if (_tasks.TryGetValue(table, out var task))
            {
                task.Value = Math.Min(rowsSoFar, task.MaxValue);
            }
        }

        protected override void OnFinished(FinishedTable table)
        {
            var task = _tasks.GetOrAdd(table.Name, name => context.AddTask(Markup.Escape(name), autoStart: true, maxValue: 1));
            task.Tag = table;
            task.MaxValue = Math.Max(table.Rows, 1);
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }

    /// <summary><c>1,500/5,000 rows</c> while running; <c>5,000 rows</c> when done.</summary>
    private sealed class RowsColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Tag is FinishedTable done
                ? string.Create(CultureInfo.InvariantCulture, $"{done.Rows:N0} rows")
                : string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0} rows"));
    }

    /// <summary>Rows per second: Spectre's recent speed while running, the table's own average when done.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var rate = task.Tag is FinishedTable done ? done.RowsPerSecond : task.Speed ?? 0;
            return new Text(string.Create(CultureInfo.InvariantCulture, $"{rate:N0} rows/s"), new Style(Color.Grey));
        }
    }
}
