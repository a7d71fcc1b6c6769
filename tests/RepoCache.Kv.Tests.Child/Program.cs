using System.Globalization;
using RepoCache.Kv;
using RepoCache.Kv.Semantics;
using RepoCache.Kv.Tests.Child;

// Usage:
//   write <db> <namespace-id> <value-bytes> [count]   put key-000000, key-000001, ... and print "acked <key>" after each
//                                                    put returns; without count, write until killed
//   hold <db>                                        open the data file, print "holding <pid>", close when stdin closes
//   script <db> <namespace-id> <step>...             run each step and print "acked <step>" after it returns, then
//                                                    print "done" and wait, without closing, until killed or stdin
//                                                    closes; steps: put:<key>=<text>, delete:<key>, drop-namespace,
//                                                    create-namespace
// Exit codes: 0 done, 2 usage error, 3 the emulator raised a KvException (message on stderr).

if (args.Length < 2)
{
    Console.Error.WriteLine("usage: write <db> <namespace-id> <value-bytes> [count] | hold <db> | script <db> <namespace-id> <step>...");
    return 2;
}

try
{
    return args[0] switch
    {
        "write" when args.Length >= 4 => await WriteAsync(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : null),
        "hold" => Hold(args[1]),
        "script" when args.Length >= 3 => await ScriptAsync(args[1], args[2], args[3..]),
        _ => Usage(args[0]),
    };
}
catch (KvException error)
{
    Console.Error.WriteLine($"error: {error.StatusCode} {error.ErrorCode} {error.Message}");
    return 3;
}

static int Usage(string command)
{
    Console.Error.WriteLine($"unknown command or missing arguments: '{command}'");
    return 2;
}

static async Task<int> WriteAsync(string databasePath, string namespaceId, int valueBytes, int? count)
{
    using var emulator = KvEmulator.Open(new KvEmulatorOptions(databasePath));
    emulator.GetOrCreateNamespace(namespaceId);
    var kv = emulator.GetNamespace(namespaceId);
    Console.WriteLine("ready");

    for (var index = 0; count is null || index < count; index++)
    {
        var key = ChildValues.KeyFor(index);
        await kv.PutAsync(key, ChildValues.ValueFor(index, valueBytes));
        Console.WriteLine($"acked {key}");
    }

    Console.WriteLine("done");
    return 0;
}

static async Task<int> ScriptAsync(string databasePath, string namespaceId, string[] steps)
{
    var emulator = KvEmulator.Open(new KvEmulatorOptions(databasePath));
    emulator.GetOrCreateNamespace(namespaceId);
    Console.WriteLine("ready");

    foreach (var step in steps)
    {
        if (step.StartsWith("put:", StringComparison.Ordinal) && step.IndexOf('=', StringComparison.Ordinal) is var equals and > 4)
        {
            await emulator.GetNamespace(namespaceId).PutAsync(step[4..equals], System.Text.Encoding.UTF8.GetBytes(step[(equals + 1)..]));
        }
        else if (step.StartsWith("delete:", StringComparison.Ordinal))
        {
            await emulator.GetNamespace(namespaceId).DeleteAsync(step["delete:".Length..]);
        }
        else if (step == "drop-namespace")
        {
            emulator.DeleteNamespace(namespaceId);
        }
        else if (step == "create-namespace")
        {
            emulator.GetOrCreateNamespace(namespaceId);
        }
        else
        {
            Console.Error.WriteLine($"unknown step '{step}'; use put:<key>=<text>, delete:<key>, drop-namespace or create-namespace");
            return 2;
        }

        Console.WriteLine($"acked {step}");
    }

    // The emulator stays open on purpose, so that a kill leaves whatever an open store leaves on disk.
    Console.WriteLine("done");
    Console.In.ReadToEnd();
    emulator.Dispose();
    return 0;
}

static int Hold(string databasePath)
{
    using var emulator = KvEmulator.Open(new KvEmulatorOptions(databasePath));
    Console.WriteLine($"holding {Environment.ProcessId}");
    Console.In.ReadToEnd();
    return 0;
}
