using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using RepoCache.Kv.Rest;
using Xunit.Abstractions;

namespace RepoCache.Kv.Tests.Rest;

/// <summary>
/// A KV emulator on a LiteDB file in a fresh temp folder, served by a real Kestrel REST server on a loopback port.
/// </summary>
internal sealed class KvRestFixture : IAsyncDisposable
{
    public const string AccountId = "0123456789abcdef0123456789abcdef";

    private readonly ILoggerFactory _loggerFactory;

    private KvRestFixture(string folder, FakeTimeProvider clock, KvEmulator emulator, KvRestServer server, string? token, ILoggerFactory loggerFactory)
    {
        _loggerFactory = loggerFactory;
        Folder = folder;
        Clock = clock;
        Emulator = emulator;
        Server = server;
        Client = new HttpClient { BaseAddress = server.BaseAddress };
        if (token is not null)
        {
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public string Folder { get; }

    public FakeTimeProvider Clock { get; }

    public KvEmulator Emulator { get; }

    public KvRestServer Server { get; }

    public HttpClient Client { get; }

    public string DatabasePath => Path.Combine(Folder, "kv.db");

    public static async Task<KvRestFixture> StartAsync(string? token = null, bool createNamespacesOnFirstUse = false, ITestOutputHelper? output = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "repocache-kv-rest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var emulator = KvEmulator.Open(new KvEmulatorOptions(Path.Combine(folder, "kv.db"), clock));
        var loggerFactory = LoggerFactory.Create(logging =>
        {
            if (output is not null)
            {
                logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new XunitLoggerProvider(output));
            }
        });
        var server = await KvRestServer.StartAsync(
            emulator,
            new KvRestServerOptions(Token: token, CreateNamespacesOnFirstUse: createNamespacesOnFirstUse, LoggerFactory: loggerFactory));

        return new KvRestFixture(folder, clock, emulator, server, token, loggerFactory);
    }

    /// <summary>Path of the namespace collection, relative to the base address.</summary>
    public static string NamespacesPath => $"/client/v4/accounts/{AccountId}/storage/kv/namespaces";

    /// <summary>Path of one namespace, relative to the base address.</summary>
    public static string NamespacePath(string namespaceId) => $"{NamespacesPath}/{namespaceId}";

    /// <summary>Creates a namespace through the emulator and returns its id.</summary>
    public string CreateNamespace(string title = "test") => Emulator.CreateNamespace(title).Id;

    public long NowEpochSeconds => Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Sends a JSON body and returns the parsed envelope.</summary>
    public async Task<(int Status, JsonElement Envelope)> SendJsonAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>
    /// Sends a request whose target goes on the wire exactly as given, bypassing <see cref="Uri"/> normalisation,
    /// the way <c>curl --path-as-is</c> does.
    /// </summary>
    public Task<RawHttpResponse> SendRawAsync(string method, string rawTarget, byte[]? body = null, string? authorization = null) =>
        SendRawAsync(Server.BaseAddress.Port, method, rawTarget, body, authorization);

    /// <summary>Sends a request with an exact target to any server on a loopback port.</summary>
    public static async Task<RawHttpResponse> SendRawAsync(int port, string method, string rawTarget, byte[]? body = null, string? authorization = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        await using var stream = tcp.GetStream();

        var head = new StringBuilder();
        head.Append($"{method} {rawTarget} HTTP/1.1\r\n");
        head.Append($"Host: 127.0.0.1:{port}\r\n");
        head.Append("Connection: close\r\n");
        head.Append($"Content-Length: {body?.Length ?? 0}\r\n");
        if (authorization is not null)
        {
            head.Append($"Authorization: {authorization}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()));
        if (body is not null)
        {
            await stream.WriteAsync(body);
        }

        using var received = new MemoryStream();
        await stream.CopyToAsync(received);
        return ParseResponse(received.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Emulator.Dispose();
        _loggerFactory.Dispose();

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still being released is left for the OS temp cleaner.
        }
    }

    private static RawHttpResponse ParseResponse(byte[] bytes)
    {
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(bytes, 0, headerEnd);
        var lines = head.Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        var body = bytes[(headerEnd + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked"))
        {
            body = Dechunk(body);
        }

        return new RawHttpResponse(status, headers, body);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, position, lineEnd).Split(';')[0], 16);
            position += lineEnd + 2;
            if (size == 0)
            {
                return output.ToArray();
            }

            output.Write(chunked, position, size);
            position += size + 2;
        }
    }
}
