using System.Net;
using System.Net.Sockets;
using RepoCache.Proxy.Hosting;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

// These tests change environment variables, the working folder and files beside the test assembly, which every
// proxy started in this process would read, so they run alone.
[Collection(ProcessSettingsCollection.Name)]
public class ListenerConfigurationTests
{
    [Theory]
    [InlineData("Kestrel__Endpoints__Extra__Url", "http://127.0.0.1:{port}")]
    [InlineData("ASPNETCORE_Kestrel__Endpoints__Extra__Url", "http://127.0.0.1:{port}")]
    [InlineData("DOTNET_Kestrel__Endpoints__Extra__Url", "http://127.0.0.1:{port}")]
    [InlineData("ASPNETCORE_URLS", "http://127.0.0.1:{port}")]
    [InlineData("DOTNET_URLS", "http://127.0.0.1:{port}")]
    [InlineData("URLS", "http://127.0.0.1:{port}")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "{port}")]
    [InlineData("HTTP_PORTS", "{port}")]
    public async Task Environment_variable_adds_no_listener(string name, string valueTemplate)
    {
        var extraPort = FreeLoopbackPort();
        using var environment = new EnvironmentScope().Set(name, valueTemplate.Replace("{port}", extraPort.ToString()));

        await using var proxy = await StartOnLoopbackAsync();

        await ShouldServeOnlyAtBaseAddressAsync(proxy, extraPort);
    }

    [Fact]
    public async Task Preferred_hosting_urls_do_not_replace_the_listener()
    {
        var extraPort = FreeLoopbackPort();
        using var environment = new EnvironmentScope()
            .Set("ASPNETCORE_PREFERHOSTINGURLS", "true")
            .Set("ASPNETCORE_URLS", $"http://127.0.0.1:{extraPort}");

        await using var proxy = await StartOnLoopbackAsync();

        await ShouldServeOnlyAtBaseAddressAsync(proxy, extraPort);
    }

    [Fact]
    public async Task Appsettings_in_working_folder_adds_no_listener()
    {
        var extraPort = FreeLoopbackPort();
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("appsettings.json"), ListenerSettingsJson(extraPort));
        var previousFolder = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(folder.Path);

        try
        {
            await using var proxy = await StartOnLoopbackAsync();

            await ShouldServeOnlyAtBaseAddressAsync(proxy, extraPort);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousFolder);
        }
    }

    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Production.json")]
    public async Task Appsettings_beside_the_program_adds_no_listener(string fileName)
    {
        var extraPort = FreeLoopbackPort();
        var path = Path.Combine(AppContext.BaseDirectory, fileName);
        File.Exists(path).ShouldBeFalse($"{path} already exists; this test writes and deletes it, so remove it first.");
        await File.WriteAllTextAsync(path, ListenerSettingsJson(extraPort));

        try
        {
            await using var proxy = await StartOnLoopbackAsync();

            await ShouldServeOnlyAtBaseAddressAsync(proxy, extraPort);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Configured_port_is_the_only_listener()
    {
        var configuredPort = FreeLoopbackPort();
        var extraPort = FreeLoopbackPort();
        using var environment = new EnvironmentScope().Set("Kestrel__Endpoints__Extra__Url", $"http://127.0.0.1:{extraPort}");

        await using var proxy = await CacheProxyServer.StartAsync(new CacheProxyOptions { Port = configuredPort, DatabasePath = ":memory:" }, CancellationToken.None);

        proxy.BaseAddress.Port.ShouldBe(configuredPort);
        await ShouldServeOnlyAtBaseAddressAsync(proxy, extraPort);
    }

    private static Task<RunningCacheProxy> StartOnLoopbackAsync() =>
        CacheProxyServer.StartAsync(new CacheProxyOptions { Port = 0, DatabasePath = ":memory:" }, CancellationToken.None);

    private static async Task ShouldServeOnlyAtBaseAddressAsync(RunningCacheProxy proxy, int extraPort)
    {
        proxy.BaseAddress.Host.ShouldBe("127.0.0.1");
        proxy.BaseAddress.Port.ShouldNotBe(extraPort);

        using var client = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        (await client.GetAsync("health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ShouldRefuseConnectionAsync(extraPort);
    }

    private static async Task ShouldRefuseConnectionAsync(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        var error = await Should.ThrowAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
        error.SocketErrorCode.ShouldBe(SocketError.ConnectionRefused, $"something listens on 127.0.0.1:{port}");
    }

    // Another process could take the port before the test probes it. That is unlikely for an ephemeral port, and it
    // makes the test fail, never pass wrongly.
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ListenerSettingsJson(int port) =>
        $$"""
        {
          "urls": "http://127.0.0.1:{{port}}",
          "preferHostingUrls": true,
          "Kestrel": { "Endpoints": { "Extra": { "Url": "http://127.0.0.1:{{port}}" } } }
        }
        """;
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessSettingsCollection
{
    public const string Name = "Process-wide settings";
}
