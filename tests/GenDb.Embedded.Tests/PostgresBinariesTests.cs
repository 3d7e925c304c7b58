using Xunit;

namespace GenDb.Embedded.Tests;

/// <summary>These tests change a process-wide environment variable, so they run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(EnvironmentVariableCollection), DisableParallelization = true)]
public sealed class EnvironmentVariableCollection;

[Collection(nameof(EnvironmentVariableCollection))]
public sealed class PostgresBinariesTests
{
    [Fact]
    public void Locate_Installed_FindsAllFourPrograms()
    {
        var binaries = PostgresBinaries.Locate();

        Assert.All([binaries.Initdb, binaries.PgCtl, binaries.Postgres, binaries.Psql], p => Assert.True(File.Exists(p), p));
        Assert.All([binaries.Initdb, binaries.PgCtl, binaries.Postgres, binaries.Psql], p => Assert.Equal(binaries.BinDirectory, Path.GetDirectoryName(p)));
    }

    [Fact]
    public void Locate_BinDirectoryVariableNamesEmptyDirectory_ThrowsSayingHowToInstall()
    {
        var empty = Directory.CreateTempSubdirectory("gendb-empty-bin-").FullName;
        var previous = Environment.GetEnvironmentVariable(PostgresBinaries.BinDirectoryVariable);
        Environment.SetEnvironmentVariable(PostgresBinaries.BinDirectoryVariable, empty);
        try
        {
            var ex = Assert.Throws<PostgresNotInstalledException>(PostgresBinaries.Locate);

            Assert.Contains("GENDB_PG_BINDIR", ex.Message, StringComparison.Ordinal);
            Assert.Contains(empty, ex.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get update && apt-get install -y postgresql-", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PostgresBinaries.BinDirectoryVariable, previous);
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Locate_BinDirectoryVariableNamesInstalledDirectory_UsesIt()
    {
        var installed = PostgresBinaries.Locate().BinDirectory;
        var previous = Environment.GetEnvironmentVariable(PostgresBinaries.BinDirectoryVariable);
        Environment.SetEnvironmentVariable(PostgresBinaries.BinDirectoryVariable, installed + Path.DirectorySeparatorChar);
        try
        {
            Assert.Equal(Path.Combine(installed, "initdb"), PostgresBinaries.Locate().Initdb);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PostgresBinaries.BinDirectoryVariable, previous);
        }
    }
}
