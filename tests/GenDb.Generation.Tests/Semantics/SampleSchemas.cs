using GenDb.Sql.Npgsql;
using GenDb.Generation.Tests.Infrastructure;
using GenDb.Schema;
using Npgsql;

namespace GenDb.Generation.Tests.Semantics;

/// <summary>Pagila and Chinook loaded into their own databases of the shared cluster, and read into models once.</summary>
public sealed class SampleSchemas(ClusterFixture cluster) : IAsyncLifetime
{
    public string PagilaConnectionString { get; private set; } = string.Empty;

    public string ChinookConnectionString { get; private set; } = string.Empty;

    public DatabaseModel Pagila { get; private set; } = null!;

    public DatabaseModel Chinook { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var pagila = cluster.CreateDatabaseAsync("sem_pagila", ClusterFixture.SharedSchema("pagila-schema.sql"));
        var chinook = cluster.CreateDatabaseAsync("sem_chinook", ClusterFixture.SharedSchema("chinook.sql"));
        PagilaConnectionString = await pagila;
        ChinookConnectionString = await chinook;
        Pagila = await ReadAsync(PagilaConnectionString);
        Chinook = await ReadAsync(ChinookConnectionString);
    }

    public DatabaseModel Model(string schema) => schema == "pagila" ? Pagila : Chinook;

    public async Task<NpgsqlConnection> OpenAsync(string schema)
    {
        var connection = new NpgsqlConnection(schema == "pagila" ? PagilaConnectionString : ChinookConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<DatabaseModel> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return await SchemaIntrospector.ReadAsync(new NpgsqlSqlSession(connection), TestContext.Current.CancellationToken);
    }
}
