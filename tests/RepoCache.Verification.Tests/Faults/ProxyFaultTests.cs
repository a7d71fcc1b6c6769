using System.Net;
using System.Net.Sockets;
using RepoCache.Verification.Tests.Support;

namespace RepoCache.Verification.Tests.Faults;

/// <summary>The verification must fail, naming the broken check, when the cache proxy is faulty or unreachable.</summary>
public sealed class ProxyFaultTests
{
    [Fact]
    public async Task Always_miss_proxy_fails_pass_2_hits()
    {
        await using var proxy = await FaultyProxy.StartAsync(ProxyFault.AlwaysMiss);

        using var run = await VerifyRun.StartAsync([.. VerifyRun.SmallRun, "--proxy-url", proxy.BaseAddress.ToString()]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.FailedChecks().ShouldContain("pass2.hits");
        run.FailedChecks().ShouldContain("pass2.miss-set");
        run.FailedChecks().ShouldContain("pass3.hits");
        run.Output.ShouldContain("FAIL pass2.hits");
    }

    [Fact]
    public async Task Unreachable_proxy_fails_pass_2_hits()
    {
        var closedPort = ClosedLoopbackPort();

        using var run = await VerifyRun.StartAsync(
            [.. VerifyRun.SmallRun, "--proxy-url", $"http://127.0.0.1:{closedPort}", "--on-cache-error", "process-all", "--runner-args=--max-retries 0"]);

        run.ExitCode.ShouldBe(1, run.Output);
        run.FailedChecks().ShouldContain("pass2.hits");
        run.FailedChecks().ShouldContain("pass2.downloads");
        run.FailedChecks().ShouldContain("pass1.stats");
        run.Output.ShouldContain("FAIL pass2.hits");
    }

    [Fact]
    public async Task String_comparing_proxy_fails_pass_3()
    {
        await using var proxy = await FaultyProxy.StartAsync(ProxyFault.ComparesPushedAtAsStrings);

        using var run = await VerifyRun.StartAsync([.. VerifyRun.SmallRun, "--proxy-url", proxy.BaseAddress.ToString()]);

        run.ExitCode.ShouldBe(1, run.Output);
        var failed = run.FailedChecks();
        failed.ShouldContain("pass3.proxy-spelling");
        failed.ShouldNotContain("pass1.hits");
        failed.ShouldNotContain("pass2.hits");
        run.Output.ShouldContain("FAIL pass3.proxy-spelling");
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
