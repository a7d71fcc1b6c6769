using System.CommandLine;
using RepoCache.Kv;
using RepoCache.Kv.Semantics;

namespace RepoCache.Cli.Commands;

/// <summary>
/// Options and helpers shared by the <c>repocache kv</c> commands that open a data file directly.
/// </summary>
internal static class KvLocalStore
{
    public const int ExitSuccess = 0;

    public const int ExitFailed = 1;

    public const int ExitInvalidUsage = 2;

    public static Option<string> CreateDatabaseOption() => new("--db")
    {
        Description = "LiteDB data file of the KV emulator; it is created when missing.",
        Required = true,
    };

    public static Option<string> CreateNamespaceOption() => new("--namespace")
    {
        Description = "Namespace id: 32 lower-case hexadecimal characters, as 'repocache kv namespace list' shows.",
        Required = true,
    };

    /// <summary>
    /// Opens the data file, runs <paramref name="action"/> and maps KV errors to a message on standard error and exit code 1.
    /// </summary>
    public static async Task<int> RunAsync(string databasePath, Func<KvEmulator, Task<int>> action)
    {
        if (databasePath == KvEmulatorOptions.InMemory)
        {
            Console.Error.WriteLine($"error: --db {KvEmulatorOptions.InMemory} keeps nothing after this command ends; give the path of a data file.");
            return ExitInvalidUsage;
        }

        try
        {
            using var emulator = KvEmulator.Open(new KvEmulatorOptions(databasePath));
            return await action(emulator);
        }
        catch (KvException error)
        {
            Console.Error.WriteLine($"error: {error.Message}");
            return ExitFailed;
        }
        catch (IOException error)
        {
            Console.Error.WriteLine($"error: cannot use the data file '{databasePath}': {error.Message}");
            return ExitFailed;
        }
    }
}
