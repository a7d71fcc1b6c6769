using System.CommandLine;
using Microsoft.Extensions.Logging;
using RepoCache.Kv.Semantics;
using RepoCache.Proxy.Hosting;

namespace RepoCache.Cli.Commands;

/// <summary><c>repocache serve</c>: runs the cache proxy with the embedded KV emulator or Cloudflare KV until stopped.</summary>
internal static class ServeCommand
{
    /// <summary>Environment variable read when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "REPOCACHE_TOKEN";

    private const int ExitStartFailed = 1;

    private const int ExitInvalidUsage = 2;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on; 0 picks a free port.", DefaultValueFactory = _ => CacheProxyOptions.DefaultPort };
        var host = new Option<string>("--host") { Description = "IP address to listen on; anything but loopback needs a token.", DefaultValueFactory = _ => "127.0.0.1" };
        var database = new Option<string>("--db") { Description = "LiteDB file of the embedded KV emulator, or :memory:; it also keeps the stats.", DefaultValueFactory = _ => CacheProxyOptions.DefaultDatabasePath };
        var token = new Option<string?>("--token") { Description = $"Bearer token every request must send (default: the {TokenVariable} environment variable)." };
        var kv = new Option<string>("--kv") { Description = "KV backend holding the cache entries: embedded or cloudflare.", DefaultValueFactory = _ => "embedded" };
        kv.AcceptOnlyFromAmong("embedded", "cloudflare");
        var accountId = new Option<string?>("--cf-account-id") { Description = $"Cloudflare account id (default: {CloudflareKvOptions.AccountIdVariable})." };
        var namespaceId = new Option<string?>("--cf-namespace-id") { Description = $"Workers KV namespace id (default: {CloudflareKvOptions.NamespaceIdVariable})." };
        var apiToken = new Option<string?>("--cf-api-token") { Description = $"Cloudflare API token (default: {CloudflareKvOptions.ApiTokenVariable}); prefer the variable, which stays out of the process list." };
        var baseUrl = new Option<string>("--cf-base-url") { Description = "Base URL of the Cloudflare REST API v4.", DefaultValueFactory = _ => CloudflareKvOptions.ProductionBaseUrl };
        var logLevel = new Option<LogLevel>("--log-level") { Description = "Lowest level of the logs written to standard error.", DefaultValueFactory = _ => LogLevel.Information };

        var command = new Command("serve", "Run the cache proxy (the Worker in front of Workers KV) on 127.0.0.1:8787 until Ctrl+C.");
        foreach (var option in new Option[] { port, host, database, token, kv, accountId, namespaceId, apiToken, baseUrl, logLevel })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new CacheProxyOptions
            {
                Host = parseResult.GetValue(host)!,
                Port = parseResult.GetValue(port),
                DatabasePath = parseResult.GetValue(database)!,
                Token = parseResult.GetValue(token) ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable)),
                Backend = parseResult.GetValue(kv) == "cloudflare" ? KvBackendKind.Cloudflare : KvBackendKind.Embedded,
                Cloudflare = new CloudflareKvOptions
                {
                    AccountId = parseResult.GetValue(accountId),
                    NamespaceId = parseResult.GetValue(namespaceId),
                    ApiToken = parseResult.GetValue(apiToken),
                    BaseUrl = parseResult.GetValue(baseUrl)!,
                },
            };

            return await RunAsync(options, parseResult.GetValue(logLevel), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(CacheProxyOptions options, LogLevel logLevel, CancellationToken cancellationToken)
    {
        using var loggerFactory = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(logLevel)
            .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            .AddFilter("System.Net.Http", LogLevel.Warning)

            // A failed start is reported once below, without the host's own stack trace.
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss.fff ";
                console.UseUtcTimestamp = true;
            })
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));

        RunningCacheProxy proxy;
        try
        {
            proxy = await CacheProxyServer.StartAsync(options with { LoggerFactory = loggerFactory }, cancellationToken);
        }
        catch (CacheProxyConfigurationException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitInvalidUsage;
        }
        catch (Exception exception) when (exception is IOException or KvException)
        {
            Console.Error.WriteLine($"error: the cache proxy could not start: {exception.Message}");
            return ExitStartFailed;
        }

        await using (proxy)
        {
            Console.WriteLine($"repocache serve: listening on {proxy.BaseAddress} with the {proxy.Backend.Kind} KV backend ({proxy.Backend.Location})");
            Console.WriteLine(options.Token is null
                ? "No token set: requests need no Authorization header. Press Ctrl+C to stop."
                : "Token set: every request needs 'Authorization: Bearer <token>'. Press Ctrl+C to stop.");

            await proxy.WaitForShutdownAsync(cancellationToken);
            Console.WriteLine("repocache serve: stopping.");
        }

        Console.WriteLine("repocache serve: stopped.");
        return 0;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
