using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace RepoCache.Verification.GitHub;

/// <summary>
/// A WireMock.Net server on a fresh 127.0.0.1 port that plays the GitHub REST API for a set of repositories:
/// repository metadata, and <c>/repos/{owner}/{repo}/tarball</c>, which returns a redirect to a codeload-like
/// path that serves the generated tarball. Its request log is the verification's record of downloads.
/// </summary>
public sealed class GitHubStandIn : IDisposable
{
    /// <summary>Path prefix of the redirect target that serves tarball bytes.</summary>
    public const string CodeloadPrefix = "/codeload/";

    private readonly WireMockServer _server;
    private readonly ConcurrentDictionary<string, UpstreamRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);

    private GitHubStandIn(WireMockServer server)
    {
        _server = server;
        _server
            .Given(Request.Create().UsingAnyMethod())
            .AtPriority(int.MaxValue)
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.NotFound)
                .WithHeader("Content-Type", "application/json")
                .WithBody("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}"""));
    }

    /// <summary>The base URL runners use as <c>--github-url</c>, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{_server.Port}");

    /// <summary>The repositories the stand-in serves, keyed by lower-cased <c>owner/name</c>.</summary>
    public IReadOnlyDictionary<string, UpstreamRepository> Repositories => _repositories;

    /// <summary>Starts the stand-in on a free 127.0.0.1 port, serving <paramref name="repositories"/>.</summary>
    public static GitHubStandIn Start(IEnumerable<UpstreamRepository> repositories)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            // The port is free when probed; another process could take it before WireMock binds, hence the retry.
            var port = FreeLoopbackPort();
            try
            {
                var server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [$"http://127.0.0.1:{port}"],
                    StartAdminInterface = false,
                    ReadStaticMappings = false,
                });

                var standIn = new GitHubStandIn(server);
                foreach (var repository in repositories)
                {
                    standIn.Publish(repository);
                }

                return standIn;
            }
            catch (Exception error) when (attempt < attempts && error is IOException or SocketException or InvalidOperationException)
            {
                // Try the next free port.
            }
        }
    }

    /// <summary>Serves <paramref name="repository"/>, replacing what was served under its name (a push upstream).</summary>
    public void Publish(UpstreamRepository repository)
    {
        _repositories[Key(repository.Owner, repository.Name)] = repository;

        var apiPath = $"/repos/{repository.Owner}/{repository.Name}";
        var codeloadPath = $"{CodeloadPrefix}{repository.Owner}/{repository.Name}/legacy.tar.gz/{repository.CommitSha}";
        var tarball = TarballBuilder.Build(repository);

        _server
            .Given(Request.Create().UsingGet().WithPath(apiPath))
            .WithGuid(MappingId("metadata", repository))
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.OK)
                .WithHeader("Content-Type", "application/json")
                .WithBody(Metadata(repository)));

        _server
            .Given(Request.Create().UsingGet().WithPath(apiPath + "/tarball", apiPath + "/tarball/main"))
            .WithGuid(MappingId("tarball", repository))
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.Found)
                .WithHeader("Location", BaseAddress.ToString().TrimEnd('/') + codeloadPath));

        _server
            .Given(Request.Create().UsingGet().WithPath(codeloadPath))
            .WithGuid(MappingId("codeload", repository))
            .RespondWith(Response.Create()
                .WithStatusCode(HttpStatusCode.OK)
                .WithHeader("Content-Type", "application/x-gzip")
                .WithHeader("Content-Disposition", $"attachment; filename={repository.Owner}-{repository.Name}-{repository.CommitSha[..7]}.tar.gz")
                .WithBody(tarball));
    }

    /// <summary>
    /// Counts tarball requests (<c>GET /repos/{owner}/{repo}/tarball</c>) in the request log per lower-cased
    /// <c>owner/name</c>, whether or not the repository is known.
    /// </summary>
    public IReadOnlyDictionary<string, int> CountTarballRequests()
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _server.LogEntries)
        {
            var segments = (entry.RequestMessage?.Path ?? string.Empty).Trim('/').Split('/');
            var isTarball = segments.Length is 4 or 5 && segments[0] == "repos" && segments[3] == "tarball";
            if (!isTarball || !string.Equals(entry.RequestMessage!.Method, "GET", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = Key(Uri.UnescapeDataString(segments[1]), Uri.UnescapeDataString(segments[2]));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }

    /// <summary>Counts every request in the log that fetched tarball bytes from the codeload path.</summary>
    public int CountCodeloadRequests() =>
        _server.LogEntries.Count(entry => entry.RequestMessage?.Path?.StartsWith(CodeloadPrefix, StringComparison.Ordinal) == true);

    /// <summary>Clears the request log, so the next pass counts only its own requests.</summary>
    public void ClearRequestLog() => _server.ResetLogEntries();

    /// <summary>The lower-cased <c>owner/name</c> key the stand-in uses.</summary>
    public static string Key(string owner, string name) => $"{owner}/{name}".ToLowerInvariant();

    /// <inheritdoc/>
    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static string Metadata(UpstreamRepository repository) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["name"] = repository.Name,
        ["full_name"] = repository.FullName,
        ["owner"] = new Dictionary<string, string> { ["login"] = repository.Owner },
        ["default_branch"] = "main",
        ["pushed_at"] = repository.PushedAt is { } instant ? Proxy.Contract.PushedAt.Format(instant) : null,
    });

    private static Guid MappingId(string route, UpstreamRepository repository)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{route}:{Key(repository.Owner, repository.Name)}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
