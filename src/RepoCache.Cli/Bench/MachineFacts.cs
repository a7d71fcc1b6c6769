using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace RepoCache.Cli.Bench;

/// <summary>The machine a run measured, written next to the figures so that runs on different machines are not compared.</summary>
internal sealed record MachineFacts(
    [property: JsonPropertyName("processorCount")] int ProcessorCount,
    [property: JsonPropertyName("processor")] string Processor,
    [property: JsonPropertyName("memoryBytes")] long MemoryBytes,
    [property: JsonPropertyName("os")] string OperatingSystem,
    [property: JsonPropertyName("architecture")] string Architecture,
    [property: JsonPropertyName("dotnet")] string DotNet,
    [property: JsonPropertyName("serverGc")] bool ServerGc,
    [property: JsonPropertyName("loadAverage")] string LoadAverage)
{
    /// <summary>Reads the facts of the current machine and runtime.</summary>
    public static MachineFacts Read() => new(
        Environment.ProcessorCount,
        ReadProcessorName(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        System.Runtime.GCSettings.IsServerGC,
        ReadLoadAverage());

    // Other work on the machine slows every figure, so the report records the 1, 5 and 15 minute load averages.
    private static string ReadLoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        if (!File.Exists(loadAverage))
        {
            return "unknown";
        }

        return string.Join(' ', File.ReadAllText(loadAverage).Split(' ').Take(3));
    }

    // Linux names the processor in /proc/cpuinfo; other systems report "unknown".
    private static string ReadProcessorName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return "unknown";
        }

        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
