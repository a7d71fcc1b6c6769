using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using RepoCache.Kv;
using RepoCache.Kv.Rest;
using RepoCache.Kv.Semantics;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache kv serve</c>: serves the Workers KV REST API v4 from a local data file until stopped.</summary>
internal static class KvServeCommand
{
    /// <summary>Environment variable read when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "REPOCACHE_KV_TOKEN";

    /// <summary>Default TCP port, one above the cache proxy's 8787 so both can run side by side.</summary>
    public const int DefaultPort = 8788;

    public static Command Create()
    {
        var database = new Option<string>("--db") { Description = $"LiteDB data file of the emulator (created when missing), or {KvEmulatorOptions.InMemory} for a store that ends with the process.", Required = true };
        var port = new Option<int>("--port") { Description = "TCP port to listen on; 0 picks a free port.", DefaultValueFactory = _ => DefaultPort };
        var host = new Option<string>("--host") { Description = "IP address to listen on; anything but loopback needs a token.", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = $"Bearer token every request must send (default: the {TokenVariable} environment variable, which stays out of the process list)." };
        var staleReads = new Option<int>("--stale-read-seconds") { Description = "Seconds a read may return an older result, as production's edge caches do; 0 turns stale reads off.", DefaultValueFactory = _ => 0 };
        var rapidWrites = new Option<bool>("--reject-rapid-writes") { Description = "Fail a second write to the same key within one second with 429, as production does." };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Lowest level of the logs written to standard error.", DefaultValueFactory = _ => LogLevel.Information };

        var command = new Command("serve", $"Serve the Workers KV REST API v4 under /client/v4 on 127.0.0.1:{DefaultPort} until Ctrl+C; unknown namespace ids are created on first use.");
        foreach (var option in new Option[] { database, port, host, token, staleReads, rapidWrites, logLevel })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var emulatorOptions = new KvEmulatorOptions(
                parseResult.GetValue(database)!,
                StaleReadSeconds: parseResult.GetValue(staleReads),
                RejectRapidWrites: parseResult.GetValue(rapidWrites));
            var serverOptions = new KvRestServerOptions(
                parseResult.GetValue(host)!,
                parseResult.GetValue(port),
                parseResult.GetValue(token) ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable)),
                CreateNamespacesOnFirstUse: true);

            return await RunAsync(emulatorOptions, serverOptions, parseResult.GetValue(logLevel), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(KvEmulatorOptions emulatorOptions, KvRestServerOptions serverOptions, LogLevel logLevel, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(logLevel)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)

            // A failed start is reported once as an error line; the host's own log would repeat it with a stack trace.
            .AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.UseUtcTimestamp = true;
            })
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        var logger = loggerFactory.CreateLogger("RepoCache.Cli.KvServe");

        KvEmulator emulator;
        try
        {
            emulator = KvEmulator.Open(emulatorOptions with { LoggerFactory = loggerFactory });
        }
        catch (Exception error) when (error is KvException or IOException or ArgumentException)
        {
            Console.Error.WriteLine($"error: cannot open the KV data file '{emulatorOptions.DatabasePath}': {error.Message}");
            return KvLocalStore.ExitFailed;
        }

        using (emulator)
        {
            KvRestServer server;
            try
            {
                server = await KvRestServer.StartAsync(emulator, serverOptions with { LoggerFactory = loggerFactory }, cancellationToken);
            }
            catch (ArgumentException error)
            {
                Console.Error.WriteLine($"error: {error.Message}");
                return KvLocalStore.ExitInvalidUsage;
            }
            catch (IOException error)
            {
                Console.Error.WriteLine($"error: cannot listen on {serverOptions.Host}:{serverOptions.Port}: {error.Message}");
                return KvLocalStore.ExitFailed;
            }

            await using (server)
            {
                var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
                Console.WriteLine($"Listening on {origin}");
                logger.LogInformation(
                    "Serving KV REST API v4 at {Origin}/client/v4/accounts/{{account_id}}/storage/kv/namespaces from {DatabasePath}; token required: {TokenRequired}",
                    origin,
                    emulatorOptions.DatabasePath,
                    !string.IsNullOrEmpty(serverOptions.Token));

                // Stop gracefully on Ctrl+C and SIGTERM, so the data file is closed and its lock released.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => RequestStop(signal, stop));
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => RequestStop(signal, stop));

                try
                {
                    await Task.Delay(Timeout.Infinite, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    logger.LogInformation("Stopping the KV REST server at {Origin}", origin);
                }
            }
        }

        return KvLocalStore.ExitSuccess;
    }

    private static void RequestStop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        signal.Cancel = true;
        stop.Cancel();
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
