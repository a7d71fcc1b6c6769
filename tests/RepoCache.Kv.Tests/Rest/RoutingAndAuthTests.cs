using System.Net;
using System.Net.Http.Headers;
using RepoCache.Kv.Rest;

namespace RepoCache.Kv.Tests.Rest;

public sealed class RoutingAndAuthTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/client/v4/accounts")]
    [InlineData("/client/v4/accounts/acc/storage/kv")]
    [InlineData("/client/v4/accounts/acc/storage/kv/namespaces/0123456789abcdef0123456789abcdef/unknown")]
    [InlineData("/client/v4/accounts/acc/storage/kv/namespaces/0123456789abcdef0123456789abcdef/bulk/put")]
    public async Task Unknown_path_returns_7003_envelope(string path)
    {
        await using var fixture = await KvRestFixture.StartAsync();

        var (status, envelope) = await fixture.SendJsonAsync(HttpMethod.Get, path);

        status.ShouldBe(404);
        envelope.GetProperty("success").GetBoolean().ShouldBeFalse();
        envelope.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvRestErrorCodes.NoRoute);
    }

    [Fact]
    public async Task Any_account_id_reaches_the_same_namespaces()
    {
        await using var fixture = await KvRestFixture.StartAsync();
        fixture.CreateNamespace("shared");

        var (status, envelope) = await fixture.SendJsonAsync(HttpMethod.Get, "/client/v4/accounts/other-account/storage/kv/namespaces");

        status.ShouldBe(200);
        envelope.GetProperty("result").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Request_without_token_is_rejected_with_401()
    {
        await using var fixture = await KvRestFixture.StartAsync(token: "s3cret");
        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        using var response = await anonymous.GetAsync(KvRestFixture.NamespacesPath);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        text.ShouldContain($"\"code\":{KvRestErrorCodes.AuthenticationError}");
        text.ShouldContain("Authentication error");
    }

    [Theory]
    [InlineData("Bearer wrong")]
    [InlineData("Bearer s3cret2")]
    [InlineData("Bearer s3cre")]
    public async Task Request_with_wrong_token_is_rejected_with_403(string authorization)
    {
        await using var fixture = await KvRestFixture.StartAsync(token: "s3cret");

        var response = await fixture.SendRawAsync("GET", KvRestFixture.NamespacesPath, authorization: authorization);

        response.StatusCode.ShouldBe(403);
        response.Json.GetProperty("errors")[0].GetProperty("code").GetInt32().ShouldBe(KvRestErrorCodes.AuthenticationError);
    }

    [Fact]
    public async Task Request_with_other_scheme_is_rejected_with_401()
    {
        await using var fixture = await KvRestFixture.StartAsync(token: "s3cret");

        var response = await fixture.SendRawAsync("GET", KvRestFixture.NamespacesPath, authorization: "Basic czNjcmV0");

        response.StatusCode.ShouldBe(401);
        response.Json.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("does not use the Bearer scheme");
    }

    [Fact]
    public async Task Key_of_many_dot_dot_segments_stays_a_key()
    {
        await using var fixture = await KvRestFixture.StartAsync();
        var id = fixture.CreateNamespace();
        const string key = "../../../../../../../..";

        var put = await fixture.SendRawAsync("PUT", KvRestFixture.NamespacePath(id) + "/values/" + key, "deep"u8.ToArray());
        var stored = await fixture.Emulator.GetNamespace(id).GetWithMetadataAsync(key);
        var delete = await fixture.SendRawAsync("DELETE", KvRestFixture.NamespacePath(id) + "/values/" + key);

        put.StatusCode.ShouldBe(200);
        stored.ShouldNotBeNull();
        delete.StatusCode.ShouldBe(200);
        fixture.Emulator.FindNamespace(id).ShouldNotBeNull();
        (await fixture.Emulator.GetNamespace(id).GetWithMetadataAsync(key)).ShouldBeNull();
    }

    [Fact]
    public async Task Request_with_the_token_succeeds()
    {
        await using var fixture = await KvRestFixture.StartAsync(token: "s3cret");

        using var response = await fixture.Client.GetAsync(KvRestFixture.NamespacesPath);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unauthenticated_put_stores_nothing()
    {
        await using var fixture = await KvRestFixture.StartAsync(token: "s3cret");
        var id = fixture.CreateNamespace();
        using var anonymous = new HttpClient { BaseAddress = fixture.Server.BaseAddress };

        using var response = await anonymous.PutAsync(KvRestFixture.NamespacePath(id) + "/values/k", new StringContent("v"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await fixture.Emulator.GetNamespace(id).GetWithMetadataAsync("k")).ShouldBeNull();
    }

    [Fact]
    public async Task Non_loopback_host_without_token_is_rejected()
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory));

        var error = await Should.ThrowAsync<ArgumentException>(() => KvRestServer.StartAsync(emulator, new KvRestServerOptions(Host: "0.0.0.0")));

        error.Message.ShouldContain("not a loopback address");
    }

    [Fact]
    public async Task Host_that_is_not_an_ip_address_is_rejected()
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory));

        var error = await Should.ThrowAsync<ArgumentException>(() => KvRestServer.StartAsync(emulator, new KvRestServerOptions(Host: "example.invalid")));

        error.Message.ShouldContain("is not an IP address");
    }

    [Fact]
    public async Task Port_in_use_fails_with_io_exception()
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory));
        await using var first = await KvRestServer.StartAsync(emulator);

        var error = await Should.ThrowAsync<IOException>(() => KvRestServer.StartAsync(emulator, new KvRestServerOptions(Port: first.BaseAddress.Port)));

        error.Message.ShouldContain(first.BaseAddress.Port.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task Port_out_of_range_is_rejected(int port)
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory));

        var error = await Should.ThrowAsync<ArgumentException>(() => KvRestServer.StartAsync(emulator, new KvRestServerOptions(Port: port)));

        error.Message.ShouldContain($"Port {port} is out of range");
    }

    [Fact]
    public async Task Kestrel_endpoints_from_environment_are_ignored()
    {
        // Tests of this class run one at a time, so the variable cannot leak into the Map test's host.
        var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var extraPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        const string variable = "Kestrel__Endpoints__Extra__Url";
        Environment.SetEnvironmentVariable(variable, $"http://127.0.0.1:{extraPort}");

        try
        {
            using var emulator = KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory));
            await using var server = await KvRestServer.StartAsync(emulator);
            using var tcp = new System.Net.Sockets.TcpClient();

            await Should.ThrowAsync<System.Net.Sockets.SocketException>(() => tcp.ConnectAsync(IPAddress.Loopback, extraPort));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Map_serves_the_api_inside_another_application()
    {
        using var emulator = KvEmulator.Open(new KvEmulatorOptions(KvEmulatorOptions.InMemory));
        var id = emulator.CreateNamespace("hosted").Id;
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        await using var application = builder.Build();
        KvRestApi.Map(application, emulator);
        await application.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(application.Urls.First()) };

        using var put = await client.PutAsync($"/client/v4/accounts/a/storage/kv/namespaces/{id}/values/x%2Fy", new StringContent("hosted"));
        var value = await client.GetStringAsync($"/client/v4/accounts/a/storage/kv/namespaces/{id}/values/x/y");

        var dotDot = await KvRestFixture.SendRawAsync(client.BaseAddress!.Port, "DELETE", $"/client/v4/accounts/a/storage/kv/namespaces/{id}/values/..");

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        value.ShouldBe("hosted");
        dotDot.StatusCode.ShouldBe(400);
        emulator.FindNamespace(id).ShouldNotBeNull();
        await application.StopAsync();
    }
}
