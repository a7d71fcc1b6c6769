using System.Net.Sockets;
using System.Text;
using RepoCache.Proxy.Tests.Support;

namespace RepoCache.Proxy.Tests;

/// <summary>Request targets sent byte for byte over a socket, because HttpClient would normalise them first.</summary>
public class RawTargetTests
{
    private static async Task<string> SendRawAsync(Uri baseAddress, string method, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = client.GetStream();

        var request = $"{method} {target} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Theory]
    [InlineData("GET", "/cache/octo/..?pushedAt=2019-01-01T00:00:00Z", "\"field\":\"repo\"")]
    [InlineData("GET", "/cache/octo/.?pushedAt=2019-01-01T00:00:00Z", "\"field\":\"repo\"")]
    [InlineData("GET", "/cache/octo/%2E%2E?pushedAt=2019-01-01T00:00:00Z", "\"field\":\"repo\"")]
    [InlineData("GET", "/cache/octo/%FF?pushedAt=2019-01-01T00:00:00Z", "\"field\":\"repo\"")]
    [InlineData("GET", "/cache/%/x?pushedAt=2019-01-01T00:00:00Z", "\"field\":\"owner\"")]
    [InlineData("GET", "/cache/octo/x?pushedAt=%FF", "\"field\":\"pushedAt\"")]
    [InlineData("GET", "/cache/octo/x?pushedAt=2019-01-01T00:00:00Z&processor=%00", "\"field\":\"processor\"")]
    [InlineData("GET", "/cache/octo/a%2Fb/c?pushedAt=2019-01-01T00:00:00Z", "\"field\":\"path\"")]
    [InlineData("PUT", "/cache/octo/../x", "\"field\":\"path\"")]
    [InlineData("DELETE", "/cache/octo/x/", "\"field\":\"path\"")]
    public async Task Odd_targets_get_a_400_problem(string method, string target, string expected)
    {
        await using var host = await ProxyHost.StartAsync();

        var response = await SendRawAsync(host.Proxy.BaseAddress, method, target);

        response.ShouldStartWith("HTTP/1.1 400", customMessage: response);
        response.ShouldContain("application/problem+json");
        response.ShouldContain(expected, customMessage: response);
    }
}
