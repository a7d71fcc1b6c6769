using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RepoCache.Proxy.Contract;

namespace RepoCache.Verification.Tests.Support;

/// <summary>How a planted faulty proxy decides a check.</summary>
internal enum ProxyFault
{
    /// <summary>Every check is a miss with reason <c>absent</c>, whatever is stored.</summary>
    AlwaysMiss,

    /// <summary>
    /// Stores <c>pushedAt</c> exactly as sent and hits only when the feed's text equals it, so the same instant in
    /// the other spelling misses.
    /// </summary>
    ComparesPushedAtAsStrings,
}

/// <summary>
/// A small cache proxy on Kestrel at 127.0.0.1 with the wire format of the real one (check, write, read, stats) and one
/// planted fault. It keeps entries and counters in memory.
/// </summary>
internal sealed class FaultyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly ProxyFault _fault;
    private long _checks;
    private long _hits;
    private long _writes;
    private readonly ConcurrentDictionary<string, long> _missesByReason = new(StringComparer.Ordinal);

    private FaultyProxy(ProxyFault fault)
    {
        _fault = fault;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();

        _app.MapPost("/cache/check", (CheckRequest request) => Results.Json(new CheckResponse(request.Repos.Select(Check).ToList())));
        _app.MapPut("/cache/{owner}/{repo}", (string owner, string repo, CacheWriteRequest request) => Write(owner, repo, request));
        _app.MapGet("/cache/{owner}/{repo}", (string owner, string repo, string pushedAt) => Read(owner, repo, pushedAt));
        _app.MapGet("/cache/stats", () => Results.Json(Stats()));
        _app.MapPost("/cache/stats/reset", Reset);
    }

    /// <summary>The proxy's base URL.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts a faulty proxy on a free loopback port.</summary>
    public static async Task<FaultyProxy> StartAsync(ProxyFault fault)
    {
        var proxy = new FaultyProxy(fault);
        await proxy._app.StartAsync();
        var address = proxy._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.BaseAddress = new Uri(address);
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private CheckResult Check(CheckItem item)
    {
        Interlocked.Increment(ref _checks);
        var (hit, reason) = Decide(item.Owner, item.Name, item.PushedAt);
        if (hit)
        {
            Interlocked.Increment(ref _hits);
        }
        else
        {
            _missesByReason.AddOrUpdate(reason!, 1, (_, count) => count + 1);
        }

        return new CheckResult(item.Owner, item.Name, hit, reason);
    }

    private (bool Hit, string? Reason) Decide(string owner, string name, string? pushedAt)
    {
        if (_fault == ProxyFault.AlwaysMiss || !_entries.TryGetValue(RepositoryName.CacheKey(owner, name), out var entry))
        {
            return (false, MissReason.Absent);
        }

        return entry.Status == CacheStatus.Complete && entry.PushedAt == pushedAt ? (true, null) : (false, MissReason.Stale);
    }

    private IResult Write(string owner, string repo, CacheWriteRequest request)
    {
        Interlocked.Increment(ref _writes);
        var now = DateTimeOffset.UtcNow.ToString(PushedAt.CanonicalFormat, CultureInfo.InvariantCulture);
        _entries[RepositoryName.CacheKey(owner, repo)] = new CacheEntry(
            owner, repo, request.PushedAt, now, request.Status ?? CacheStatus.Complete, request.Processor, request.Digest, request.Error);
        return Results.NoContent();
    }

    private IResult Read(string owner, string repo, string pushedAt)
    {
        var (hit, reason) = Decide(owner, repo, pushedAt == "null" ? null : pushedAt);
        return hit
            ? Results.Json(_entries[RepositoryName.CacheKey(owner, repo)])
            : Results.Json(new MissResponse(true, reason!), statusCode: StatusCodes.Status404NotFound);
    }

    private IResult Reset()
    {
        Interlocked.Exchange(ref _checks, 0);
        Interlocked.Exchange(ref _hits, 0);
        Interlocked.Exchange(ref _writes, 0);
        _missesByReason.Clear();
        return Results.NoContent();
    }

    private CacheStatsResponse Stats()
    {
        var checks = Interlocked.Read(ref _checks);
        var hits = Interlocked.Read(ref _hits);
        var none = new LatencySummary(0, 0, 0, 0, 0);
        var window = new StatsWindow(
            "2026-01-01T00:00:00Z", checks, hits, checks - hits, _missesByReason.ToDictionary(), checks == 0 ? 0 : (double)hits / checks,
            0, Interlocked.Read(ref _writes), 0, 0, 0, new LatencyReport(none, none, none));
        return new CacheStatsResponse("faulty", _entries.Count, window, window);
    }
}
